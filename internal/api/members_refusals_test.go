package api

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"marquee/internal/auth"
)

// zipOf builds a ZIP of the named files.
func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// nothingLanded checks that who's account is still empty.
func nothingLanded(t *testing.T, m *memberAPI, who, after string) {
	t.Helper()
	ctx := context.Background()
	d, err := m.st.MemberExport(ctx, m.ids[who])
	if err != nil {
		t.Fatal(err)
	}
	p, err := m.st.PendingImports(ctx, m.ids[who])
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Films) + len(d.Diary) + len(d.Reviews) + len(d.Watchlist) + len(d.Lists) + len(p); n != 0 {
		t.Errorf("after %s, %d rows landed: %+v, pending %+v", after, n, d, p)
	}
}

const watchedHeader = "Date,Name,Year,Letterboxd URI\n"

// TestImportRefusals sends the API the uploads the site refuses: each is
// the API's error naming the field (or a 413 with the limit) and leaves
// the account as it was.
func TestImportRefusals(t *testing.T) {
	m := newMemberAPI(t, "cy")
	good := watchedHeader + "2024-01-01,Red Rocket,2021,\n"
	for _, tt := range []struct {
		name   string
		data   []byte
		status int
		says   []string
	}{
		{"not a ZIP", []byte("Date,Name,Year\n2024-01-01,Red Rocket,2021\n"), 400, []string{"export", "not a ZIP"}},
		{"climbs out", zipOf(t, map[string]string{"watched.csv": good, "../x": "boom"}), 400, []string{"export", `"../x"`, ".."}},
		{"nested climb", zipOf(t, map[string]string{"watched.csv": good, "lists/../../x.csv": "boom"}), 400, []string{".."}},
		{"absolute", zipOf(t, map[string]string{"/etc/x": "boom", "watched.csv": good}), 400, []string{"absolute"}},
		{"no Letterboxd files", zipOf(t, map[string]string{"notes.txt": "hi"}), 400, []string{"export", "the uploaded export: no Letterboxd files"}},
		{"a malformed row", zipOf(t, map[string]string{"watched.csv": good,
			"ratings.csv": "Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,Red Rocket,2021,,3.3\n"}), 400, []string{"ratings.csv", "line 2", "Rating"}},
		{"over the limit", append([]byte("PK\x03\x04"), bytes.Repeat([]byte("x"), auth.MaxBodyBytes)...), 413, []string{fmt.Sprint(auth.MaxBodyBytes)}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctype, body := upload(t, "export", "letterboxd.zip", tt.data)
			rec := m.send("cy", "POST", "/api/v1/me/letterboxd", ctype, body, tt.status)
			wantError(t, rec.Body.String(), tt.says...)
			if strings.Contains(rec.Body.String(), "marquee-letterboxd") {
				t.Errorf("the error names the server's temporary file: %s", rec.Body)
			}
			nothingLanded(t, m, "cy", tt.name)
		})
	}
	ctype, body := upload(t, "file", "letterboxd.zip", zipOf(t, map[string]string{"watched.csv": good}))
	wantError(t, m.send("cy", "POST", "/api/v1/me/letterboxd", ctype, body, 400).Body.String(), "export")
	wantError(t, m.json("cy", "POST", "/api/v1/me/letterboxd", `{"export": "x"}`, 400, nil), "export")
	nothingLanded(t, m, "cy", "a wrong field")

	// IMDb files.
	const header = "Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n"
	for _, tt := range []struct {
		name, body string
		status     int
		says       []string
	}{
		{"not IMDb", "Date,Name,Year\n2024-01-01,Red Rocket,2021\n", 400, []string{"ratings.csv", "Const"}},
		{"a rating of 11", header + "tt3824458,11,2024-01-01,Tangerine,,movie,7.1,88,2015,,,,\n", 400, []string{"ratings.csv", "line 2", "Your Rating"}},
		{"a bad id", header + "x3824458,7,2024-01-01,Tangerine,,movie,7.1,88,2015,,,,\n", 400, []string{"line 2", "Const"}},
		{"an unclosed quote in the first field", header + "tt3824458,7,2024-01-01,Tangerine,,movie,7.1,88,2015,,,,\n\"tt5649144,8,2024-01-02\n", 400,
			[]string{"ratings.csv", "line 3", "bad CSV"}},
		{"over the limit", header + strings.Repeat("tt3824458,7,2024-01-01,Tangerine,,movie,7.1,88,2015,,,,\n", auth.MaxBodyBytes/50), 413, []string{fmt.Sprint(auth.MaxBodyBytes)}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, m.send("cy", "POST", "/api/v1/me/imdb/ratings", "text/csv", []byte(tt.body), tt.status).Body.String(), tt.says...)
			nothingLanded(t, m, "cy", tt.name)
		})
	}
	m.send("cy", "POST", "/api/v1/me/imdb/letterboxd", "text/csv", []byte(header), 404)
	m.send("", "POST", "/api/v1/me/imdb/ratings", "text/csv", []byte(header), 403)
}

