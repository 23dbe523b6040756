package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/auth"
)

// A member write and its audit entry commit together (one transaction):
// each accepted write leaves exactly one entry naming it, a refused one
// none, and writes outside the members' tables are still recorded after.
func TestMemberWritesAuditedOnce(t *testing.T) {
	s := memberSite(t)
	ctx := context.Background()
	s.addUser("ana", auth.RoleMember, "correct horse battery")
	ana := s.client()
	ana.signIn("ana", "correct horse battery")
	film := "/films/red-rocket-2021"
	base, err := s.st.AuditLog(ctx, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		path   string
		form   url.Values
		status int
	}{
		{film + "/rate", url.Values{"rating": {"4.5"}}, http.StatusSeeOther},
		{film + "/rate", url.Values{"rating": {"5.5"}}, http.StatusBadRequest},
		{film + "/diary", url.Values{"watched_on": {"2024-05-01"}, "rating": {"4"}}, http.StatusSeeOther},
		{film + "/reviews", url.Values{"body": {"Sharp."}}, http.StatusSeeOther},
		{"/settings/profile", url.Values{"display_name": {"Ana"}}, http.StatusSeeOther},
	}
	for _, st := range steps {
		if res, _ := ana.post(st.path, film, st.form); res.StatusCode != st.status {
			t.Fatalf("POST %s: status %d, want %d", st.path, res.StatusCode, st.status)
		}
	}
	log, err := s.st.AuditLog(ctx, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range log[:len(log)-len(base)] {
		if e.Username != "ana" {
			t.Errorf("entry %d by %q, want ana", e.ID, e.Username)
		}
		got = append(got, e.Action)
	}
	want := []string{"POST /settings/profile", "POST /films/{slug}/reviews", "POST /films/{slug}/diary", "POST /films/{slug}/rate"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("audit actions, newest first (-want +got):\n%s", diff)
	}
}
