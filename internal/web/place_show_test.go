package web

import (
	"regexp"
	"strings"
	"testing"
)

// A place page ranks the films whose dossiers name the place and quotes,
// for each, the sentence that names it, linked to its section, whose
// anchor exists on the film page.
func TestPlacePageSaysWhatDossiersSay(t *testing.T) {
	h, _ := newTestHandler(t)
	res, body := get(t, h, "/places/los-angeles")
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	items := regexp.MustCompile(`(?s)<li><a href="/films/([^"]+)">.*?</li>`).FindAllStringSubmatch(body, -1)
	if len(items) < 2 {
		t.Fatalf("%d films listed, want at least 2:\n%s", len(items), body)
	}
	for _, it := range items {
		m := regexp.MustCompile(`<p class="snippet">“([^”]*)” <span class="muted">— <a href="(/films/[^"#]+)#([^"]+)">`).FindStringSubmatch(it[0])
		if m == nil {
			t.Errorf("%s: no quoted sentence with its section: %s", it[1], it[0])
			continue
		}
		if !strings.Contains(m[1], "Los Angeles") {
			t.Errorf("%s: the sentence %q does not name Los Angeles", it[1], m[1])
		}
		if strings.Count(m[1], ". ") > 1 {
			t.Errorf("%s: more than one sentence quoted: %q", it[1], m[1])
		}
		_, film := get(t, h, m[2])
		if !strings.Contains(film, `id="`+m[3]+`"`) {
			t.Errorf("%s: the section link #%s lands nowhere on %s", it[1], m[3], m[2])
		}
	}
}
