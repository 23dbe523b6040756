package web

import (
	"archive/zip"
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"marquee/internal/auth"
	"marquee/internal/film"
	"marquee/internal/store/storetest"
)

// TestMemberAPIBySession drives the members' API with a browser's session
// cookie: a write needs the session's CSRF token in X-CSRF-Token (403
// without it, and nothing written), and the multipart Letterboxd upload
// takes the token as a form field, as the site's upload form sends it.
func TestMemberAPIBySession(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		s := newAuthSite(t, dsn)
		if err := s.st.PutFilm(context.Background(), &film.Film{Slug: "red-rocket-2021", Title: "Red Rocket", Year: 2021}); err != nil {
			t.Fatal(err)
		}
		s.addUser("ana", auth.RoleMember, goodPassword)
		c := s.client()
		c.signIn("ana", goodPassword)
		tok := c.token("/settings")
		send := func(method, path, body string, header ...string) int {
			t.Helper()
			req, _ := http.NewRequest(method, s.srv.URL+path, strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			for i := 0; i+1 < len(header); i += 2 {
				req.Header.Set(header[i], header[i+1])
			}
			res, _ := c.do(req)
			return res.StatusCode
		}
		const list = `{"name": "By session", "entries": [{"film": "red-rocket-2021"}]}`
		if got := send("POST", "/api/v1/lists", list); got != http.StatusForbidden {
			t.Errorf("a session write without its CSRF token = %d, want 403", got)
		}
		if got := send("GET", "/api/v1/members/ana/lists/by-session", ""); got != http.StatusNotFound {
			t.Errorf("the refused write landed: GET = %d", got)
		}
		if got := send("POST", "/api/v1/lists", list, auth.CSRFHeader, "not-the-token"); got != http.StatusForbidden {
			t.Errorf("a wrong CSRF token = %d, want 403", got)
		}
		if got := send("POST", "/api/v1/lists", list, auth.CSRFHeader, tok); got != http.StatusCreated {
			t.Errorf("a session write with its CSRF token = %d, want 201", got)
		}
		if got := send("GET", "/api/v1/members/ana/lists/by-session", ""); got != http.StatusOK {
			t.Errorf("the owner reads the private list by session = %d, want 200", got)
		}
		if got := send("PUT", "/api/v1/me/privacy", `{"profile": "members"}`, auth.CSRFHeader, tok); got != http.StatusOK {
			t.Errorf("privacy by session = %d, want 200", got)
		}
		if got := send("GET", "/api/v1/me/letterboxd", ""); got != http.StatusOK {
			t.Errorf("the export by session = %d, want 200", got)
		}
		var zbuf bytes.Buffer
		zw := zip.NewWriter(&zbuf)
		w, _ := zw.Create("watched.csv")
		w.Write([]byte("Date,Name,Year,Letterboxd URI\n2024-01-01,Red Rocket,2021,\n"))
		zw.Close()
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		mw.WriteField(auth.CSRFField, tok)
		fw, _ := mw.CreateFormFile("export", "letterboxd.zip")
		fw.Write(zbuf.Bytes())
		mw.Close()
		req, _ := http.NewRequest("POST", s.srv.URL+"/api/v1/me/letterboxd", &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		if res, out := c.do(req); res.StatusCode != http.StatusOK || !strings.Contains(out, `"films":1`) {
			t.Errorf("the upload by session = %d: %s", res.StatusCode, out)
		}
	})
}
