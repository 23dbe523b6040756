package web

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"marquee/internal/film"
	"marquee/internal/store"
)

// imageURL is the path of one rendition of a stored picture.
func imageURL(ref *store.ImageRef, width int) string {
	return "/images/" + ref.Hash + "/" + strconv.Itoa(width) + ".jpg"
}

// picture renders a stored picture as an <img> with every rendition in
// srcset, its natural size in width and height (so the layout does not
// jump), and the given alt text and sizes. lazy defers loading for
// pictures below the fold.
func picture(ref *store.ImageRef, class, alt, sizes string, lazy bool) template.HTML {
	if ref == nil || len(ref.Widths) == 0 {
		return ""
	}
	set := make([]string, len(ref.Widths))
	for i, w := range ref.Widths {
		set[i] = imageURL(ref, w) + " " + strconv.Itoa(w) + "w"
	}
	// The default src is the rendition nearest 320 px: what a browser
	// without srcset support shows.
	src := ref.Widths[len(ref.Widths)-1]
	for _, w := range ref.Widths {
		if w >= 320 {
			src = w
			break
		}
	}
	h := ref.Height * src / max(ref.Width, 1)
	loading := ""
	if lazy {
		loading = ` loading="lazy"`
	}
	return template.HTML(fmt.Sprintf(`<img class="%s" src="%s" srcset="%s" sizes="%s" width="%d" height="%d" alt="%s"%s decoding="async">`,
		esc(class), esc(imageURL(ref, src)), esc(strings.Join(set, ", ")), esc(sizes), src, h, esc(alt), loading))
}

// filmPictures are a film's poster as the page shows it (the stored
// poster when there is one, else the generated one) and its backdrop
// (empty without one). It also returns the stored poster's reference (nil
// without one), for og:image.
func (s *Server) filmPictures(ctx context.Context, f *film.Film, directors []string) (posterHTML, backdrop template.HTML, ref *store.ImageRef, err error) {
	imgs, err := s.store.FilmImages(ctx, f.Slug)
	if err != nil {
		return "", "", nil, err
	}
	if b, ok := imgs[store.KindBackdrop]; ok {
		// Below the page head, as wide as the main column (at most 52rem).
		backdrop = picture(&b, "backdrop", "Still: "+f.Title, "(min-width: 900px) 52rem, 100vw", true)
	}
	p, ok := imgs[store.KindPoster]
	if !ok {
		return poster(f, directors), backdrop, nil, nil
	}
	// The infobox poster is 150 px wide on a phone, 220 px from 900 px up.
	return picture(&p, "poster", "Poster: "+f.Title, "(min-width: 900px) 220px, 150px", false), backdrop, &p, nil
}

// personPicture is a person's headshot, else their initials.
func (s *Server) personPicture(ctx context.Context, p *film.Person) (template.HTML, *store.ImageRef, error) {
	ref, err := s.store.PersonImage(ctx, p.Slug)
	if errors.Is(err, film.ErrNotFound) {
		return portrait(p), nil, nil
	}
	if err != nil {
		return "", nil, err
	}
	return picture(ref, "portrait photo", "Photo: "+p.Name, "96px", false), ref, nil
}

// ogImage is the absolute URL of the rendition Open Graph shows: the
// widest, at most 1280 px.
func ogImage(abs func(string) string, ref *store.ImageRef) string {
	if ref == nil || len(ref.Widths) == 0 {
		return ""
	}
	return abs(imageURL(ref, ref.Widths[len(ref.Widths)-1]))
}
