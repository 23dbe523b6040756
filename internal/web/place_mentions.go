package web

import (
	"context"
	"errors"
	"sort"

	"marquee/internal/film"
	"marquee/internal/knowledge"
	"marquee/internal/store"
)

// mentionedIn is a film whose dossier names a place, with what it says:
// how often it names it, the first sentence that does and the section
// that sentence is in (linked by the one anchor scheme).
type mentionedIn struct {
	store.FilmRef
	Count      int
	Sentence   string
	Section    string
	SectionURL string
}

// mentionFilms bounds the dossiers a place page reads to say what each
// one says; the films past it are listed without.
const mentionFilms = 60

// mentionsOf reads, for each film (in order, at most mentionFilms), where
// its dossier names name, and ranks the films by how often it does (then
// as given). Films whose text never spells the name as linked (the link
// came from a variant) keep their place with a count of 0.
func (s *Server) mentionsOf(ctx context.Context, films []store.FilmRef, name string) ([]mentionedIn, error) {
	out := make([]mentionedIn, len(films))
	for i, f := range films {
		out[i].FilmRef = f
		if i >= mentionFilms {
			continue
		}
		d, err := s.store.GetDossier(ctx, f.Slug)
		if errors.Is(err, film.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		anchors := film.SectionAnchors(d.Sections, nil)
		for j, sec := range d.Sections {
			m := knowledge.MentionOf(sec.Text, name, 280)
			if m.Count > 0 && out[i].Sentence == "" {
				out[i].Sentence, out[i].SectionURL = m.Sentence, "/films/"+f.Slug+"#"+anchors[j]
				if out[i].Section = sec.Heading; sec.Heading == "" {
					out[i].Section = sec.Kind.Label()
				}
			}
			out[i].Count += m.Count
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Count > out[b].Count })
	return out, nil
}