// TestImportFilesPendingRows imports rows the catalog cannot place for
// certain: the report lists them, GET /api/v1/me/pending too, and the
// member resolves or dismisses each; another member cannot.
func TestImportFilesPendingRows(t *testing.T) {
	m := newMemberAPI(t, "cy", "bo")
	data := zipOf(t, map[string]string{"watched.csv": watchedHeader +
		"2024-01-01,Red Rocket,2021,\n2024-01-02,Red Rocket,2022,\n2024-01-03,A Film Nobody Made,1999,\n"})
	ctype, body := upload(t, "export", "letterboxd.zip", data)
	var report struct {
		Pending   int         `json:"pending"`
		Unmatched []Unmatched `json:"unmatched"`
		Fuzzy     []Unmatched `json:"fuzzy"`
	}
	if err := jsonDecode(m.send("cy", "POST", "/api/v1/me/letterboxd", ctype, body, 200).Body.Bytes(), &report); err != nil {
		t.Fatal(err)
	}
	if report.Pending != 2 || len(report.Unmatched) != 1 || report.Unmatched[0].Title != "A Film Nobody Made" || len(report.Fuzzy) != 1 || report.Fuzzy[0].Line != 3 {
		t.Fatalf("report: %+v", report)
	}
	var pending PendingPage
	m.json("cy", "GET", "/api/v1/me/pending", "", 200, &pending)
	if pending.Total != 2 {
		t.Fatalf("pending: %+v", pending)
	}
	var fuzzy, unmatched PendingJSON
	for _, p := range pending.Pending {
		if p.Kind == "fuzzy" {
			fuzzy = p
		} else {
			unmatched = p
		}
	}
	if fuzzy.Suggested != "red-rocket-2021" {
		t.Errorf("the fuzzy row suggests %q", fuzzy.Suggested)
	}
	m.json("bo", "PUT", fmt.Sprintf("/api/v1/me/pending/%d", fuzzy.ID), `{"film": "red-rocket-2021"}`, 403, nil)
	wantError(t, m.json("cy", "PUT", fmt.Sprintf("/api/v1/me/pending/%d", fuzzy.ID), `{}`, 400, nil), "film")
	m.json("cy", "PUT", fmt.Sprintf("/api/v1/me/pending/%d", fuzzy.ID), `{"film": "no-such-film"}`, 404, nil)
	m.json("cy", "PUT", fmt.Sprintf("/api/v1/me/pending/%d", fuzzy.ID), `{"film": "red-rocket-2021"}`, 200, nil)
	m.json("cy", "PUT", fmt.Sprintf("/api/v1/me/pending/%d", unmatched.ID), `{"film": ""}`, 200, nil)
	m.json("cy", "PUT", fmt.Sprintf("/api/v1/me/pending/%d", unmatched.ID), `{"film": ""}`, 404, nil)
	m.json("cy", "GET", "/api/v1/me/pending", "", 200, &pending)
	if pending.Total != 0 {
		t.Errorf("still pending: %+v", pending)
	}
}

// Unmatched is a row of the import report's unmatched and fuzzy lists.
type Unmatched struct {
	File  string `json:"file"`
	Line  int    `json:"line"`
	Title string `json:"title"`
	Year  int    `json:"year"`
}
