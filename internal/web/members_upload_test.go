package web

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"marquee/internal/auth"
)

// A Letterboxd upload over the limit is refused as too large (413), with
// the limit, before anything is written — not as a forged request.
func TestLetterboxdUploadOverLimit(t *testing.T) {
	s := memberSite(t)
	s.addUser("ana", auth.RoleMember, "correct horse battery")
	ana := s.client()
	ana.signIn("ana", "correct horse battery")
	big := bytes.Repeat([]byte("x"), auth.MaxBodyBytes+1024)
	for _, size := range []struct {
		name string
		data []byte
	}{{"just over", big}, {"far over", bytes.Repeat(big, 3)}} {
		res, body := ana.upload("/settings/import", "/settings", "letterboxd.zip", size.data)
		if res.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("%s: status %d, want 413", size.name, res.StatusCode)
		}
		if !strings.Contains(body, "too large") {
			t.Errorf("%s: the page does not say the upload is too large:\n%.400s", size.name, body)
		}
	}
	if res, body := ana.get("/members/ana"); res.StatusCode != http.StatusOK || strings.Contains(body, "Red Rocket") {
		t.Errorf("profile after refused uploads: status %d, shows imported films: %v", res.StatusCode, strings.Contains(body, "Red Rocket"))
	}
}
