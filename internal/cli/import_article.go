package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"marquee/internal/dossier"
	"marquee/internal/film"
	"marquee/internal/store"
)

// articleResult is what import article reports per file.
type articleResult struct {
	File     string        `json:"file"`
	Film     string        `json:"film,omitempty"`
	Created  bool          `json:"created_film,omitempty"`
	Revision int           `json:"revision,omitempty"`
	Sections int           `json:"sections"`
	FAQ      int           `json:"faq"`
	Noise    int           `json:"noise_removed"`
	Facts    int           `json:"facts_proposed"`
	Awards   int           `json:"awards_filed"`
	Warnings []string      `json:"warnings,omitempty"`
	Error    string        `json:"error,omitempty"`
	Dossier  *film.Dossier `json:"-"`
}

func runImportArticle(ctx context.Context, c *cmdContext) error {
	filmSlug := c.flags.String("film", "", "attach every file to the film with this slug instead of matching by title and year")
	dryRun := c.flags.Bool("dry-run", false, "parse and report without storing anything")
	format := c.flags.String("format", "", "output format: text (default) or json (prints each parsed dossier)")
	author := c.flags.String("author", "import", "who the new dossier revision is credited to")
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if *format == "json" {
		c.json = true
	} else if *format != "" && *format != "text" {
		return usageError("--format %q must be text or json", *format)
	}
	if len(c.args) == 0 {
		return usageError("name at least one article file, or - for standard input")
	}
	var st *store.Store
	if !*dryRun {
		var err error
		if st, err = store.Open(ctx, c.cfg.DB); err != nil {
			return err
		}
		defer st.Close()
	}
	var (
		results []articleResult
		failed  int
	)
	total := 0
	for _, name := range c.args {
		err := eachArticle(c.In, name, func(file string, src []byte, err error) {
			total++
			var r articleResult
			if err != nil {
				r = articleResult{File: file, Error: err.Error()}
			} else {
				r = importOneArticle(ctx, st, file, src, *filmSlug, *author)
			}
			if r.Error != "" {
				failed++
				fmt.Fprintf(c.Err, "%s\n", r.Error)
			}
			results = append(results, r)
		})
		if err != nil {
			total++
			failed++
			fmt.Fprintf(c.Err, "%s\n", err)
			results = append(results, articleResult{File: name, Error: err.Error()})
		}
	}
	if c.json {
		if err := writeDossiers(c.Out, results, len(results) == 1); err != nil {
			return err
		}
	} else {
		for _, r := range results {
			if r.Error != "" {
				continue
			}
			verb := "parsed"
			if r.Film != "" {
				verb = fmt.Sprintf("→ %s (revision %d%s)", r.Film, r.Revision, map[bool]string{true: ", new film", false: ""}[r.Created])
			}
			fmt.Fprintf(c.Out, "%s %s: %d sections, %d FAQ, %d noise lines removed, %d facts proposed, %d awards filed\n", r.File, verb, r.Sections, r.FAQ, r.Noise, r.Facts, r.Awards)
			for _, w := range r.Warnings {
				fmt.Fprintf(c.Err, "%s: warning: %s\n", r.File, w)
			}
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files failed; nothing was stored for them", failed, total)
	}
	return nil
}

// importOneArticle parses and (unless st is nil) stores one file. Every
// failure is reported in the result; the file is all or nothing.
func importOneArticle(ctx context.Context, st *store.Store, name string, src []byte, filmSlug, author string) articleResult {
	r := articleResult{File: name}
	fail := func(err error) articleResult {
		r.Error = err.Error()
		r.Dossier = nil
		return r
	}
	var err error
	opts := &dossier.Options{}
	var target *film.Film
	if st != nil {
		opts.Catalog = st.Linker(ctx)
		if filmSlug != "" {
			if target, err = st.GetFilm(ctx, filmSlug); err != nil {
				return fail(fmt.Errorf("%s: --film %s: %w", name, filmSlug, err))
			}
			opts.Title, opts.Year, opts.Slug = target.Title, target.Year, target.Slug
			if opts.Directors, err = st.Directors(ctx, filmSlug); err != nil {
				return fail(err)
			}
		}
	} else if filmSlug != "" {
		opts.Slug = filmSlug
	}
	d, err := dossier.Parse(name, src, opts)
	if err != nil {
		return fail(err)
	}
	d.Source = name
	r.Dossier, r.Sections, r.FAQ, r.Noise, r.Warnings = d, len(d.Sections), len(d.FAQ), len(d.Noise), d.Warnings
	r.Facts = len(d.Facts)
	if st == nil {
		return r
	}
	a, err := attachment(ctx, st, name, d, target, author)
	if err != nil {
		return fail(err)
	}
	// The awards the article states go to the film's awards, with the
	// article as source; one with no ceremony named is reported, not guessed.
	awards, skipped := dossier.ArticleAwards(d, a.Film.Slug)
	a.Awards = append([]film.Award{}, awards...)
	var added int
	a.AwardsAdded = &added
	if r.Revision, r.Created, err = st.AttachDossier(ctx, a); err != nil {
		return fail(fmt.Errorf("%s: %w", name, err))
	}
	r.Awards = added
	for _, s := range skipped {
		r.Warnings = append(r.Warnings, fmt.Sprintf("award %q not filed: the article names no ceremony for it", s))
	}
	r.Film = a.Film.Slug
	// The film's themes and generated answers follow its new dossier now,
	// not at the next request.
	if _, err := st.RefreshKnowledge(ctx, store.RefreshOptions{Films: []string{r.Film}}); err != nil {
		r.Warnings = append(r.Warnings, "filed, but refreshing the film's answers failed (run marquee knowledge refresh): "+err.Error())
	}
	return r
}

// attachment decides which film a parsed dossier belongs to: the one named
// by --film, else the catalog's film with the article's title and year,
// else a new film from what the article says, with its directors and cast.
func attachment(ctx context.Context, st *store.Store, name string, d *film.Dossier, target *film.Film, author string) (store.Attachment, error) {
	a := store.Attachment{Film: target, Dossier: d, Author: author, Text: string(dossier.RenderText(d))}
	if a.Film == nil && d.Film.Title != "" {
		f, err := st.FilmByTitle(ctx, d.Film.Title, d.Film.Year)
		if err != nil && !errors.Is(err, film.ErrNotFound) {
			return a, err
		}
		a.Film = f
	}
	if a.Film != nil {
		return a, nil
	}
	if d.Film.Title == "" {
		return a, fmt.Errorf("%s: cannot tell which film this article is about; name it with --film SLUG", name)
	}
	a.Film = &film.Film{Slug: film.FilmSlug(d.Film.Title, d.Film.Year), Title: d.Film.Title, Year: d.Film.Year}
	seen := map[string]bool{}
	person := func(n string) (string, error) {
		if p, err := st.PersonByName(ctx, n); err == nil {
			return p.Slug, nil
		}
		slug := film.PersonSlug(n)
		if !seen[slug] {
			seen[slug] = true
			a.People = append(a.People, film.Person{Slug: slug, Name: n})
		}
		return slug, nil
	}
	for i, n := range d.Film.Directors {
		slug, err := person(n)
		if err != nil {
			return a, err
		}
		a.Credits = append(a.Credits, film.Credit{FilmSlug: a.Film.Slug, PersonSlug: slug, Role: film.RoleDirector, Billing: i + 1})
	}
	for i, cp := range d.Cast {
		slug, err := person(cp.Person)
		if err != nil {
			return a, err
		}
		a.Credits = append(a.Credits, film.Credit{FilmSlug: a.Film.Slug, PersonSlug: slug, Role: film.RoleCast, Character: cp.Character, Billing: i + 1})
	}
	return a, nil
}

// readArticle reads a file, or standard input for "-", refusing anything
// over the parser's limit before reading it all.
func readArticle(stdin io.Reader, name string) ([]byte, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, errors.Unwrap(err))
		}
		defer f.Close()
		r = f
	}
	src, err := io.ReadAll(io.LimitReader(r, dossier.DefaultMaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return src, nil
}

// writeDossiers prints the parsed dossiers as JSON: one object for a single
// file, else an array in file order (failed files left out).
func writeDossiers(w io.Writer, results []articleResult, single bool) error {
	var parts [][]byte
	for _, r := range results {
		if r.Dossier == nil {
			continue
		}
		b, err := dossier.RenderJSON(r.Dossier)
		if err != nil {
			return err
		}
		parts = append(parts, b)
	}
	var out []byte
	if single && len(parts) == 1 {
		out = parts[0]
	} else {
		out = append([]byte("[\n"), bytes.Join(parts, []byte(",\n"))...)
		out = append(out, "\n]"...)
	}
	_, err := w.Write(append(out, '\n'))
	return err
}
