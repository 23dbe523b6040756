package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
	"marquee/internal/store/storetest"
)

func TestFactsEditForms(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		s, ed, mem, visitor := newDemoAuthSite(t, dsn)
		ctx := context.Background()
		const slug = "red-rocket-2021"
		before, err := s.st.Advisories(ctx, slug)
		if err != nil || len(before) == 0 {
			t.Fatalf("demo advisories of %s: %v %v", slug, before, err)
		}
		graded := before[0] // graded by the import
		if graded.Source == string(film.SourceEditor) {
			t.Fatalf("demo advisory already from an editor: %+v", graded)
		}
		other := film.SeverityMild
		if graded.Severity == other {
			other = film.SeveritySevere
		}
		awardsBefore, err := s.st.FilmAwards(ctx, slug)
		if err != nil {
			t.Fatal(err)
		}
		unchanged := func(what string) {
			t.Helper()
			as, err := s.st.Advisories(ctx, slug)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(before, as); diff != "" {
				t.Errorf("%s changed the advisories (-want +got):\n%s", what, diff)
			}
			aw, err := s.st.FilmAwards(ctx, slug)
			if err != nil {
				t.Fatal(err)
			}
			if len(aw) != len(awardsBefore) {
				t.Errorf("%s changed the awards: %d, want %d", what, len(aw), len(awardsBefore))
			}
		}

		// Only editors see the link and the form, and may post.
		link := `href="/films/` + slug + `/facts/edit"`
		if _, body := ed.get("/films/" + slug); !strings.Contains(body, link) {
			t.Error("editor's film page has no link to the facts form")
		}
		for who, c := range map[string]*client{"visitor": visitor, "member": mem} {
			if _, body := c.get("/films/" + slug); strings.Contains(body, link) {
				t.Errorf("%s's film page links to the facts form", who)
			}
			want, tok := http.StatusForbidden, "/settings"
			if who == "visitor" {
				want, tok = http.StatusUnauthorized, "/signin"
			}
			adv := url.Values{"severity_" + string(graded.Category): {string(other)}, "replace_" + string(graded.Category): {"1"}}
			if res, _ := c.post("/films/"+slug+"/facts/advisories", tok, adv); res.StatusCode != want {
				t.Errorf("%s POST advisories: status %d, want %d", who, res.StatusCode, want)
			}
			aw := url.Values{"ceremony": {"Independent Spirit Awards"}, "category": {"Best Male Lead"}, "outcome": {"won"}}
			if res, _ := c.post("/films/"+slug+"/facts/awards", tok, aw); res.StatusCode != want {
				t.Errorf("%s POST awards: status %d, want %d", who, res.StatusCode, want)
			}
		}
		if res, _ := mem.get("/films/" + slug + "/facts/edit"); res.StatusCode != http.StatusForbidden {
			t.Errorf("member GET facts form: status %d, want 403", res.StatusCode)
		}
		unchanged("refused posts")
		if res, body := ed.get("/films/" + slug + "/facts/edit"); res.StatusCode != http.StatusOK || !strings.Contains(body, `<label for="sev-violence_gore">Grade</label>`) {
			t.Errorf("editor GET facts form: status %d", res.StatusCode)
		}

		// Bad input: a 400 naming the field, nothing changed.
		cat := string(graded.Category)
		for _, tc := range []struct {
			path  string
			form  url.Values
			field string
		}{
			{"advisories", url.Values{"severity_" + cat: {string(other)}}, "severity_" + cat}, // another source's grade, no "replace"
			{"advisories", url.Values{"severity_gore": {"mild"}}, "severity_gore"},
			{"advisories", url.Values{"severity_" + cat: {"extreme"}, "replace_" + cat: {"1"}}, "severity_" + cat},
			{"advisories", url.Values{"severity_profanity": {""}}, "severity"},
			{"awards", url.Values{"ceremony": {" "}, "category": {"Best Male Lead"}, "outcome": {"won"}}, "ceremony"},
			{"awards", url.Values{"ceremony": {"Independent Spirit Awards"}, "category": {"Best Male Lead"}, "outcome": {"lost"}}, "outcome"},
			{"awards", url.Values{"ceremony": {"Independent Spirit Awards"}, "category": {"Best Male Lead"}, "outcome": {"won"}, "year": {"twenty"}}, "year"},
			{"awards", url.Values{"ceremony": {"Independent Spirit Awards"}, "category": {""}, "outcome": {"won"}}, "category"},
		} {
			res, body := ed.post("/films/"+slug+"/facts/"+tc.path, "/settings", tc.form)
			if res.StatusCode != http.StatusBadRequest {
				t.Errorf("POST %s %v: status %d, want 400", tc.path, tc.form, res.StatusCode)
				continue
			}
			if !strings.Contains(body, `id="facts-error">`+tc.field+": ") {
				t.Errorf("POST %s %v: the refusal does not name the field %q", tc.path, tc.form, tc.field)
			}
		}
		unchanged("bad input")

		// The editor replaces the import's grade, on purpose.
		res, _ := ed.post("/films/"+slug+"/facts/advisories", "/settings", url.Values{"severity_" + cat: {string(other)}, "note_" + cat: {"graded by hand"}, "replace_" + cat: {"1"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("advisory: status %d", res.StatusCode)
		}
		as, err := s.st.Advisories(ctx, slug)
		if err != nil {
			t.Fatal(err)
		}
		want := append([]film.Advisory{{Category: graded.Category, Severity: other, Note: "graded by hand", Source: "editor"}}, before[1:]...)
		if diff := cmp.Diff(want, as); diff != "" {
			t.Errorf("advisories (-want +got):\n%s", diff)
		}
		_, body := visitor.get("/films/" + slug)
		if !strings.Contains(body, "graded by hand <span class=\"muted\">(source: an editor)</span>") {
			t.Error("film page does not show the editor's advisory with its source")
		}

		// An award.
		res, _ = ed.post("/films/"+slug+"/facts/awards", "/settings", url.Values{"ceremony": {"Independent Spirit Awards"}, "year": {"2022"}, "category": {"Best Male Lead"}, "outcome": {"won"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("award: status %d", res.StatusCode)
		}
		_, body = visitor.get("/films/" + slug)
		if !strings.Contains(body, "Best Male Lead</a>, Independent Spirit Awards 2022 <span class=\"muted\">(source: an editor)</span>") {
			t.Error("film page does not show the editor's award with its source")
		}
	})
}
