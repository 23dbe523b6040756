package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/auth"
	"marquee/internal/film"
)

// The favourite-four fields carry the site's suggest box, and without
// JavaScript take a title or an address: a title naming one film saves
// its slug; one naming two, or none, is a 400 that says which films it
// could be and saves nothing.
func TestSettingsFavouritesByTitle(t *testing.T) {
	s := memberSite(t)
	ctx := context.Background()
	if err := s.st.PutFilm(ctx, &film.Film{Slug: "red-rocket-1990", Title: "Red Rocket", Year: 1990}); err != nil {
		t.Fatal(err)
	}
	s.addUser("ana", auth.RoleMember, "correct horse battery")
	ana := s.client()
	ana.signIn("ana", "correct horse battery")
	_, page := ana.get("/settings/films")
	for _, f := range []string{"fav1", "fav2", "fav3", "fav4"} {
		if !strings.Contains(page, `aria-controls="`+f+`-suggest" aria-expanded="false" data-suggest="/api/v1/suggest" data-pick="film"`) ||
			!strings.Contains(page, `<ul id="`+f+`-suggest" class="suggest" role="listbox"`) {
			t.Errorf("the %s field has no suggest box", f)
		}
	}
	uid, _ := s.st.MemberID(ctx, "ana")
	favourites := func() []string {
		st, err := s.st.MemberSettings(ctx, uid)
		if err != nil {
			t.Fatal(err)
		}
		return st.Favourites
	}
	form := url.Values{"profile": {"public"}, "fav1": {"anora"}, "fav2": {"/films/red-rocket-1990"}}
	if res, _ := ana.post("/settings/privacy", "/settings/films", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save by title: %d", res.StatusCode)
	}
	if diff := cmp.Diff([]string{"anora-2024", "red-rocket-1990"}, favourites()); diff != "" {
		t.Errorf("favourites (-want +got):\n%s", diff)
	}
	for _, tc := range []struct{ value, want string }{
		{"red rocket", "Favourite 1: “red rocket” could be Red Rocket (red-rocket-"},
		{"zzqx nothing", "Favourite 1: no film matches “zzqx nothing”."},
	} {
		res, body := ana.post("/settings/privacy", "/settings/films", url.Values{"profile": {"public"}, "fav1": {tc.value}})
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, tc.want) {
			t.Errorf("%q: %d, want 400 saying %q", tc.value, res.StatusCode, tc.want)
		}
	}
	if diff := cmp.Diff([]string{"anora-2024", "red-rocket-1990"}, favourites()); diff != "" {
		t.Errorf("a refused save changed the favourites (-want +got):\n%s", diff)
	}
}
