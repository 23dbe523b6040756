package web

import (
	"strings"
	"testing"
)

// The search page offers only refinements that narrow: when every hit is
// a Drama of the 2010s by Sean Baker, none of those is offered.
func TestSearchFacetsOnlyNarrow(t *testing.T) {
	h, _ := newTestHandler(t)
	_, body := get(t, h, "/search?q=moonee")
	if !strings.Contains(body, "7 results") {
		t.Fatalf("search for moonee does not find 7 results")
	}
	if strings.Contains(body, `genre=Drama`) || strings.Contains(body, `director=sean-baker`) {
		t.Error("offers a refinement every hit already has")
	}
	_, body = get(t, h, "/search?q=baker")
	if !strings.Contains(body, `decade=`) {
		t.Error("a search whose hits span decades offers no decade")
	}
}
