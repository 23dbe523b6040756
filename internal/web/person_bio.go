package web

import (
	"context"
	"strconv"
	"strings"
	"time"

	"marquee/internal/store"
)

// personBio is what a person page shows of a stored biography: its
// paragraphs, the dates and place of birth, and where it came from.
type personBio struct {
	Paragraphs []string
	Born       string // "26 June 1971 in Summit, New Jersey, USA"
	Died       string
	Source     string // "person.nfo in the media library: metadata/People/S/Sean Baker/person.nfo"
	// Article is set when the biography is proposed from what a film's
	// article says of the person: the page says so and links the film.
	Article *filmRef
}

// filmRef names and links a film.
type filmRef struct {
	URL, Label string
}

func (s *Server) loadPersonBio(ctx context.Context, slug string) (*personBio, error) {
	b, err := s.store.PersonBio(ctx, slug)
	if err != nil || b == nil {
		return nil, err
	}
	out := &personBio{Born: longDate(b.BirthDate), Died: longDate(b.DeathDate), Source: bioSource(b.Source)}
	if slug, ok := strings.CutPrefix(b.Source, store.ArticleBioSource); ok {
		f, err := s.store.GetFilm(ctx, slug)
		if err != nil {
			return nil, err
		}
		out.Article = &filmRef{URL: "/films/" + f.Slug, Label: f.Title}
		if f.Year > 0 {
			out.Article.Label += " (" + strconv.Itoa(f.Year) + ")"
		}
	}
	if b.Birthplace != "" {
		if out.Born == "" {
			out.Born = "in " + b.Birthplace
		} else {
			out.Born += " in " + b.Birthplace
		}
	}
	for _, p := range strings.Split(b.Biography, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out.Paragraphs = append(out.Paragraphs, p)
		}
	}
	return out, nil
}

// longDate writes YYYY-MM-DD as "26 June 1971"; a bare year stays as it is.
func longDate(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return t.Format("2 January 2006")
}

// bioSource names a biography's source for a reader.
func bioSource(src string) string {
	if file, ok := strings.CutPrefix(src, "nfo:"); ok {
		return "a person NFO in the media library (" + file + ")"
	}
	return src
}
