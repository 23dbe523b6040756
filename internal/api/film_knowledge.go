package api

import (
	"context"

	"marquee/internal/film"
)

// addKnowledge fills a film's awards, answered questions (the dossier's
// authored pairs, then the generated ones), the advisories read from its
// dossier and its themes with their strengths — all computed before the
// request by the knowledge refresh.
func (s *Server) addKnowledge(ctx context.Context, d *FilmDetail) error {
	slug := d.Film.Slug
	var err error
	if d.Awards, err = s.store.FilmAwards(ctx, slug); err != nil {
		return err
	}
	k, err := s.store.FilmKnowledge(ctx, slug)
	if err != nil {
		return err
	}
	if d.Dossier != nil {
		for _, q := range d.Dossier.FAQ {
			d.FAQ = append(d.FAQ, film.Answer{Question: q.Question, Answer: q.Answer,
				Sources: []film.Source{{Kind: film.SourceArticle, Label: "the dossier", URL: "/films/" + slug + "#faq"}}})
		}
	}
	d.FAQ = append(d.FAQ, k.Answers...)
	d.ArticleAdvisories = k.ArticleAdvisories
	if d.Themes, err = s.store.FilmThemeStrengths(ctx, slug); err != nil {
		return err
	}
	d.Awards, d.FAQ, d.ArticleAdvisories, d.Themes = nonNil(d.Awards), nonNil(d.FAQ), nonNil(d.ArticleAdvisories), nonNil(d.Themes)
	return nil
}
