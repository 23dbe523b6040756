package web

import (
	"context"
	"fmt"
	"hash/fnv"
	"html/template"
	"strings"
	"unicode"

	"marquee/internal/film"
	"marquee/internal/store"
)

// filmRow is one line of a film list: the film with its thumbnail (the
// stored poster, else the generated one) and its directors.
type filmRow struct {
	Film      film.Film
	Thumb     template.HTML
	Directors []store.Credited
	Credit    string // on a person's page: what they did on the film, shown instead of the directors
}

// sortLink is one order a list offers.
type sortLink struct {
	Name, Label, URL string
	Current          bool
}

var sortLabels = map[string]string{"title": "Title", "year": "Newest", "rating": "Rating", "votes": "Votes", "popular": "Popular"}

// filmRows reads what a list shows beside each film, in two queries.
func (s *Server) filmRows(ctx context.Context, films []film.Film) ([]filmRow, error) {
	if len(films) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(films))
	slugs := make([]string, len(films))
	for i, f := range films {
		ids[i], slugs[i] = f.ID, f.Slug
	}
	dirs, err := s.store.FilmDirectors(ctx, ids)
	if err != nil {
		return nil, err
	}
	posters, err := s.store.FilmPosters(ctx, slugs)
	if err != nil {
		return nil, err
	}
	rows := make([]filmRow, len(films))
	for i := range films {
		f := &films[i]
		rows[i] = filmRow{Film: *f, Directors: dirs[f.ID]}
		if p, ok := posters[f.Slug]; ok {
			// Thumbnails are 3.5rem wide; the decorative alt is empty
			// because the title beside it names the film.
			rows[i].Thumb = picture(&p, "thumb", "", "56px", true)
		} else {
			rows[i].Thumb = thumbPoster(f)
		}
	}
	return rows, nil
}

// thumbPoster is the generated poster in thumbnail size: the slug's
// colours and the title's first letter, decorative (the title is beside it).
func thumbPoster(f *film.Film) template.HTML {
	h := fnv.New32a()
	h.Write([]byte(f.Slug))
	hue := h.Sum32() % 360
	letter := "?"
	for _, r := range strings.TrimPrefix(f.Title, "The ") {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letter = string(unicode.ToUpper(r))
			break
		}
	}
	return template.HTML(fmt.Sprintf(`<svg class="thumb" viewBox="0 0 40 60" aria-hidden="true" focusable="false"><rect width="40" height="60" fill="hsl(%d,45%%,22%%)"/><text x="20" y="38" text-anchor="middle" fill="#fff" font-family="Georgia, serif" font-size="22" font-weight="700">%s</text></svg>`, hue, esc(letter)))
}
