// Package demo loads the demo catalog — the facts of Sean Baker's feature
// films, their cast and characters, and the dossiers of the corpus
// articles — into an empty store, so a first `marquee serve` has
// something worth reading.
package demo

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"path"

	"marquee/internal/dossier"
	"marquee/internal/film"
	"marquee/internal/store"
)

//go:embed catalog.json
var catalogJSON []byte

type catalog struct {
	People []film.Person `json:"people"`
	Films  []struct {
		Film    film.Film `json:"film"`
		Credits []struct {
			Person    string    `json:"person"`
			Role      film.Role `json:"role"`
			Character string    `json:"character"`
			Billing   int       `json:"billing"`
		} `json:"credits"`
		BoxOffice  *film.BoxOffice `json:"box_office"`
		Festivals  []film.Festival `json:"festivals"`
		Advisories []film.Advisory `json:"advisories"`
	} `json:"films"`
	Relations []film.Relation `json:"relations"`
	Awards    []film.Award    `json:"awards"`
}

// FilmSlugs lists the demo catalog's films, for tests.
func FilmSlugs() []string {
	var c catalog
	_ = json.Unmarshal(catalogJSON, &c)
	var out []string
	for _, f := range c.Films {
		out = append(out, f.Film.Slug)
	}
	return out
}

// LoadIfEmpty loads the demo catalog when the store has no films, and
// reports whether it did.
func LoadIfEmpty(ctx context.Context, s *store.Store) (bool, error) {
	_, total, err := s.ListFilms(ctx, store.FilmFilter{Limit: 1})
	if err != nil {
		return false, err
	}
	if total > 0 {
		return false, nil
	}
	return true, Load(ctx, s)
}

// Load writes the demo catalog into s, updating what is already there.
func Load(ctx context.Context, s *store.Store) error {
	var c catalog
	if err := json.Unmarshal(catalogJSON, &c); err != nil {
		return fmt.Errorf("demo catalog: %w", err)
	}
	for i := range c.People {
		if err := s.PutPerson(ctx, &c.People[i]); err != nil {
			return fmt.Errorf("demo catalog: %w", err)
		}
	}
	for _, f := range c.Films {
		fm := f.Film
		if err := s.PutFilm(ctx, &fm); err != nil {
			return fmt.Errorf("demo catalog: %w", err)
		}
		for _, cr := range f.Credits {
			credit := film.Credit{FilmSlug: fm.Slug, PersonSlug: cr.Person, Role: cr.Role, Character: cr.Character, Billing: cr.Billing}
			if err := s.PutCredit(ctx, credit); err != nil {
				return fmt.Errorf("demo catalog: %w", err)
			}
			if cr.Role == film.RoleCast && cr.Character != "" {
				ch := film.Character{FilmSlug: fm.Slug, Name: cr.Character, PlayedBySlug: cr.Person}
				if err := s.PutCharacter(ctx, ch); err != nil {
					return fmt.Errorf("demo catalog: %w", err)
				}
			}
		}
		if f.BoxOffice != nil {
			if err := s.PutBoxOffice(ctx, fm.Slug, *f.BoxOffice); err != nil {
				return fmt.Errorf("demo catalog: %w", err)
			}
		}
		if err := s.SetFestivals(ctx, fm.Slug, f.Festivals); err != nil {
			return fmt.Errorf("demo catalog: %w", err)
		}
		if err := s.SetAdvisories(ctx, fm.Slug, f.Advisories); err != nil {
			return fmt.Errorf("demo catalog: %w", err)
		}
	}
	for _, r := range c.Relations {
		if err := s.PutRelation(ctx, r); err != nil {
			return fmt.Errorf("demo catalog: %w", err)
		}
	}
	for i := range c.Awards {
		c.Awards[i].SourceRef = "demo catalog"
	}
	if _, err := s.PutAwards(ctx, c.Awards); err != nil {
		return fmt.Errorf("demo catalog: %w", err)
	}
	if err := loadDossiers(ctx, s); err != nil {
		return err
	}
	if _, err := s.RefreshKnowledge(ctx, store.RefreshOptions{}); err != nil {
		return fmt.Errorf("demo catalog: %w", err)
	}
	return nil
}

//go:embed articles/*.txt articles/*.md
var articles embed.FS

// dossiers maps each embedded article to the demo film it is about.
var dossiers = []struct{ file, slug string }{
	{"articles/red-rocket.txt", "red-rocket-2021"},
	{"articles/tangerine.txt", "tangerine-2015"},
	{"articles/the-florida-project.md", "the-florida-project-2017"},
}

// loadDossiers parses the embedded articles and files each under its film.
func loadDossiers(ctx context.Context, s *store.Store) error {
	for _, a := range dossiers {
		src, err := articles.ReadFile(a.file)
		if err != nil {
			return err
		}
		f, err := s.GetFilm(ctx, a.slug)
		if err != nil {
			return fmt.Errorf("demo dossier %s: %w", a.file, err)
		}
		directors, err := s.Directors(ctx, a.slug)
		if err != nil {
			return err
		}
		opts := &dossier.Options{Title: f.Title, Year: f.Year, Slug: f.Slug, Directors: directors, Catalog: s.Linker(ctx)}
		d, err := dossier.Parse(path.Base(a.file), src, opts)
		if err != nil {
			return fmt.Errorf("demo dossier: %w", err)
		}
		d.Source = path.Base(a.file)
		if _, _, err := s.AttachDossier(ctx, store.Attachment{Film: f, Dossier: d, Author: "demo", Text: string(dossier.RenderText(d))}); err != nil {
			return fmt.Errorf("demo dossier %s: %w", a.file, err)
		}
	}
	return nil
}
