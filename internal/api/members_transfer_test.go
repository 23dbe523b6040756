package api

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"mime/multipart"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
	"marquee/internal/member"
)

// transferFilms are ten films with IMDb ids added to the demo catalog, so
// every rating from ½ to 5 has a film IMDb can key.
func addTransferFilms(t *testing.T, m *memberAPI) []string {
	t.Helper()
	var slugs []string
	for i := 1; i <= 10; i++ {
		f := film.Film{Slug: fmt.Sprintf("transfer-film-%d", i), Title: fmt.Sprintf("Transfer Film %d", i), Year: 1990 + i,
			IDs: film.ExternalIDs{IMDb: fmt.Sprintf("tt99000%02d", i)}}
		if err := m.st.PutFilm(context.Background(), &f); err != nil {
			t.Fatal(err)
		}
		slugs = append(slugs, f.Slug)
	}
	return slugs
}

// upload is a multipart body with one file field.
func upload(t *testing.T, field, name string, data []byte) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile(field, name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	return mw.FormDataContentType(), buf.Bytes()
}

// zipFiles returns each file of a ZIP as its header and rows (sorted, but
// for lists, whose order is theirs).
func zipFiles(t *testing.T, data []byte) map[string][]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a ZIP: %v", err)
	}
	out := map[string][]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
		body := lines[1:]
		if !strings.HasPrefix(f.Name, "lists/") {
			sort.Strings(body)
		}
		out[f.Name] = append(lines[:1:1], body...)
	}
	return out
}

// TestLetterboxdRoundTripOverAPI fills an account over the API, exports
// it as a Letterboxd ZIP, imports that into a fresh account and exports
// again: the same ratings, likes, diary, reviews, watchlist and lists.
func TestLetterboxdRoundTripOverAPI(t *testing.T) {
	m := newMemberAPI(t, "ana", "cy")
	slugs := addTransferFilms(t, m)
	for i, s := range slugs {
		m.json("ana", "PUT", "/api/v1/films/"+s+"/rating", fmt.Sprintf(`{"rating": %g, "liked": %v}`, float64(i+1)/2, i%3 == 0), 200, nil)
	}
	m.json("ana", "PUT", "/api/v1/films/starlet-2012/rating", `{"rating": 3.5}`, 200, nil) // no IMDb id: matched by title and year
	m.json("ana", "POST", "/api/v1/films/red-rocket-2021/diary", `{"watched_on": "2022-01-08", "rating": 4.5, "tags": ["cinema", "a24"]}`, 201, nil)
	m.json("ana", "POST", "/api/v1/films/red-rocket-2021/diary", `{"watched_on": "2024-06-01", "rating": 0.5, "rewatch": true}`, 201, nil)
	m.json("ana", "POST", "/api/v1/films/tangerine-2015/diary", `{"watched_on": "2015-07-10"}`, 201, nil)
	m.json("ana", "POST", "/api/v1/films/red-rocket-2021/reviews", `{"body": "Mikey Saber comes home.\n\nHe is *awful*, \"charming\", and the ending —\nwell, watch it.", "spoiler": true}`, 201, nil)
	m.json("ana", "PUT", "/api/v1/films/anora-2024/watchlist", `{"on": true}`, 204, nil)
	m.json("ana", "PUT", "/api/v1/films/transfer-film-3/watchlist", `{"on": true}`, 204, nil)
	m.json("ana", "POST", "/api/v1/lists", `{"name": "Sean Baker, ranked", "description": "From *Take Out* on.", "ranked": true, "public": true,
		"entries": [{"film": "anora-2024", "note": "Palme d'Or"}, {"film": "tangerine-2015"}, {"film": "take-out-2004", "note": "with Shih-Ching Tsou"}]}`, 201, nil)

	first := m.send("ana", "GET", "/api/v1/me/letterboxd", "", nil, 200)
	if ct := first.Header().Get("Content-Type"); ct != "application/zip" {
		t.Fatalf("export Content-Type %q", ct)
	}
	want := zipFiles(t, first.Body.Bytes())
	for _, f := range []string{"watched.csv", "ratings.csv", "diary.csv", "reviews.csv", "watchlist.csv", "likes/films.csv", "lists/sean-baker-ranked.csv"} {
		if len(want[f]) < 2 {
			t.Errorf("export %s is empty: %q", f, want[f])
		}
	}
	ctype, body := upload(t, "export", "letterboxd.zip", first.Body.Bytes())
	var report struct {
		Imported  member.ImportCounts `json:"imported"`
		Pending   int                 `json:"pending"`
		Unmatched []any               `json:"unmatched"`
		Fuzzy     []any               `json:"fuzzy"`
	}
	rec := m.send("cy", "POST", "/api/v1/me/letterboxd", ctype, body, 200)
	if err := jsonDecode(rec.Body.Bytes(), &report); err != nil {
		t.Fatal(err)
	}
	if report.Pending != 0 || len(report.Unmatched)+len(report.Fuzzy) != 0 || report.Imported.Ratings != 12 || report.Imported.Diary != 3 ||
		report.Imported.Reviews != 1 || report.Imported.Watchlist != 2 || report.Imported.Lists != 1 {
		t.Errorf("import report: %s", rec.Body)
	}
	got := zipFiles(t, m.send("cy", "GET", "/api/v1/me/letterboxd", "", nil, 200).Body.Bytes())
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("export → import → export changed the files (-first +second):\n%s", diff)
	}
	// The same through the stores' own reading of both accounts.
	ana, _ := m.st.MemberExport(context.Background(), m.ids["ana"])
	cy, _ := m.st.MemberExport(context.Background(), m.ids["cy"])
	if diff := cmp.Diff(accountShape(ana), accountShape(cy)); diff != "" {
		t.Errorf("the accounts differ (-ana +cy):\n%s", diff)
	}
}

