// Package member holds the domain types of members' own film data —
// ratings in half stars, likes, reviews, diary entries, watchlists, lists,
// follows and privacy — and their validation. It depends on nothing but the
// film package's error types.
package member

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"marquee/internal/film"
)

// Rating is a rating in half stars: 1 is ½★, 10 is ★★★★★. The zero value
// means "no rating". Ratings are integers so that no conversion (Letterboxd's
// 0.5–5, IMDb's 1–10) ever drifts.
type Rating int

// MaxRating is five stars.
const MaxRating Rating = 10

// Stars is the rating on Letterboxd's scale, 0.5–5.
func (r Rating) Stars() float64 { return float64(r) / 2 }

// String renders the rating as stars, such as "3.5"; "" for no rating.
func (r Rating) String() string {
	if r == 0 {
		return ""
	}
	return strconv.FormatFloat(r.Stars(), 'f', -1, 64)
}

// Glyphs renders the rating as Letterboxd does: ★★★½.
func (r Rating) Glyphs() string {
	return strings.Repeat("★", int(r)/2) + strings.Repeat("½", int(r)%2)
}

// Valid reports whether r is a rating (1–10 half stars).
func (r Rating) Valid() bool { return r >= 1 && r <= MaxRating }

// RatingFromStars converts a rating on the 0.5–5 scale; 0, 5.5, 3.3, NaN
// and infinities are refused with a *film.ValidationError naming field.
func RatingFromStars(field string, stars float64) (Rating, error) {
	if math.IsNaN(stars) || math.IsInf(stars, 0) {
		return 0, invalid(field, "must be a number of stars from 0.5 to 5")
	}
	half := stars * 2
	if half != math.Trunc(half) {
		return 0, invalid(field, fmt.Sprintf("must be in half stars (0.5, 1, … 5), not %v", stars))
	}
	r := Rating(half)
	if !r.Valid() {
		return 0, invalid(field, fmt.Sprintf("must be from 0.5 to 5 stars, not %v", stars))
	}
	return r, nil
}

// ParseStars parses a rating such as "3.5" on the 0.5–5 scale.
func ParseStars(field, s string) (Rating, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, invalid(field, fmt.Sprintf("must be a number of stars from 0.5 to 5, not %q", s))
	}
	return RatingFromStars(field, f)
}

// RatingFromTen converts IMDb's 1–10 scale: one IMDb point is one half
// star, so the mapping is exact both ways.
func RatingFromTen(field string, n int) (Rating, error) {
	r := Rating(n)
	if !r.Valid() {
		return 0, invalid(field, fmt.Sprintf("must be from 1 to 10, not %d", n))
	}
	return r, nil
}

// Ten is the rating on IMDb's 1–10 scale.
func (r Rating) Ten() int { return int(r) }

func invalid(field, reason string) error {
	return &film.ValidationError{Entity: "rating", Field: field, Reason: reason}
}

// Privacy is who may see a member's profile.
type Privacy string

// Profile visibility.
const (
	ProfilePublic  Privacy = "public"  // anyone
	ProfileMembers Privacy = "members" // signed-in members only
)

// Settings are a member's privacy settings and favourite films.
type Settings struct {
	Profile      Privacy
	DiaryPrivate bool
	Favourites   []string // film slugs, at most four, in order
}

// Validate checks the settings.
func (s Settings) Validate() error {
	if s.Profile != ProfilePublic && s.Profile != ProfileMembers {
		return &film.ValidationError{Entity: "settings", Field: "profile", Reason: `must be "public" or "members"`}
	}
	if len(s.Favourites) > 4 {
		return &film.ValidationError{Entity: "settings", Field: "favourites", Reason: "holds at most four films"}
	}
	return nil
}

// FilmLog is one member's relation to one film: watched, rated, liked.
type FilmLog struct {
	FilmSlug  string
	FilmTitle string
	FilmYear  int
	IMDbID    string
	Rating    Rating
	Liked     bool
	Watched   bool
	WatchedOn string // YYYY-MM-DD, or ""
	UpdatedAt time.Time
}

// ParseDate checks a YYYY-MM-DD date; "" is allowed when optional.
func ParseDate(entity, field, s string, optional bool) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" && optional {
		return "", nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return "", &film.ValidationError{Entity: entity, Field: field, Reason: fmt.Sprintf("must be a date YYYY-MM-DD, not %q", s)}
	}
	return s, nil
}
