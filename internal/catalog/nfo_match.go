package catalog

import (
	"context"
	"errors"
	"strconv"

	"marquee/internal/film"
	"marquee/internal/store"
)

// match finds the catalog film an NFO describes and returns its slug, or
// "" for a new film. An external id is identity: a film found by IMDb id
// is the film; failing that, by TMDb id, unless that film carries another
// IMDb id; failing that, by title and year (then a year off by one), unless
// the candidate carries an IMDb or TMDb id other than the NFO's.
func (l *nfoLoad) match(ctx context.Context, f film.Film) (string, error) {
	if f.IDs.IMDb != "" {
		got, err := l.st.FilmByIMDb(ctx, f.IDs.IMDb)
		if err == nil {
			return got.Slug, nil
		}
		if !errors.Is(err, film.ErrNotFound) {
			return "", err
		}
	}
	if f.IDs.TMDB != 0 {
		got, err := l.st.FilmByTMDb(ctx, f.IDs.TMDB)
		if err == nil && compatible(got, f) {
			return got.Slug, nil
		}
		if err != nil && !errors.Is(err, film.ErrNotFound) {
			return "", err
		}
	}
	if f.Title == "" {
		return "", nil
	}
	years := []int{f.Year}
	if f.Year > 0 {
		years = append(years, f.Year-1, f.Year+1)
	}
	for _, y := range years {
		got, err := l.st.FilmByTitle(ctx, f.Title, y)
		if errors.Is(err, film.ErrNotFound) {
			continue
		}
		if err != nil {
			return "", err
		}
		if compatible(got, f) {
			return got.Slug, nil
		}
	}
	return "", nil
}

// compatible reports whether a catalog film may be the NFO's film: no id
// on one side contradicts the other.
func compatible(cat *film.Film, f film.Film) bool {
	if cat.IDs.IMDb != "" && f.IDs.IMDb != "" && cat.IDs.IMDb != f.IDs.IMDb {
		return false
	}
	if cat.IDs.TMDB != 0 && f.IDs.TMDB != 0 && cat.IDs.TMDB != f.IDs.TMDB {
		return false
	}
	return true
}

// claim records the identities an NFO's film carries in this run (its
// ids, its catalog match, or its title and year when it has neither) and
// reports the earlier NFO when one already claimed any of them.
func (l *nfoLoad) claim(f film.Film, match, file string) (string, bool) {
	var keys []string
	if f.IDs.IMDb != "" {
		keys = append(keys, "imdb:"+f.IDs.IMDb)
	}
	if f.IDs.TMDB != 0 {
		keys = append(keys, "tmdb:"+strconv.FormatInt(f.IDs.TMDB, 10))
	}
	if match != "" {
		keys = append(keys, "slug:"+match)
	}
	if len(keys) == 0 {
		keys = append(keys, "title:"+film.FilmSlug(f.Title, f.Year))
	}
	for _, k := range keys {
		if of, ok := l.seen[k]; ok {
			return of, true
		}
	}
	for _, k := range keys {
		l.seen[k] = file
	}
	return "", false
}

// ImageCounts counts an import's pictures.
type ImageCounts struct {
	Stored        int            `json:"stored"`    // new to the database
	Reused        int            `json:"reused"`    // the same bytes were already stored
	Linked        int            `json:"linked"`    // films or people whose picture was set or changed
	Unchanged     int            `json:"unchanged"` // already showed this picture
	Refused       int            `json:"refused"`
	RefusedBy     map[string]int `json:"refused_by"` // reason → files
	RefusedImages []RefusedImage `json:"refused_images"`
}

// RefusedImage is a picture file that is not a usable image.
type RefusedImage struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
	Detail string `json:"detail,omitempty"`
}

func newImageCounts() ImageCounts {
	return ImageCounts{RefusedBy: map[string]int{}, RefusedImages: []RefusedImage{}}
}

func (c *ImageCounts) add(r store.PictureResult) {
	c.Stored += r.Stored
	c.Reused += r.Reused
	c.Linked += r.Linked
	c.Unchanged += r.Unchanged
}

func (c *ImageCounts) refuse(file string, err error) {
	reason, detail := reasonAndDetail(err)
	c.Refused++
	c.RefusedBy[reason]++
	if len(c.RefusedImages) < maxReported {
		c.RefusedImages = append(c.RefusedImages, RefusedImage{File: file, Reason: reason, Detail: detail})
	}
}
