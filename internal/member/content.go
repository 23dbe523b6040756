package member

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"marquee/internal/film"
)

// MaxReviewLength is the longest review body, in characters.
const MaxReviewLength = 20000

// MaxTags, MaxNote and MaxListName bound the other free-text fields.
const (
	MaxTags        = 500
	MaxNote        = 2000
	MaxListName    = 200
	MaxDescription = 5000
	MaxListEntries = 5000
)

// Review is a member's review of a film. Body is Markdown.
type Review struct {
	ID        int64
	Author    string // username
	FilmSlug  string
	FilmTitle string
	FilmYear  int
	IMDbID    string
	Body      string
	Spoiler   bool
	Rating    Rating
	WatchedOn string
	Hidden    bool
	Likes     int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks the review's fields.
func (r Review) Validate() error {
	if strings.TrimSpace(r.Body) == "" {
		return &film.ValidationError{Entity: "review", Field: "body", Reason: "is empty"}
	}
	if n := utf8.RuneCountInString(r.Body); n > MaxReviewLength {
		return &film.ValidationError{Entity: "review", Field: "body",
			Reason: fmt.Sprintf("is %d characters; the limit is %d", n, MaxReviewLength)}
	}
	if !utf8.ValidString(r.Body) {
		return &film.ValidationError{Entity: "review", Field: "body", Reason: "is not valid UTF-8"}
	}
	if r.Rating != 0 && !r.Rating.Valid() {
		return invalid("rating", "must be from 0.5 to 5 stars")
	}
	if _, err := ParseDate("review", "watched_on", r.WatchedOn, true); err != nil {
		return err
	}
	return nil
}

// DiaryEntry is one logged viewing.
type DiaryEntry struct {
	ID        int64
	Member    string
	FilmSlug  string
	FilmTitle string
	FilmYear  int
	IMDbID    string
	WatchedOn string // YYYY-MM-DD
	Rating    Rating
	Rewatch   bool
	Liked     bool
	Tags      []string
	CreatedAt time.Time
}

// Validate checks the entry's fields.
func (d DiaryEntry) Validate() error {
	if _, err := ParseDate("diary entry", "watched_on", d.WatchedOn, false); err != nil {
		return err
	}
	if d.Rating != 0 && !d.Rating.Valid() {
		return invalid("rating", "must be from 0.5 to 5 stars")
	}
	if n := len(strings.Join(d.Tags, ",")); n > MaxTags {
		return &film.ValidationError{Entity: "diary entry", Field: "tags", Reason: fmt.Sprintf("are %d bytes; the limit is %d", n, MaxTags)}
	}
	return nil
}

// SplitTags splits a comma-separated tag list, trimming and dropping empties.
func SplitTags(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// List is a member's list of films.
type List struct {
	ID          int64
	Owner       string
	Slug        string
	Name        string
	Description string
	Ranked      bool
	Public      bool
	Entries     []ListEntry
	UpdatedAt   time.Time
	CreatedAt   time.Time
}

// ListEntry is one film on a list; Position counts from 1.
type ListEntry struct {
	Position  int
	FilmSlug  string
	FilmTitle string
	FilmYear  int
	IMDbID    string
	Note      string
}

// Validate checks the list's fields.
func (l List) Validate() error {
	name := strings.TrimSpace(l.Name)
	switch {
	case name == "":
		return &film.ValidationError{Entity: "list", Field: "name", Reason: "is empty"}
	case utf8.RuneCountInString(name) > MaxListName:
		return &film.ValidationError{Entity: "list", Field: "name", Reason: fmt.Sprintf("is longer than %d characters", MaxListName)}
	case utf8.RuneCountInString(l.Description) > MaxDescription:
		return &film.ValidationError{Entity: "list", Field: "description", Reason: fmt.Sprintf("is longer than %d characters", MaxDescription)}
	case len(l.Entries) > MaxListEntries:
		return &film.ValidationError{Entity: "list", Field: "entries", Reason: fmt.Sprintf("holds more than %d films", MaxListEntries)}
	}
	for _, e := range l.Entries {
		if utf8.RuneCountInString(e.Note) > MaxNote {
			return &film.ValidationError{Entity: "list", Field: "note", Reason: fmt.Sprintf("is longer than %d characters", MaxNote)}
		}
	}
	return nil
}

// Histogram is the members' ratings of one film: Counts[i] is the number of
// ratings of i+1 half stars.
type Histogram struct {
	Counts [10]int
	Likes  int
}

// Count is the number of ratings.
func (h Histogram) Count() int {
	n := 0
	for _, c := range h.Counts {
		n += c
	}
	return n
}

// Mean is the mean rating in stars (0.5–5), or 0 with no ratings.
func (h Histogram) Mean() float64 {
	n, sum := 0, 0
	for i, c := range h.Counts {
		n += c
		sum += c * (i + 1)
	}
	if n == 0 {
		return 0
	}
	return float64(sum) / float64(n) / 2
}

// Activity is one thing a member did, for feeds.
type Activity struct {
	ID        int64
	Member    string
	Kind      string // rated, liked, reviewed, logged, listed, watchlisted, followed
	FilmSlug  string
	FilmTitle string
	FilmYear  int
	Ref       int64
	Rating    Rating
	Object    string // the list or member name the action concerns
	CreatedAt time.Time
}
