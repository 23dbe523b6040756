package web

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/store"
)

// The history says how many revisions there are and numbers its pages;
// every numbered link starts its page where the Older link would.
func TestHistoryTotalAndPages(t *testing.T) {
	h, st := newTestHandler(t)
	ctx := context.Background()
	cur, err := st.DossierRevisionAt(ctx, "red-rocket-2021", 0)
	if err != nil {
		t.Fatal(err)
	}
	rev, text := cur.Revision.Revision, strings.TrimSpace(cur.Text)
	for i := 0; rev < 120; i++ {
		d := *cur.Dossier
		text += fmt.Sprintf(" Edit %d.", i)
		if rev, err = st.EditDossier(ctx, "red-rocket-2021", rev, &d, store.RevisionInput{Author: "tester", Text: text + "\n", Summary: fmt.Sprintf("edit %d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	links := regexp.MustCompile(`<li><a href="([^"]+)">(\d+)</a></li>`)
	firstRev := regexp.MustCompile(`<th scope="row">(?:<a [^>]*>)?(\d+)`)
	_, body := get(t, h, "/films/red-rocket-2021/history")
	if !strings.Contains(body, `<p class="count">120 revisions; page 1 of 3</p>`) {
		t.Fatalf("page 1 does not say 120 revisions on 3 pages")
	}
	pages := map[string]string{}
	for _, m := range links.FindAllStringSubmatch(body, -1) {
		pages[m[2]] = html.UnescapeString(m[1])
	}
	if diff := cmp.Diff(map[string]string{"2": "/films/red-rocket-2021/history?before=71", "3": "/films/red-rocket-2021/history?before=21"}, pages); diff != "" {
		t.Errorf("page links (-want +got):\n%s", diff)
	}
	for n, url := range pages {
		_, body := get(t, h, url)
		want := map[string]string{"2": "70", "3": "20"}[n]
		if m := firstRev.FindStringSubmatch(body); m == nil || m[1] != want {
			t.Errorf("page %s starts at revision %v, want %s", n, m, want)
		}
		if !strings.Contains(body, "page "+n+" of 3") {
			t.Errorf("page %s does not say so", n)
		}
	}

	_, body = get(t, h, "/api/v1/films/red-rocket-2021/revisions?limit=10")
	var list struct{ Total, Older int }
	if err := json.Unmarshal([]byte(body), &list); err != nil {
		t.Fatal(err)
	}
	if list.Total != 120 || list.Older != 111 {
		t.Errorf("API list = total %d, older %d; want 120, 111", list.Total, list.Older)
	}
}
