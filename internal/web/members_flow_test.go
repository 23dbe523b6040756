package web

import (
	"archive/zip"
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/auth"
	"marquee/internal/film"
	"marquee/internal/member"
)

func memberSite(t *testing.T) *authSite {
	t.Helper()
	s := newAuthSite(t, filepath.Join(t.TempDir(), "m.db"))
	for _, f := range []film.Film{{Slug: "red-rocket-2021", Title: "Red Rocket", Year: 2021}, {Slug: "anora-2024", Title: "Anora", Year: 2024}} {
		if err := s.st.PutFilm(context.Background(), &f); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func (c *client) upload(path, tokenFrom, name string, data []byte) (*http.Response, string) {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField(auth.CSRFField, c.token(tokenFrom))
	fw, _ := mw.CreateFormFile("export", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", c.s.srv.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

func zipOf(t *testing.T, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for n, body := range files {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

func TestMembersRateReviewLogListFollow(t *testing.T) {
	s := memberSite(t)
	ctx := context.Background()
	s.addUser("ana", auth.RoleMember, "correct horse battery")
	s.addUser("bo", auth.RoleMember, "correct horse battery")
	ana, bo := s.client(), s.client()
	ana.signIn("ana", "correct horse battery")
	bo.signIn("bo", "correct horse battery")
	film := "/films/red-rocket-2021"

	for _, bad := range []string{"0", "5.5", "3.3", "NaN", "", "x"} {
		res, body := ana.post(film+"/rate", film, url.Values{"rating": {bad}})
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "rating") {
			t.Errorf("rating %q: status %d, want 400 naming the field", bad, res.StatusCode)
		}
	}
	if res, _ := ana.post(film+"/rate", film, url.Values{"rating": {"4.5"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("rate: %d", res.StatusCode)
	}
	if res, _ := bo.post(film+"/rate", film, url.Values{"rating": {"2"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("rate: %d", res.StatusCode)
	}
	if res, _ := ana.post(film+"/like", film, url.Values{"liked": {"1"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("like: %d", res.StatusCode)
	}
	long := strings.Repeat("a", member.MaxReviewLength+1)
	if res, body := ana.post(film+"/reviews", film, url.Values{"body": {long}}); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "20000") {
		t.Errorf("long review: %d, want 400 stating the limit", res.StatusCode)
	}
	hostile := "The ending **hurts**. <script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))"
	if res, _ := ana.post(film+"/reviews", film, url.Values{"body": {hostile}, "spoiler": {"1"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("review: %d", res.StatusCode)
	}
	if res, _ := ana.post(film+"/diary", film, url.Values{"watched_on": {"2024-06-01"}, "rating": {"4.5"}, "rewatch": {"1"}, "tags": {"cinema"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("diary: %d", res.StatusCode)
	}
	if res, _ := ana.post(film+"/lists", film, url.Values{"name": {"Baker best"}, "note": {"the donut shop"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("list: %d", res.StatusCode)
	}
	if res, _ := bo.post("/members/ana/follow", "/members/ana", url.Values{"on": {"1"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("follow: %d", res.StatusCode)
	}

	_, page := s.client().get(film)
	for _, want := range []string{"mean of 2 member ratings", "source: Marquee members", `<details class="spoiler">`, "<strong>hurts</strong>"} {
		if !strings.Contains(page, want) {
			t.Errorf("film page lacks %q", want)
		}
	}
	for _, bad := range []string{"<script>alert", "onerror", "javascript:alert"} {
		if strings.Contains(page, bad) {
			t.Errorf("film page carries %q from a review", bad)
		}
	}
	fid := filmIDOf(t, s, "red-rocket-2021")
	kept, _ := s.st.FilmHistogram(ctx, fid)
	recount, _ := s.st.RecountHistogram(ctx, fid)
	if diff := cmp.Diff(recount, kept); diff != "" {
		t.Errorf("histogram differs from a recount (-recount +kept):\n%s", diff)
	}
	_, feed := bo.get("/following")
	feed = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(feed, "")
	for _, want := range []string{"ana rated Red Rocket (2021) ★★★★½", "ana reviewed Red Rocket", "ana made the list Baker best"} {
		if !strings.Contains(feed, want) {
			t.Errorf("bo's feed lacks %q", want)
		}
	}
	if _, atom := s.client().get("/members/ana/feed.atom"); !strings.Contains(atom, "ana watched Red Rocket (2021)") {
		t.Errorf("Atom feed lacks the diary entry:\n%s", atom)
	}
	if _, prof := s.client().get("/members/ana"); !strings.Contains(prof, "Baker best") || !strings.Contains(prof, "(1 rewatch)") {
		t.Errorf("profile lacks the list or the rewatch count")
	}

	// Another member's review, diary entry and list: 403.
	uid, _ := s.st.MemberID(ctx, "ana")
	rs, _ := s.st.MemberReviews(ctx, uid)
	d, _ := s.st.Diary(ctx, uid)
	ls, _ := s.st.MemberLists(ctx, uid, true)
	for _, p := range []string{"/reviews/" + itoa(int(rs[0].ID)) + "/delete", "/reviews/" + itoa(int(rs[0].ID)) + "/edit",
		"/diary/" + itoa(int(d[0].ID)) + "/delete", "/lists/" + itoa(int(ls[0].ID)) + "/delete"} {
		if res, _ := bo.post(p, film, url.Values{"body": {"mine"}}); res.StatusCode != http.StatusForbidden {
			t.Errorf("bo POST %s: %d, want 403", p, res.StatusCode)
		}
	}
	if res, _ := bo.post("/reviews/"+itoa(int(rs[0].ID))+"/hide", film, url.Values{}); res.StatusCode != http.StatusForbidden {
		t.Errorf("a member hid a review: %d", res.StatusCode)
	}
	if res, _ := ana.post("/reviews/"+itoa(int(rs[0].ID))+"/delete", film, url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the author could not delete the review: %d", res.StatusCode)
	}

	// Private diary: gone from the profile and the feed for others.
	if res, _ := ana.post("/settings/privacy", "/settings/films", url.Values{"profile": {"public"}, "diary_private": {"1"}, "fav1": {"anora-2024"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("privacy: %d", res.StatusCode)
	}
	if res, _ := s.client().get("/members/ana/diary"); res.StatusCode != http.StatusForbidden {
		t.Errorf("private diary to a visitor: %d", res.StatusCode)
	}
	if res, _ := ana.get("/members/ana/diary"); res.StatusCode != http.StatusOK {
		t.Errorf("own private diary: %d", res.StatusCode)
	}
	if _, feed := bo.get("/following"); strings.Contains(feed, "ana watched") {
		t.Error("a private diary entry is in a follower's feed")
	}
}

func filmIDOf(t *testing.T, s *authSite, slug string) int64 {
	t.Helper()
	f, err := s.st.GetFilm(context.Background(), slug)
	if err != nil {
		t.Fatal(err)
	}
	return f.ID
}

func TestMembersLetterboxdUpload(t *testing.T) {
	s := memberSite(t)
	s.addUser("ana", auth.RoleMember, "correct horse battery")
	c := s.client()
	c.signIn("ana", "correct horse battery")
	for name, data := range map[string][]byte{
		"not a zip": []byte("Date,Name,Year\n2024-01-01,Anora,2024\n"),
		"dot dot":   zipOf(t, map[string]string{"watched.csv": "Date,Name,Year\n", "../x": "boom"}),
	} {
		if res, body := c.upload("/settings/import", "/settings/films", "export.zip", data); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "refused") {
			t.Errorf("%s: %d, want 400 refused", name, res.StatusCode)
		}
	}
	uid, _ := s.st.MemberID(context.Background(), "ana")
	if films, _ := s.st.MemberFilms(context.Background(), uid); len(films) != 0 {
		t.Fatalf("a refused upload wrote %d films", len(films))
	}
	export := zipOf(t, map[string]string{
		"ratings.csv": "Date,Name,Year,Letterboxd URI,Rating\n2024-11-03,Red Rocket,2021,https://boxd.it/eeee,4\n2024-11-04,Anora,2023,https://boxd.it/ffff,5\n2024-11-05,Nothing Like It,1999,https://boxd.it/zzzz,3\n",
	})
	res, body := c.upload("/settings/import", "/settings/films", "letterboxd.zip", export)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "1 ratings") || !strings.Contains(body, "2 rows wait") {
		t.Fatalf("import: %d\n%s", res.StatusCode, body)
	}
	_, settings := c.get("/settings/films")
	if !strings.Contains(settings, "Nothing Like It") || !strings.Contains(settings, "maybe <a href=\"/films/anora-2024\">Anora</a>?") {
		t.Errorf("pending rows not shown:\n%s", settings)
	}
	ids := regexp.MustCompile(`action="/settings/import/(\d+)"`).FindAllStringSubmatch(settings, -1)
	if len(ids) != 2 {
		t.Fatalf("pending forms: %v", ids)
	}
	if res, _ := c.post("/settings/import/"+ids[0][1], "/settings/films", url.Values{"film": {"anora-2024"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("resolve: %d", res.StatusCode)
	}
	if l, ok, _ := s.st.FilmLogOf(context.Background(), uid, "anora-2024"); !ok || l.Rating != 10 {
		t.Errorf("resolved row: %+v %v", l, ok)
	}
	res, zipBody := c.get("/settings/export/letterboxd.zip")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("export: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	zr, err := zip.NewReader(strings.NewReader(zipBody), int64(len(zipBody)))
	if err != nil || len(zr.File) < 6 {
		t.Errorf("export ZIP: %v", err)
	}
}
