package api

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/http"

	"marquee/internal/auth"
	"marquee/internal/film"
	"marquee/internal/member"
	"marquee/internal/memberio"
)

// imdbKind reads the {kind} of the IMDb routes: ratings or watchlist.
func imdbKind(r *http.Request) (ratings bool, err error) {
	switch k := r.PathValue("kind"); k {
	case "ratings":
		return true, nil
	case "watchlist":
		return false, nil
	default:
		return false, &film.NotFoundError{Entity: "IMDb file", Key: k}
	}
}

// meIMDbImport answers POST /api/v1/me/imdb/{kind}: IMDb's "Your ratings"
// CSV (kind ratings) or a watchlist export, sent as the body (text/csv),
// imported into the caller's account. Films match by IMDb id only, 1–10
// becomes half stars one to one, ids the catalog lacks are filed for the
// member to resolve; a file with any malformed row changes nothing and is
// a 400 naming its line and field.
func (s *Server) meIMDbImport(w http.ResponseWriter, r *http.Request) error {
	ratings, err := imdbKind(r)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var big *http.MaxBytesError
		if errors.As(err, &big) {
			return &tooLarge{"the file"}
		}
		return &auth.FormError{Field: "body", Msg: "body: " + err.Error()}
	}
	name := r.PathValue("kind") + ".csv"
	u, _ := auth.UserFrom(r.Context())
	auth.Note(r.Context(), fmt.Sprintf("imdb %s import for user %d", r.PathValue("kind"), u.ID), nil, nil)
	sum, err := memberio.ImportIMDb(r.Context(), s.store, u.ID, bytes.NewReader(body), name, ratings)
	var pe *csv.ParseError
	if errors.Is(err, memberio.ErrMalformed) || errors.Is(err, memberio.ErrNotIMDb) || errors.As(err, &pe) {
		return &auth.FormError{Field: "body", Msg: err.Error()}
	}
	if err != nil {
		return memberErr(err)
	}
	return privateJSON(w, r, http.StatusOK, imdbReport(sum))
}

// IMDbReport is what an IMDb import did.
type IMDbReport struct {
	File      string              `json:"file"`
	Read      int                 `json:"read"`
	Imported  member.ImportCounts `json:"imported"`
	Unmatched []IMDbUnmatched     `json:"unmatched"`
}

// IMDbUnmatched is a row whose IMDb id the catalog lacks.
type IMDbUnmatched struct {
	Line  int    `json:"line"`
	IMDb  string `json:"imdb_id"`
	Title string `json:"title"`
	Year  int    `json:"year,omitempty"`
}

func imdbReport(sum *memberio.IMDbSummary) IMDbReport {
	out := IMDbReport{File: sum.File, Read: sum.Read, Imported: sum.Counts, Unmatched: []IMDbUnmatched{}}
	for _, u := range sum.Unmatched {
		out.Unmatched = append(out.Unmatched, IMDbUnmatched{Line: u.Line, IMDb: u.Const, Title: u.Title, Year: u.Year})
	}
	return out
}
