package web

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/auth"
	"marquee/internal/demo"
	"marquee/internal/store/storetest"
)

// newDemoAuthSite is an authSite over the demo catalog, with an editor,
// a member and a visitor.
func newDemoAuthSite(t *testing.T, dsn string) (s *authSite, editor, member, visitor *client) {
	t.Helper()
	s = newAuthSite(t, dsn)
	if err := demo.Load(context.Background(), s.st); err != nil {
		t.Fatal(err)
	}
	s.addUser("ed", auth.RoleEditor, goodPassword)
	s.addUser("mem", auth.RoleMember, goodPassword)
	editor, member, visitor = s.client(), s.client(), s.client()
	editor.signIn("ed", goodPassword)
	member.signIn("mem", goodPassword)
	return s, editor, member, visitor
}

// themeFilmSlugs lists the films of a theme, sorted.
func themeFilmSlugs(t *testing.T, s *authSite, slug string) []string {
	t.Helper()
	films, _, err := s.st.ThemeFilms(context.Background(), slug, 100, 0)
	if err != nil {
		t.Fatalf("films of %s: %v", slug, err)
	}
	var out []string
	for _, f := range films {
		out = append(out, f.Slug)
	}
	sort.Strings(out)
	return out
}

func TestThemeEditForms(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		s, ed, mem, visitor := newDemoAuthSite(t, dsn)
		ctx := context.Background()
		themeName := func(slug string) string {
			t.Helper()
			th, err := s.st.GetTheme(ctx, slug)
			if err != nil {
				t.Fatal(err)
			}
			return th.Name
		}
		friends := themeFilmSlugs(t, s, "friendship")
		unlikely := themeFilmSlugs(t, s, "unlikely-friendship")
		dream := themeFilmSlugs(t, s, "american-dream")
		if len(dream) < 2 {
			t.Fatalf("american-dream has %d films; the split needs two", len(dream))
		}

		// Visitors and members are refused, and nothing changes.
		for who, c := range map[string]*client{"visitor": visitor, "member": mem} {
			tok := "/signin"
			if who == "member" {
				tok = "/settings"
			}
			for path, form := range map[string]url.Values{
				"/themes/redemption/rename":    {"name": {"Nope"}},
				"/themes/friendship/merge":     {"into": {"unlikely-friendship"}},
				"/themes/american-dream/split": {"name": {"Nope"}, "film": {dream[0]}},
			} {
				// A visitor is asked to sign in (401); a member is refused (403).
				want := http.StatusForbidden
				if who == "visitor" {
					want = http.StatusUnauthorized
				}
				if res, _ := c.post(path, tok, form); res.StatusCode != want {
					t.Errorf("%s POST %s: status %d, want %d", who, path, res.StatusCode, want)
				}
			}
		}
		if got := themeName("redemption"); got != "Redemption" {
			t.Errorf("refused rename changed the name to %q", got)
		}

		// The editor sees the forms; visitors do not.
		if _, body := ed.get("/themes/redemption"); !strings.Contains(body, `action="/themes/redemption/rename"`) {
			t.Error("editor's theme page has no rename form")
		}
		if _, body := visitor.get("/themes/redemption"); strings.Contains(body, "/rename") {
			t.Error("visitor's theme page shows the rename form")
		}

		// Bad input: a 400 naming the field, nothing changed.
		for _, tc := range []struct {
			path  string
			form  url.Values
			field string
		}{
			{"/themes/redemption/rename", url.Values{"name": {"  "}}, "name"},
			{"/themes/redemption/rename", url.Values{"name": {"Sex work"}}, "name"}, // another theme's name
			{"/themes/sex-work/merge", url.Values{"into": {"sex-work"}}, "into"},
			{"/themes/sex-work/merge", url.Values{"into": {"no-such-theme"}}, "into"},
			{"/themes/american-dream/split", url.Values{"name": {"Hustle"}}, "films"},
			{"/themes/american-dream/split", url.Values{"name": {""}, "film": {dream[0]}}, "name"},
			{"/themes/american-dream/split", url.Values{"name": {"Hustle"}, "film": dream}, "films"}, // all of them
		} {
			res, body := ed.post(tc.path, "/settings", tc.form)
			if res.StatusCode != http.StatusBadRequest {
				t.Errorf("POST %s %v: status %d, want 400", tc.path, tc.form, res.StatusCode)
				continue
			}
			if !strings.Contains(body, `id="theme-edit-error">`+tc.field+": ") {
				t.Errorf("POST %s %v: the refusal does not name the field %q", tc.path, tc.form, tc.field)
			}
		}
		if got := themeName("redemption"); got != "Redemption" {
			t.Errorf("refused rename changed the name to %q", got)
		}
		if diff := cmp.Diff(dream, themeFilmSlugs(t, s, "american-dream")); diff != "" {
			t.Errorf("refused split changed the films (-want +got):\n%s", diff)
		}

		// Rename.
		if res, _ := ed.post("/themes/redemption/rename", "/settings", url.Values{"name": {"Second Chances"}}); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/themes/redemption" {
			t.Fatalf("rename: status %d, Location %q", res.StatusCode, res.Header.Get("Location"))
		}
		if _, body := visitor.get("/themes/redemption"); !strings.Contains(body, "<h1>Second Chances</h1>") {
			t.Error("renamed theme's page does not show the new name")
		}

		// Merge, then the merge back (a cycle) is refused.
		if res, _ := ed.post("/themes/friendship/merge", "/settings", url.Values{"into": {"unlikely-friendship"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("merge: status %d", res.StatusCode)
		}
		want := sortedUnion(friends, unlikely)
		if diff := cmp.Diff(want, themeFilmSlugs(t, s, "unlikely-friendship")); diff != "" {
			t.Errorf("merged theme's films (-want +got):\n%s", diff)
		}
		if res, _ := visitor.get("/themes/friendship"); res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "/themes/unlikely-friendship" {
			t.Errorf("old address: status %d, Location %q", res.StatusCode, res.Header.Get("Location"))
		}
		res, body := ed.post("/themes/unlikely-friendship/merge", "/settings", url.Values{"into": {"friendship"}})
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "cycle") {
			t.Errorf("merge back: status %d, want 400 naming the cycle", res.StatusCode)
		}
		if diff := cmp.Diff(want, themeFilmSlugs(t, s, "unlikely-friendship")); diff != "" {
			t.Errorf("refused merge changed the films (-want +got):\n%s", diff)
		}

		// Split.
		res, _ = ed.post("/themes/american-dream/split", "/settings", url.Values{"name": {"Hustle"}, "film": {dream[0]}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/themes/hustle" {
			t.Fatalf("split: status %d, Location %q", res.StatusCode, res.Header.Get("Location"))
		}
		if diff := cmp.Diff([]string{dream[0]}, themeFilmSlugs(t, s, "hustle")); diff != "" {
			t.Errorf("new theme's films (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(dream[1:], themeFilmSlugs(t, s, "american-dream")); diff != "" {
			t.Errorf("old theme's films (-want +got):\n%s", diff)
		}
	})
}

func sortedUnion(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range append(append([]string{}, a...), b...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
