package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"marquee/internal/film"
	"marquee/internal/knowledge"
)

// Knowledge is what a film's page shows from its facts: its generated
// answers, and the advisories its dossier's controversies section reports.
type Knowledge struct {
	Answers           []film.Answer   `json:"answers,omitempty"`
	ArticleAdvisories []film.Advisory `json:"article_advisories,omitempty"`
	ArticleSource     *film.Source    `json:"article_source,omitempty"` // the section they were read from
}

// storedKnowledge is the film_knowledge row: what the refresh computed
// that a request cannot cheaply recompute — the director's other films
// chosen from the whole catalog with what they share, and what the
// dossier's text says (advisories, sections). The words of the answers are
// not stored: FilmKnowledge writes them from these and the film's own
// facts, read by key.
type storedKnowledge struct {
	Others   []storedOther   `json:"o,omitempty"`
	Adv      []film.Advisory `json:"a,omitempty"`
	Src      *film.Source    `json:"s,omitempty"`
	Sections []film.Source   `json:"d,omitempty"`

	// Answers is the format before the answers were written at read
	// time; a row in it is shown as stored until the next refresh.
	Answers []film.Answer   `json:"answers,omitempty"`
	OldAdv  []film.Advisory `json:"article_advisories,omitempty"`
	OldSrc  *film.Source    `json:"article_source,omitempty"`
}

// storedOther is another film of the director's, by id, with the themes
// and the leading cast (person ids) it shares.
type storedOther struct {
	ID     int64    `json:"i"`
	Themes []string `json:"t,omitempty"`
	Cast   []int64  `json:"c,omitempty"`
}

// empty reports whether the row would say nothing.
func (k *storedKnowledge) empty() bool {
	return len(k.Others) == 0 && len(k.Adv) == 0 && len(k.Sections) == 0
}

// FilmKnowledge returns a film's generated answers, written from its
// facts (read by key) and what the last knowledge refresh stored for it;
// a film with nothing known gets none (not an error), as does an unknown
// slug.
func (s *Store) FilmKnowledge(ctx context.Context, filmSlug string) (*Knowledge, error) {
	k, err := s.filmKnowledge(ctx, filmSlug)
	if err != nil {
		return nil, fmt.Errorf("knowledge of %q: %w", filmSlug, err)
	}
	return k, nil
}

func (s *Store) filmKnowledge(ctx context.Context, filmSlug string) (*Knowledge, error) {
	fs, err := readFilms(ctx, s.read, "f.slug = $1", filmSlug)
	if err != nil || len(fs) == 0 {
		return &Knowledge{}, err
	}
	f := fs[0]
	fid := f.Film.ID
	var st storedKnowledge
	var body string
	switch err := s.read.QueryRowContext(ctx, "SELECT body FROM film_knowledge WHERE film_id = $1", fid).Scan(&body); {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return nil, err
	default:
		if err := json.Unmarshal([]byte(body), &st); err != nil {
			return nil, err
		}
		if len(st.Answers) > 0 {
			return &Knowledge{Answers: st.Answers, ArticleAdvisories: st.OldAdv, ArticleSource: st.OldSrc}, nil
		}
	}
	names, err := readCredits(ctx, s.read, fs)
	if err != nil {
		return nil, err
	}
	sc := scope{ids: strconv.FormatInt(fid, 10)}
	side, err := loadSideFacts(ctx, s.read, sc)
	if err != nil {
		return nil, err
	}
	side.addSide(f, fid)
	f.ArticleAdvisories, f.Controversies = st.Adv, st.Src
	if f.Sections, err = currentSections(ctx, s.read, fid, filmSlug); err != nil {
		return nil, err
	}
	if f.Others, err = otherFilms(ctx, s.read, st.Others, names[0]); err != nil {
		return nil, err
	}
	return &Knowledge{Answers: knowledge.FilmFAQ(f), ArticleAdvisories: st.Adv, ArticleSource: st.Src}, nil
}

// otherFilms reads the stored other films by id (two queries by key), in
// the stored order; a film deleted since the refresh is left out.
func otherFilms(ctx context.Context, q querier, stored []storedOther, castNames map[int64]string) ([]knowledge.OtherFilm, error) {
	if len(stored) == 0 {
		return nil, nil
	}
	ids := make([]string, len(stored))
	for i, o := range stored {
		ids[i] = strconv.FormatInt(o.ID, 10)
	}
	in := strings.Join(ids, ",")
	byID := map[int64]*knowledge.OtherFilm{}
	err := eachRow(ctx, q, "SELECT id, slug, title, COALESCE(year, 0), rating_avg, rating_votes FROM films WHERE id IN ("+in+")", func(r *sql.Rows) error {
		var id int64
		o := &knowledge.OtherFilm{}
		if err := r.Scan(&id, &o.Slug, &o.Title, &o.Year, &o.Rating, &o.Votes); err != nil {
			return err
		}
		byID[id] = o
		return nil
	})
	if err != nil {
		return nil, err
	}
	grosses := map[int64]map[string]int64{}
	err = eachRow(ctx, q, "SELECT film_id, territory, amount FROM box_office_grosses WHERE film_id IN ("+in+")", func(r *sql.Rows) error {
		var fid, amount int64
		var terr string
		if err := r.Scan(&fid, &terr, &amount); err != nil {
			return err
		}
		if grosses[fid] == nil {
			grosses[fid] = map[string]int64{}
		}
		grosses[fid][terr] = amount
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]knowledge.OtherFilm, 0, len(stored))
	for _, so := range stored {
		o := byID[so.ID]
		if o == nil {
			continue
		}
		o.Gross = grossOf(grosses[so.ID])
		o.SharedThemes = so.Themes
		for _, p := range so.Cast {
			if n, ok := castNames[p]; ok {
				o.SharedCast = append(o.SharedCast, n)
			}
		}
		out = append(out, *o)
	}
	return out, nil
}
