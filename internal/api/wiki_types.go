package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"marquee/internal/diff"
	"marquee/internal/film"
	"marquee/internal/httpx"
	"marquee/internal/store"
)

// TheoryList is a page of a film's theories.
type TheoryList struct {
	Theories []film.Theory `json:"theories"`
	Total    int           `json:"total"`
}

// TheoryDetail is a theory with its comments in reading order.
type TheoryDetail struct {
	film.Theory
	Comments []film.Comment `json:"comments"`
}

// ThreadDetail is a discussion thread with its comments in reading order.
type ThreadDetail struct {
	film.Thread
	Comments []film.Comment `json:"comments"`
}

// RevisionList is a page of a dossier's history, newest first.
type RevisionList struct {
	Revisions []film.Revision `json:"revisions"`
	// Older is the "before" of the next page; 0 when there is none.
	Older int `json:"older"`
	// Total is the number of revisions in the whole history.
	Total int `json:"total"`
}

// RevisionText is one revision with its text form.
type RevisionText struct {
	film.Revision
	Text string `json:"text"`
}

// DiffBlock is a paragraph of a comparison: "equal", "delete", "insert",
// or "changed" with its word-level chunks.
type DiffBlock struct {
	Op    string      `json:"op"`
	Old   string      `json:"old,omitempty"`
	New   string      `json:"new,omitempty"`
	Words []DiffChunk `json:"words,omitempty"`
}

// DiffChunk is a run of words with one operation.
type DiffChunk struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Diff compares two revisions of a dossier.
type Diff struct {
	From   film.Revision `json:"from"`
	To     film.Revision `json:"to"`
	Stats  DiffStats     `json:"stats"`
	Blocks []DiffBlock   `json:"blocks"`
}

// DiffStats counts a comparison's changes.
type DiffStats struct {
	ParagraphsAdded   int `json:"paragraphs_added"`
	ParagraphsRemoved int `json:"paragraphs_removed"`
	ParagraphsChanged int `json:"paragraphs_changed"`
	WordsAdded        int `json:"words_added"`
	WordsRemoved      int `json:"words_removed"`
}

// ChangeList is the recent-changes list.
type ChangeList struct {
	Changes []film.Change `json:"changes"`
	Total   int           `json:"total"` // the changes in Changes: the list is not paged
}

func diffOf(a, b *store.StoredRevision, blocks []diff.Block, st diff.Stats) Diff {
	out := Diff{From: a.Revision, To: b.Revision, Blocks: []DiffBlock{}, Stats: DiffStats{
		ParagraphsAdded: st.ParagraphsAdded, ParagraphsRemoved: st.ParagraphsRemoved, ParagraphsChanged: st.ParagraphsChanged,
		WordsAdded: st.WordsAdded, WordsRemoved: st.WordsRemoved}}
	for _, bl := range blocks {
		d := DiffBlock{Op: bl.Op.String(), Old: bl.Old, New: bl.New}
		if bl.Changed {
			d.Op = "changed"
			for _, c := range bl.Words {
				d.Words = append(d.Words, DiffChunk{Op: c.Op.String(), Text: strings.Join(c.Tokens, "")})
			}
		}
		if d.Op == "equal" {
			d.Old = ""
		}
		out.Blocks = append(out.Blocks, d)
	}
	return out
}

// filmSlug resolves a {key} (slug or IMDb id) to the film's slug.
func (s *Server) filmSlug(ctx context.Context, key string) (string, error) {
	var (
		f   *film.Film
		err error
	)
	if strings.HasPrefix(key, "tt") && len(key) > 2 && strings.Trim(key[2:], "0123456789") == "" {
		f, err = s.store.FilmByIMDb(ctx, key)
	} else {
		f, err = s.store.GetFilm(ctx, key)
	}
	if err != nil {
		return "", err
	}
	return f.Slug, nil
}

// maxJSONBody bounds a JSON write's body.
const maxJSONBody = 64 << 10

// decodeBody reads a JSON object into v, refusing unknown fields, trailing
// data and bodies over the limit with a 400 that says so.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxJSONBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return &paramError{Param: "body", Reason: fmt.Sprintf("the body is larger than the limit of %d bytes", maxJSONBody)}
		}
		return &paramError{Param: "body", Reason: "the body must be a JSON object: " + err.Error()}
	}
	if _, err := dec.Token(); err != io.EOF {
		return &paramError{Param: "body", Reason: "the body must hold one JSON object"}
	}
	return nil
}

// idParam reads the numeric {id} of a route; a malformed one is not found.
func idParam(r *http.Request) (int64, error) {
	raw := r.PathValue("id")
	var id int64
	for _, c := range raw {
		if c < '0' || c > '9' || id > 1<<50 {
			return 0, &film.NotFoundError{Entity: "item", Key: raw}
		}
		id = id*10 + int64(c-'0')
	}
	if id == 0 {
		return 0, &film.NotFoundError{Entity: "item", Key: raw}
	}
	return id, nil
}

func itoa64(n int64) string { return fmt.Sprint(n) }

// writeJSONStatus answers with v and status (201 for a creation).
func writeJSONStatus(w http.ResponseWriter, r *http.Request, status int, v any, modified time.Time) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode response: %w", err)
	}
	w.Header().Set("Cache-Control", "private, no-store")
	httpx.Write(w, r, status, "application/json", append(b, '\n'), modified)
	return nil
}
