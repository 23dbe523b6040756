package web

import (
	"context"

	"marquee/internal/film"
	"marquee/internal/knowledge"
)

// personKnowledge is the person page's awards and answered questions.
type personKnowledge struct {
	Awards  []film.Award
	Answers []film.Answer
}

// collaboratorsAnswered is how many "made together" questions a person
// page answers.
const collaboratorsAnswered = 2

func (s *Server) loadPersonKnowledge(ctx context.Context, p *film.Person) (*personKnowledge, error) {
	k := &personKnowledge{}
	var err error
	if k.Awards, err = s.store.PersonAwards(ctx, p.Slug); err != nil {
		return nil, err
	}
	films, total, err := s.store.PersonTopFilms(ctx, p.Slug, knowledge.KnownForFilms)
	if err != nil {
		return nil, err
	}
	src := knowledge.CatalogSource(p.IDs.IMDb, "/people/"+p.Slug+"#filmography", true)
	if a, ok := knowledge.KnownFor(p.Name, p.Slug, films, total, k.Awards, src); ok {
		k.Answers = append(k.Answers, a)
	}
	collab, err := s.store.Collaborators(ctx, p.Slug, collaboratorsAnswered)
	if err != nil {
		return nil, err
	}
	for _, c := range collab {
		if a, ok := knowledge.Together(p.Name, c.Name, c.Slug, c.Shared, c.Total, src); ok {
			k.Answers = append(k.Answers, a)
		}
	}
	return k, nil
}
