package web

import (
	"context"

	"marquee/internal/film"
	"marquee/internal/store"
)

// filmKnowledge is what the film page shows from the knowledge refresh
// and the awards: all of it computed before the request.
type filmKnowledge struct {
	Awards            []film.Award
	Answers           []film.Answer // generated; the dossier's authored pairs come before them
	ArticleAdvisories []film.Advisory
	ArticleSource     *film.Source
}

// loadKnowledge reads the film's computed knowledge and awards, those of
// them it has (has, from its FilmRecord).
func (s *Server) loadKnowledge(ctx context.Context, slug string, has store.FilmParts) (*filmKnowledge, error) {
	fk := &filmKnowledge{}
	if has.Knowledge {
		k, err := s.store.FilmKnowledge(ctx, slug)
		if err != nil {
			return nil, err
		}
		fk.Answers, fk.ArticleAdvisories, fk.ArticleSource = k.Answers, k.ArticleAdvisories, k.ArticleSource
	}
	if has.Awards {
		awards, err := s.store.FilmAwards(ctx, slug)
		if err != nil {
			return nil, err
		}
		fk.Awards = awards
	}
	return fk, nil
}

// advisorySourceLabel names where an advisory's grade came from.
func advisorySourceLabel(src string) string {
	if src == string(film.SourceEditor) {
		return "an editor"
	}
	return "the catalog import"
}

// awardsLD lists the awards a film won, for schema.org's award property.
func awardsLD(k *filmKnowledge) []string {
	if k == nil {
		return nil
	}
	var out []string
	for _, a := range k.Awards {
		if !a.Won() {
			continue
		}
		s := a.Category + ", " + a.Ceremony
		if a.Year != 0 {
			s += " " + itoa(a.Year)
		}
		if a.PersonName != "" {
			s += " (" + a.PersonName + ")"
		}
		out = append(out, s)
	}
	return out
}

// faqLD is the schema.org FAQPage: the dossier's authored questions, then
// the generated ones.
func faqLD(v *filmView) ldFAQPage {
	fp := ldFAQPage{Context: "https://schema.org", Type: "FAQPage"}
	if v.Dossier != nil {
		for _, q := range v.Dossier.FAQ {
			fp.MainEntity = append(fp.MainEntity, ldQuestion{Type: "Question", Name: q.Question, AcceptedAnswer: ldAnswer{Type: "Answer", Text: q.Answer}})
		}
	}
	if v.Knowledge != nil {
		for _, a := range v.Knowledge.Answers {
			fp.MainEntity = append(fp.MainEntity, ldQuestion{Type: "Question", Name: a.Question, AcceptedAnswer: ldAnswer{Type: "Answer", Text: a.Answer}})
		}
	}
	return fp
}