// accountShape is what a round trip must carry, without ids and clocks.
// A review's spoiler flag and whether a list is ranked or private are left
// out: Letterboxd's files have no column for them (see WriteLetterboxd).
func accountShape(d member.Data) []string {
	var out []string
	for _, f := range d.Films {
		out = append(out, fmt.Sprintf("film %s %d liked=%v", f.FilmSlug, f.Rating, f.Liked))
	}
	for _, e := range d.Diary {
		out = append(out, fmt.Sprintf("diary %s %s %d rewatch=%v %v", e.FilmSlug, e.WatchedOn, e.Rating, e.Rewatch, e.Tags))
	}
	for _, r := range d.Reviews {
		out = append(out, fmt.Sprintf("review %s %q %d", r.FilmSlug, r.Body, r.Rating))
	}
	for _, w := range d.Watchlist {
		out = append(out, "watchlist "+w.FilmSlug)
	}
	for _, l := range d.Lists {
		out = append(out, fmt.Sprintf("list %s %q %q", l.Slug, l.Name, l.Description))
		for _, e := range l.Entries {
			out = append(out, fmt.Sprintf("  %d %s %q", e.Position, e.FilmSlug, e.Note))
		}
	}
	sort.Strings(out)
	return out
}

// TestIMDbRoundTripOverAPI exports every half star as IMDb's 1–10 and
// imports it into a fresh account: the same ratings, no drift; the
// watchlist too.
func TestIMDbRoundTripOverAPI(t *testing.T) {
	m := newMemberAPI(t, "ana", "cy")
	slugs := addTransferFilms(t, m)
	for i, s := range slugs {
		m.json("ana", "PUT", "/api/v1/films/"+s+"/rating", fmt.Sprintf(`{"rating": %g}`, float64(i+1)/2), 200, nil)
	}
	m.json("ana", "PUT", "/api/v1/films/starlet-2012/rating", `{"rating": 3}`, 200, nil) // no IMDb id: left out, and counted
	for _, s := range slugs[:3] {
		m.json("ana", "PUT", "/api/v1/films/"+s+"/watchlist", `{"on": true}`, 204, nil)
	}
	rec := m.send("ana", "GET", "/api/v1/me/imdb/ratings", "", nil, 200)
	if h := rec.Header().Get("Skipped-Without-IMDb-Id"); h != "1" {
		t.Errorf("Skipped-Without-IMDb-Id = %q, want 1", h)
	}
	rows, err := csv.NewReader(bytes.NewReader(rec.Body.Bytes())).ReadAll()
	if err != nil || len(rows) != 11 || rows[0][0] != "Const" || rows[0][1] != "Your Rating" {
		t.Fatalf("ratings CSV: %v %q", err, rows)
	}
	tens := map[string]string{}
	for _, r := range rows[1:] {
		tens[r[0]] = r[1]
	}
	for i := 1; i <= 10; i++ {
		if got := tens[fmt.Sprintf("tt99000%02d", i)]; got != fmt.Sprint(i) {
			t.Errorf("%d half stars became IMDb %q, want %d", i, got, i)
		}
	}
	var report IMDbReport
	if err := jsonDecode(m.send("cy", "POST", "/api/v1/me/imdb/ratings", "text/csv", rec.Body.Bytes(), 200).Body.Bytes(), &report); err != nil {
		t.Fatal(err)
	}
	if report.Read != 10 || report.Imported.Ratings != 10 || len(report.Unmatched) != 0 {
		t.Errorf("ratings import report: %+v", report)
	}
	ratings := func(who string) map[string]member.Rating {
		films, err := m.st.MemberFilms(context.Background(), m.ids[who])
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]member.Rating{}
		for _, f := range films {
			if f.IMDbID != "" {
				out[f.FilmSlug] = f.Rating
			}
		}
		return out
	}
	if diff := cmp.Diff(ratings("ana"), ratings("cy")); diff != "" {
		t.Errorf("ratings after the IMDb round trip (-ana +cy):\n%s", diff)
	}
	again := m.send("cy", "GET", "/api/v1/me/imdb/ratings", "", nil, 200)
	if !bytes.Equal(sortedCSV(again.Body.Bytes()), sortedCSV(rec.Body.Bytes())) {
		t.Errorf("the second export differs:\n%s\nfirst:\n%s", again.Body, rec.Body)
	}

	wl := m.send("ana", "GET", "/api/v1/me/imdb/watchlist", "", nil, 200)
	if err := jsonDecode(m.send("cy", "POST", "/api/v1/me/imdb/watchlist", "text/csv", wl.Body.Bytes(), 200).Body.Bytes(), &report); err != nil {
		t.Fatal(err)
	}
	var a, c WatchlistPage
	m.json("", "GET", "/api/v1/members/ana/watchlist", "", 200, &a)
	m.json("", "GET", "/api/v1/members/cy/watchlist", "", 200, &c)
	if c.Total != 3 || report.Imported.Watchlist != 3 {
		t.Errorf("watchlist after the round trip: %+v, report %+v", c, report)
	}
	filmsOf := func(p WatchlistPage) []string {
		var out []string
		for _, f := range p.Films {
			out = append(out, f.Film)
		}
		sort.Strings(out)
		return out
	}
	if diff := cmp.Diff(filmsOf(a), filmsOf(c)); diff != "" {
		t.Errorf("watchlists (-ana +cy):\n%s", diff)
	}
	m.send("ana", "GET", "/api/v1/me/imdb/letterboxd", "", nil, 404)
	m.send("", "GET", "/api/v1/me/imdb/ratings", "", nil, 401)
}

func sortedCSV(b []byte) []byte {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	sort.Strings(lines[1:])
	return []byte(strings.Join(lines, "\n"))
}
