package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"marquee/internal/film"
	"marquee/internal/media"
)

// The kinds of picture a film can carry.
const (
	KindPoster   = "poster"
	KindBackdrop = "backdrop"
)

// ImageRef is what a page needs to show a stored picture: its hash (the
// URL's key), the original's dimensions (for the aspect ratio) and the
// widths it can be served at, narrowest first.
type ImageRef struct {
	Hash   string
	Width  int
	Height int
	Widths []int
}

// Picture links one prepared image to a film (Kind poster or backdrop)
// or, when PersonSlug is set, to a person as their headshot.
type Picture struct {
	FilmSlug   string
	PersonSlug string
	Kind       string // poster or backdrop, for films
	Image      *media.Prepared
	Source     string // the file it came from, kept for the record
}

// PictureResult counts what PutPictures did.
type PictureResult struct {
	Stored    int `json:"stored"`    // images new to the database
	Reused    int `json:"reused"`    // images already stored (the same bytes)
	Linked    int `json:"linked"`    // films or people whose picture was set or changed
	Unchanged int `json:"unchanged"` // links that already pointed at this image
}

// PutPictures stores the images and links them, all in one transaction:
// either every picture is stored and linked or none is. A film or person
// that does not exist is a *film.MissingRefError.
func (s *Store) PutPictures(ctx context.Context, pics []Picture) (PictureResult, error) {
	var res PictureResult
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		res = PictureResult{}
		return s.putPictures(ctx, tx, pics, &res)
	})
	return res, err
}

func (s *Store) putPictures(ctx context.Context, tx *sql.Tx, pics []Picture, res *PictureResult) error {
	for _, p := range pics {
		stored, err := s.putImage(ctx, tx, p.Image, p.Source)
		if err != nil {
			return err
		}
		if stored {
			res.Stored++
		} else {
			res.Reused++
		}
		changed, err := s.linkPicture(ctx, tx, p)
		if err != nil {
			return err
		}
		if changed {
			res.Linked++
		} else {
			res.Unchanged++
		}
	}
	return nil
}

// putImage stores an image and its renditions unless an image with its
// hash is there already; it reports whether it stored it.
func (s *Store) putImage(ctx context.Context, tx *sql.Tx, img *media.Prepared, source string) (bool, error) {
	r, err := tx.ExecContext(ctx, `INSERT INTO images (hash, format, width, height, bytes, source, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (hash) DO NOTHING`,
		img.Hash, string(img.Format), img.Width, img.Height, img.Bytes, source, now())
	if err != nil {
		return false, s.wrap(err, "put", "image", img.Hash)
	}
	if n, err := r.RowsAffected(); err != nil || n == 0 {
		return false, s.wrap(err, "put", "image", img.Hash)
	}
	for _, rd := range img.Renditions {
		if _, err := tx.ExecContext(ctx, `INSERT INTO image_renditions (image_hash, width, height, data)
			VALUES ($1, $2, $3, $4)`, img.Hash, rd.Width, rd.Height, rd.JPEG); err != nil {
			return false, s.wrap(err, "put rendition of", "image", img.Hash)
		}
	}
	return true, nil
}

// linkPicture points a film's poster or backdrop, or a person's headshot,
// at an image; it reports whether the link changed.
func (s *Store) linkPicture(ctx context.Context, tx *sql.Tx, p Picture) (bool, error) {
	var (
		id            int64
		err           error
		current       string
		sel, ins, key string
		args          []any
	)
	if p.PersonSlug != "" {
		key = p.PersonSlug
		if id, err = personID(ctx, tx, "picture", p.PersonSlug); err != nil {
			return false, err
		}
		sel = `SELECT image_hash FROM person_images WHERE person_id = $1`
		ins = `INSERT INTO person_images (person_id, image_hash) VALUES ($1, $2)
			ON CONFLICT (person_id) DO UPDATE SET image_hash = excluded.image_hash`
		args = []any{id}
	} else {
		key = p.FilmSlug + "/" + p.Kind
		if p.Kind != KindPoster && p.Kind != KindBackdrop {
			return false, &film.ValidationError{Entity: "picture", Field: "kind", Reason: "must be poster or backdrop, not " + strconv.Quote(p.Kind)}
		}
		if id, err = filmID(ctx, tx, "picture", p.FilmSlug); err != nil {
			return false, err
		}
		sel = `SELECT image_hash FROM film_images WHERE film_id = $1 AND kind = $2`
		ins = `INSERT INTO film_images (film_id, kind, image_hash) VALUES ($1, $2, $3)
			ON CONFLICT (film_id, kind) DO UPDATE SET image_hash = excluded.image_hash`
		args = []any{id, p.Kind}
	}
	err = tx.QueryRowContext(ctx, sel, args...).Scan(&current)
	if err != nil && err != sql.ErrNoRows {
		return false, s.wrap(err, "get picture of", "picture", key)
	}
	if current == p.Image.Hash {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, ins, append(args, p.Image.Hash)...); err != nil {
		return false, s.wrap(err, "link", "picture", key)
	}
	return true, nil
}

