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
// is not sent (clients render the Markdown themselves). Hidden (hidden by
// an editor) is sent only to editors and to the review's author, the
// callers who may see a hidden review at all; for anyone else it is absent.
type ReviewJSON struct {
	ID        int64     `json:"id"`
	Author    string    `json:"author"`
	Film      string    `json:"film"`
	Body      string    `json:"body"`
	Spoiler   bool      `json:"spoiler"`
	Rating    *float64  `json:"rating"`
	Likes     int       `json:"likes"`
	Hidden    *bool     `json:"hidden,omitempty"`
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

// reviewJSON is r as the caller v sees it: with its hidden state when v
// may see hidden reviews (mayModerate), without it otherwise.
func reviewJSON(r member.Review, v reviewViewer) ReviewJSON {
	out := ReviewJSON{ID: r.ID, Author: r.Author, Film: r.FilmSlug, Body: r.Body, Spoiler: r.Spoiler, Rating: starsPtr(r.Rating), Likes: r.Likes, CreatedAt: r.CreatedAt.UTC()}
	if v.mayModerate(r) {
		out.Hidden = &r.Hidden
	}
	return out
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

// DiaryPage is a member's diary with its total.
type DiaryPage struct {
	Total int         `json:"total"`
	Diary []DiaryJSON `json:"diary"`
}

// ListPage is a member's lists (without entries) with their total.
type ListPage struct {
	Total int        `json:"total"`
	Lists []ListJSON `json:"lists"`
}

// ListEntryJSON is one film on a list or a watchlist; Note on a watchlist
// is the day it was added.
type ListEntryJSON struct {
	Position int    `json:"position"`
	Film     string `json:"film"`
	Title    string `json:"title"`
	Year     int    `json:"year,omitempty"`
	Note     string `json:"note"`
}

// ListDetail is one list with its entries in order.
type ListDetail struct {
	ListJSON
	Owner   string          `json:"owner"`
	Total   int             `json:"total"`
	Entries []ListEntryJSON `json:"entries"`
}

// WatchlistPage is a member's watchlist, latest addition first.
type WatchlistPage struct {
	Total int             `json:"total"`
	Films []ListEntryJSON `json:"films"`
}

// ReviewPage is a member's reviews with their total.
type ReviewPage struct {
	Total   int          `json:"total"`
	Reviews []ReviewJSON `json:"reviews"`
}

// MemberPage is a list of member names with its total.
type MemberPage struct {
	Total   int      `json:"total"`
	Members []string `json:"members"`
}

// ActivityJSON is one thing a member did.
type ActivityJSON struct {
	Member    string    `json:"member"`
	Kind      string    `json:"kind"`
	Film      string    `json:"film,omitempty"`
	Title     string    `json:"title,omitempty"`
	Rating    *float64  `json:"rating"`
	Object    string    `json:"object,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// ActivityPage is a feed of activity, latest first.
type ActivityPage struct {
	Total    int            `json:"total"`
	Activity []ActivityJSON `json:"activity"`
}

// Privacy is a member's privacy settings and favourite four.
type Privacy struct {
	Profile      string   `json:"profile"` // "public" or "members"
	DiaryPrivate bool     `json:"diary_private"`
	Favourites   []string `json:"favourites"` // film slugs, at most four
}

func diaryJSON(e member.DiaryEntry) DiaryJSON {
	tags := e.Tags
	if tags == nil {
		tags = []string{}
	}
	return DiaryJSON{ID: e.ID, Film: e.FilmSlug, WatchedOn: e.WatchedOn, Rating: starsPtr(e.Rating), Rewatch: e.Rewatch, Liked: e.Liked, Tags: tags}
}

func listJSON(l member.List) ListJSON {
	return ListJSON{ID: l.ID, Slug: l.Slug, Name: l.Name, Description: l.Description, Ranked: l.Ranked,
		Public: l.Public, UpdatedAt: l.UpdatedAt.UTC().Format(time.RFC3339)}
}

func entriesJSON(es []member.ListEntry) []ListEntryJSON {
	out := make([]ListEntryJSON, 0, len(es))
	for _, e := range es {
		out = append(out, ListEntryJSON{Position: e.Position, Film: e.FilmSlug, Title: e.FilmTitle, Year: e.FilmYear, Note: e.Note})
	}
	return out
}

func listDetail(l member.List) ListDetail {
	return ListDetail{ListJSON: listJSON(l), Owner: l.Owner, Total: len(l.Entries), Entries: entriesJSON(l.Entries)}
}

func activityPage(acts []member.Activity) ActivityPage {
	out := ActivityPage{Total: len(acts), Activity: make([]ActivityJSON, 0, len(acts))}
	for _, a := range acts {
		out.Activity = append(out.Activity, ActivityJSON{Member: a.Member, Kind: a.Kind, Film: a.FilmSlug, Title: a.FilmTitle,
			Rating: starsPtr(a.Rating), Object: a.Object, CreatedAt: a.CreatedAt.UTC()})
	}
	return out
}
