// Package memberio writes a member's data in other services' formats —
// a Letterboxd export ZIP, IMDb's "Your ratings" and watchlist CSVs — and
// reads the IMDb files back. (A Letterboxd export is read by the catalog
// importer's own Letterboxd reader: catalog.ImportMemberLetterboxd.)
package memberio

import (
	"archive/zip"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"marquee/internal/member"
)

// LetterboxdURI names a film for Letterboxd. Marquee has no Letterboxd ids;
// letterboxd.com/imdb/{id}/ is Letterboxd's own redirect to the film with
// that IMDb id, and Marquee's importer reads the id back from it. Films
// without an IMDb id get no URI and are matched by name and year.
func LetterboxdURI(imdbID string) string {
	if imdbID == "" {
		return ""
	}
	return "https://letterboxd.com/imdb/" + imdbID + "/"
}

// IMDbFromURI returns the IMDb id in a letterboxd.com/imdb/… URI, or "".
func IMDbFromURI(uri string) string {
	const p = "letterboxd.com/imdb/"
	i := strings.Index(uri, p)
	if i < 0 {
		return ""
	}
	id := strings.Trim(uri[i+len(p):], "/")
	if !validIMDb(id) {
		return ""
	}
	return id
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return ""
}

func year(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprint(y)
}

// WriteLetterboxd writes d as a Letterboxd export ZIP: watched.csv,
// ratings.csv, diary.csv, reviews.csv, watchlist.csv, likes/films.csv and
// one lists/{slug}.csv per list ("Letterboxd list export v7"), with
// Letterboxd's own headers, so Letterboxd and Marquee both import it.
// What Letterboxd's formats cannot carry (a review's spoiler flag, whether
// a list is ranked or private) is not written.
func WriteLetterboxd(w io.Writer, d member.Data, now time.Time) error {
	zw := zip.NewWriter(w)
	file := func(name string, header []string, rows [][]string) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: now})
		if err != nil {
			return err
		}
		cw := csv.NewWriter(f)
		if err := cw.Write(header); err != nil {
			return err
		}
		if err := cw.WriteAll(rows); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		return nil
	}
	var watched, ratings, likes [][]string
	for _, f := range d.Films {
		uri := LetterboxdURI(f.IMDbID)
		on := f.WatchedOn
		if on == "" {
			on = day(f.UpdatedAt)
		}
		if f.Watched {
			watched = append(watched, []string{on, f.FilmTitle, year(f.FilmYear), uri})
		}
		if f.Rating != 0 {
			ratings = append(ratings, []string{day(f.UpdatedAt), f.FilmTitle, year(f.FilmYear), uri, f.Rating.String()})
		}
		if f.Liked {
			likes = append(likes, []string{day(f.UpdatedAt), f.FilmTitle, year(f.FilmYear), uri})
		}
	}
	var diary [][]string
	for _, e := range d.Diary {
		diary = append(diary, []string{day(e.CreatedAt), e.FilmTitle, year(e.FilmYear), LetterboxdURI(e.IMDbID), e.Rating.String(),
			yesNo(e.Rewatch), strings.Join(e.Tags, ", "), e.WatchedOn})
	}
	var reviews [][]string
	for _, r := range d.Reviews {
		reviews = append(reviews, []string{day(r.CreatedAt), r.FilmTitle, year(r.FilmYear), LetterboxdURI(r.IMDbID), r.Rating.String(),
			"", r.Body, "", r.WatchedOn})
	}
	var watchlist [][]string
	for _, e := range d.Watchlist {
		watchlist = append(watchlist, []string{e.Note, e.FilmTitle, year(e.FilmYear), LetterboxdURI(e.IMDbID)})
	}
	film4 := []string{"Date", "Name", "Year", "Letterboxd URI"}
	for _, f := range []struct {
		name   string
		header []string
		rows   [][]string
	}{
		{"watched.csv", film4, watched},
		{"ratings.csv", append(film4[:4:4], "Rating"), ratings},
		{"diary.csv", append(film4[:4:4], "Rating", "Rewatch", "Tags", "Watched Date"), diary},
		{"reviews.csv", append(film4[:4:4], "Rating", "Rewatch", "Review", "Tags", "Watched Date"), reviews},
		{"watchlist.csv", film4, watchlist},
		{"likes/films.csv", film4, likes},
	} {
		if err := file(f.name, f.header, f.rows); err != nil {
			return err
		}
	}
	for _, l := range d.Lists {
		if err := writeList(zw, l, now); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeList writes one list in Letterboxd's v7 layout: a title line, the
// list's own header and row, a blank line, then the films.
func writeList(zw *zip.Writer, l member.List, now time.Time) error {
	f, err := zw.CreateHeader(&zip.FileHeader{Name: "lists/" + l.Slug + ".csv", Method: zip.Deflate, Modified: now})
	if err != nil {
		return err
	}
	cw := csv.NewWriter(f)
	cw.Write([]string{"Letterboxd list export v7"})
	cw.Write([]string{"Date", "Name", "Tags", "URL", "Description"})
	cw.Write([]string{day(l.CreatedAt), l.Name, "", "", l.Description})
	cw.Flush()
	if _, err := io.WriteString(f, "\n"); err != nil {
		return err
	}
	cw.Write([]string{"Position", "Name", "Year", "URL", "Description"})
	for _, e := range l.Entries {
		cw.Write([]string{fmt.Sprint(e.Position), e.FilmTitle, year(e.FilmYear), LetterboxdURI(e.IMDbID), e.Note})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write list %s: %w", l.Slug, err)
	}
	return nil
}

// validIMDb checks the shape of an IMDb title id: "tt" and seven or more digits.
func validIMDb(id string) bool {
	if len(id) < 9 || !strings.HasPrefix(id, "tt") {
		return false
	}
	for _, c := range id[2:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