// imageRefQuery reads an image with its rendition widths, "160,320,…",
// and the extra columns given.
func (s *Store) imageRefQuery(extra string) string {
	return `SELECT i.hash, i.width, i.height,
	(SELECT ` + s.widthsAgg() + ` FROM image_renditions r WHERE r.image_hash = i.hash)` + extra + `
	FROM images i `
}

func (s *Store) widthsAgg() string {
	if s.dialect.name() == "postgres" {
		return `string_agg(r.width::text, ',' ORDER BY r.width)`
	}
	// SQLite's group_concat keeps the order rows arrive in; the primary
	// key (image_hash, width) delivers them by width.
	return `group_concat(r.width, ',')`
}

func scanImageRef(sc interface{ Scan(...any) error }, extra ...any) (ImageRef, error) {
	var (
		ref    ImageRef
		widths sql.NullString
	)
	if err := sc.Scan(append([]any{&ref.Hash, &ref.Width, &ref.Height, &widths}, extra...)...); err != nil {
		return ref, err
	}
	for _, w := range strings.Split(widths.String, ",") {
		if n, err := strconv.Atoi(w); err == nil {
			ref.Widths = append(ref.Widths, n)
		}
	}
	return ref, nil
}

// FilmImages returns a film's pictures by kind (poster, backdrop); a film
// without any has an empty map.
func (s *Store) FilmImages(ctx context.Context, filmSlug string) (map[string]ImageRef, error) {
	rows, err := s.read.QueryContext(ctx, s.imageRefQuery(", fi.kind")+`
		JOIN film_images fi ON fi.image_hash = i.hash JOIN films f ON f.id = fi.film_id
		WHERE f.slug = $1`, filmSlug)
	if err != nil {
		return nil, fmt.Errorf("get pictures of film %q: %w", filmSlug, err)
	}
	defer rows.Close()
	out := map[string]ImageRef{}
	for rows.Next() {
		var kind string
		ref, err := scanImageRef(rows, &kind)
		if err != nil {
			return nil, fmt.Errorf("get pictures of film %q: %w", filmSlug, err)
		}
		out[kind] = ref
	}
	return out, rows.Err()
}

// FilmPosters returns the posters of the named films, by slug; films
// without one are absent. It is one query, for lists.
func (s *Store) FilmPosters(ctx context.Context, slugs []string) (map[string]ImageRef, error) {
	out := map[string]ImageRef{}
	if len(slugs) == 0 {
		return out, nil
	}
	ph := make([]string, len(slugs))
	args := make([]any, len(slugs))
	for i, sl := range slugs {
		ph[i] = "$" + strconv.Itoa(i+2)
		args[i] = sl
	}
	rows, err := s.read.QueryContext(ctx, s.imageRefQuery(", f.slug")+`
		JOIN film_images fi ON fi.image_hash = i.hash AND fi.kind = $1 JOIN films f ON f.id = fi.film_id
		WHERE f.slug IN (`+strings.Join(ph, ", ")+`)`, append([]any{KindPoster}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("get posters: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var slug string
		ref, err := scanImageRef(rows, &slug)
		if err != nil {
			return nil, fmt.Errorf("get posters: %w", err)
		}
		out[slug] = ref
	}
	return out, rows.Err()
}

// PersonImage returns a person's headshot, or a *film.NotFoundError.
func (s *Store) PersonImage(ctx context.Context, personSlug string) (*ImageRef, error) {
	row := s.read.QueryRowContext(ctx, s.imageRefQuery("")+`
		JOIN person_images pi ON pi.image_hash = i.hash JOIN people p ON p.id = pi.person_id
		WHERE p.slug = $1`, personSlug)
	ref, err := scanImageRef(row)
	if err != nil {
		return nil, s.wrap(notFound(err, "headshot", personSlug), "get", "headshot", personSlug)
	}
	return &ref, nil
}

// Rendition returns the JPEG bytes of an image at one of its rendition
// widths, or a *film.NotFoundError.
func (s *Store) Rendition(ctx context.Context, hash string, width int) ([]byte, error) {
	var data []byte
	key := hash + "/" + strconv.Itoa(width)
	err := s.read.QueryRowContext(ctx, `SELECT data FROM image_renditions WHERE image_hash = $1 AND width = $2`,
		hash, width).Scan(&data)
	if err != nil {
		return nil, s.wrap(notFound(err, "image", key), "get", "image", key)
	}
	return data, nil
}
