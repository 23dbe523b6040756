package api

import (
	"errors"
	"math"
	"time"

	"marquee/internal/auth"
	"marquee/internal/film"
	"marquee/internal/member"
)

// FilmMembers is the members' side of a film: their histogram (half stars
// ½ to 5), mean, count, likes and reviews.
type FilmMembers struct {
	Film      string       `json:"film"`
	Source    string       `json:"source"` // always "marquee-members"
	Histogram []int        `json:"histogram"`
	Count     int          `json:"count"`
	Mean      float64      `json:"mean"`
	Likes     int          `json:"likes"`
	Reviews   []ReviewJSON `json:"reviews"`
}

// ReviewJSON is one review; Body is Markdown, HTML its sanitised rendering
// is not sent (clients render the Markdown themselves).
type ReviewJSON struct {
	ID        int64     `json:"id"`
	Author    string    `json:"author"`
	Film      string    `json:"film"`
	Body      string    `json:"body"`
	Spoiler   bool      `json:"spoiler"`
	Rating    *float64  `json:"rating"`
	Likes     int       `json:"likes"`
	CreatedAt time.Time `json:"created_at"`
}

// DiaryJSON is one diary entry.
type DiaryJSON struct {
	ID        int64    `json:"id"`
	Film      string   `json:"film"`
	WatchedOn string   `json:"watched_on"`
	Rating    *float64 `json:"rating"`
	Rewatch   bool     `json:"rewatch"`
	Liked     bool     `json:"liked"`
	Tags      []string `json:"tags"`
}

func starsPtr(r member.Rating) *float64 {
	if r == 0 {
		return nil
	}
	v := r.Stars()
	return &v
}

func reviewJSON(r member.Review) ReviewJSON {
	return ReviewJSON{ID: r.ID, Author: r.Author, Film: r.FilmSlug, Body: r.Body, Spoiler: r.Spoiler, Rating: starsPtr(r.Rating), Likes: r.Likes, CreatedAt: r.CreatedAt.UTC()}
}

// jsonStars validates an optional rating in stars; JSON cannot carry NaN,
// but a huge or fractional number is refused naming the field.
func jsonStars(field string, v *float64) (member.Rating, error) {
	if v == nil {
		return 0, nil
	}
	if math.IsNaN(*v) {
		return 0, &auth.FormError{Field: field, Msg: field + " must be a number of stars from 0.5 to 5"}
	}
	r, err := member.RatingFromStars(field, *v)
	if err != nil {
		return 0, memberErr(err)
	}
	return r, nil
}

// memberErr maps domain errors of members' writes to API errors.
func memberErr(err error) error {
	var ve *film.ValidationError
	if errors.As(err, &ve) {
		return &auth.FormError{Field: ve.Field, Msg: ve.Error()}
	}
	return err
}
