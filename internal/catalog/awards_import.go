package catalog

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"marquee/internal/film"
	"marquee/internal/store"
)

// ErrRejected is returned (wrapped) when an all-or-nothing import found
// malformed rows and so wrote nothing.
var ErrRejected = errors.New("rows rejected; nothing written")

// AwardsOptions are the options of ImportAwards.
type AwardsOptions struct {
	Options
	Format string // "csv", "json" or "" to detect
}

// ImportAwards reads an awards file (see AwardColumns) row by row,
// validates every row and looks up its film and person, and — only when
// every row is good — writes them all in one transaction and refreshes
// the knowledge of the films they touch. A single bad row (a malformed
// field, an unknown film or person) means nothing is written; every bad
// row is reported by file, line and field.
func ImportAwards(ctx context.Context, st *store.Store, path string, opts AwardsOptions) (*Summary, error) {
	start := time.Now()
	sum := &Summary{Source: "awards", DryRun: opts.DryRun, RowErrors: []RowError{}}
	in, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	name := filepath.Base(path)
	ar, err := NewAwardReader(name, in.r, opts.Format)
	if err != nil {
		return nil, err
	}
	t := sum.tally(name, &opts.Options)
	rep := newReporter(opts.Progress, name, in)
	defer rep.send("done")
	var (
		awards []film.Award
		films  = map[string]bool{}
	)
	for {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		row, err := ar.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var re *RowError
		if errors.As(err, &re) {
			t.read()
			if err := t.bad(*re); err != nil {
				sum.finish(start, err)
				return sum, err
			}
			continue
		}
		if err != nil {
			return sum, err
		}
		t.read()
		a, rerr := resolveAward(ctx, st, name, row)
		if rerr != nil {
			if err := t.bad(*rerr); err != nil {
				sum.finish(start, err)
				return sum, err
			}
			continue
		}
		a.Source, a.SourceRef = string(film.SourceImport), name
		awards = append(awards, a)
		if a.FilmSlug != "" {
			films[a.FilmSlug] = true
		}
		t.imported()
		rep.row()
	}
	if sum.Errors > 0 {
		err := fmt.Errorf("%s: %w: %d of %d rows are bad (first: %v)", name, ErrRejected, sum.Errors, sum.Read, sum.RowErrors[0])
		sum.finish(start, err)
		sum.Imported = 0
		return sum, err
	}
	if opts.DryRun {
		sum.finish(start, nil)
		return sum, nil
	}
	if _, err := st.PutAwards(ctx, awards); err != nil {
		sum.finish(start, err)
		sum.Imported = 0
		return sum, err
	}
	sum.finish(start, nil)
	var slugs []string
	for s := range films {
		slugs = append(slugs, s)
	}
	if len(slugs) > 0 {
		if _, err := st.RefreshKnowledge(ctx, store.RefreshOptions{Films: slugs}); err != nil {
			return sum, fmt.Errorf("awards written; refreshing the films' answers failed (run marquee knowledge refresh): %w", err)
		}
	}
	return sum, nil
}

// resolveAward looks up the film and person a row names.
func resolveAward(ctx context.Context, st *store.Store, name string, r *AwardRow) (film.Award, *RowError) {
	a := film.Award{Ceremony: r.Ceremony, Year: r.Year, Category: r.Category, Outcome: r.Outcome}
	bad := func(field, reason string) *RowError {
		re := &RowError{File: name, Field: field, Reason: reason}
		if r.Line > 0 {
			re.Line = r.Line
		}
		return re
	}
	switch {
	case strings.HasPrefix(r.Film, "tt"):
		f, err := st.FilmByIMDb(ctx, r.Film)
		if err != nil {
			return a, bad("film", "no film with IMDb id "+r.Film)
		}
		a.FilmSlug = f.Slug
	case r.Film != "":
		if _, err := st.GetFilm(ctx, r.Film); err != nil {
			return a, bad("film", "no film with slug "+r.Film)
		}
		a.FilmSlug = r.Film
	case r.FilmTitle != "":
		f, err := st.FilmByTitle(ctx, r.FilmTitle, r.FilmYear)
		if err != nil {
			return a, bad("film_title", fmt.Sprintf("no film titled %q%s", r.FilmTitle, yearSuffix(r.FilmYear)))
		}
		a.FilmSlug = f.Slug
	}
	switch {
	case strings.HasPrefix(r.Person, "nm"):
		slug, err := st.PersonSlugByIMDb(ctx, r.Person)
		if err != nil {
			return a, bad("person", "no person with IMDb id "+r.Person)
		}
		a.PersonSlug = slug
	case r.Person != "":
		if _, err := st.GetPerson(ctx, r.Person); err != nil {
			return a, bad("person", "no person with slug "+r.Person)
		}
		a.PersonSlug = r.Person
	}
	if err := a.Validate(); err != nil {
		return a, bad("", err.Error())
	}
	return a, nil
}

func yearSuffix(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d)", y)
}
