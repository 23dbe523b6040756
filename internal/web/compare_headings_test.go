package web

import (
	"regexp"
	"strings"
	"testing"
)

// The compare page names each row of dossier sections by what both films'
// sections are, never by one film's own heading ("Introduction to “Red
// Rocket”" above The Florida Project's introduction).
func TestCompareHeadingsNameNeitherFilm(t *testing.T) {
	site, err := New(newCorpusStore(t), discardLog(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { site.Close() })
	h := site.Handler()
	res, body := get(t, h, "/compare/red-rocket-2021/the-florida-project-2017")
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	hs := regexp.MustCompile(`<h2 id="cmp-[^"]+">([^<]*)</h2>`).FindAllStringSubmatch(body, -1)
	if len(hs) < 3 {
		t.Fatalf("%d compared sections, want several", len(hs))
	}
	for _, m := range hs {
		for _, title := range []string{"Red Rocket", "Florida Project"} {
			if strings.Contains(m[1], title) {
				t.Errorf("compare heading %q names one of the films", m[1])
			}
		}
	}
}
