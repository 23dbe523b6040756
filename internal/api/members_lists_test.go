package api

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// entryFilms returns a list's films in order.
func entryFilms(l ListDetail) []string {
	var out []string
	for _, e := range l.Entries {
		out = append(out, fmt.Sprintf("%d:%s:%s", e.Position, e.Film, e.Note))
	}
	return out
}

// TestListRoutes creates, edits, reorders and deletes lists over the API:
// only the owner writes, a private list is the owner's alone, and every
// refusal is the API's error naming the field.
func TestListRoutes(t *testing.T) {
	m := newMemberAPI(t, "ana", "bo", "ed")
	var l ListDetail
	m.json("ana", "POST", "/api/v1/lists", `{"name": "Sean Baker, ranked", "description": "From *Take Out* on.", "ranked": true, "public": true,
		"entries": [{"film": "anora-2024", "note": "Palme d'Or"}, {"film": "tangerine-2015"}, {"film": "take-out-2004"}]}`, 201, &l)
	if l.Slug != "sean-baker-ranked" || l.Owner != "ana" || l.Total != 3 || !l.Ranked || !l.Public {
		t.Fatalf("created list = %+v", l)
	}
	id := fmt.Sprint(l.ID)
	for _, tt := range []struct {
		body  string
		field string
	}{
		{`{"name": ""}`, "name"},
		{`{"name": "` + strings.Repeat("x", 201) + `"}`, "200"},
		{`{"name": "x", "colour": "red"}`, "colour"},
		{`{"name": "x", "entries": [{"note": "no film"}]}`, "entries"},
	} {
		wantError(t, m.json("ana", "POST", "/api/v1/lists", tt.body, 400, nil), tt.field)
	}
	m.json("ana", "POST", "/api/v1/lists", `{"name": "x", "entries": [{"film": "no-such-film"}]}`, 404, nil)
	m.json("", "POST", "/api/v1/lists", `{"name": "x"}`, 403, nil)

	// Entries: add, move, note, remove; the owner only.
	m.json("ana", "POST", "/api/v1/lists/"+id+"/entries", `{"film": "red-rocket-2021", "note": "Mikey"}`, 200, &l)
	m.json("ana", "PATCH", "/api/v1/lists/"+id+"/entries/red-rocket-2021", `{"position": 1}`, 200, &l)
	m.json("ana", "PATCH", "/api/v1/lists/"+id+"/entries/tangerine-2015", `{"position": 99, "note": "iPhone"}`, 200, &l)
	want := []string{"1:red-rocket-2021:Mikey", "2:anora-2024:Palme d'Or", "3:take-out-2004:", "4:tangerine-2015:iPhone"}
	if diff := cmp.Diff(want, entryFilms(l)); diff != "" {
		t.Errorf("after the moves (-want +got):\n%s", diff)
	}
	m.json("ana", "DELETE", "/api/v1/lists/"+id+"/entries/anora-2024", "", 200, &l)
	want = []string{"1:red-rocket-2021:Mikey", "2:take-out-2004:", "3:tangerine-2015:iPhone"}
	if diff := cmp.Diff(want, entryFilms(l)); diff != "" || l.Total != 3 {
		t.Errorf("after the removal, total %d (-want +got):\n%s", l.Total, diff)
	}
	wantError(t, m.json("ana", "PATCH", "/api/v1/lists/"+id+"/entries/take-out-2004", `{"position": 0}`, 400, nil), "position")
	wantError(t, m.json("ana", "PATCH", "/api/v1/lists/"+id+"/entries/take-out-2004", `{}`, 400, nil), "position")
	wantError(t, m.json("ana", "PATCH", "/api/v1/lists/"+id+"/entries/take-out-2004", `{"note": "`+strings.Repeat("n", 2001)+`"}`, 400, nil), "2000")
	m.json("ana", "DELETE", "/api/v1/lists/"+id+"/entries/anora-2024", "", 404, nil) // no longer on it
	m.json("ana", "PATCH", "/api/v1/lists/"+id+"/entries/no-such-film", `{"position": 1}`, 404, nil)
	for _, who := range []string{"bo", "ed"} {
		wantError(t, m.json(who, "POST", "/api/v1/lists/"+id+"/entries", `{"film": "anora-2024"}`, 403, nil))
		m.json(who, "PATCH", "/api/v1/lists/"+id+"/entries/take-out-2004", `{"position": 1}`, 403, nil)
		m.json(who, "DELETE", "/api/v1/lists/"+id+"/entries/take-out-2004", "", 403, nil)
		m.json(who, "PATCH", "/api/v1/lists/"+id, `{"public": false}`, 403, nil)
		m.json(who, "DELETE", "/api/v1/lists/"+id, "", 403, nil)
	}

	// Edit: the slug stays, privacy hides it from everyone else.
	m.json("ana", "PATCH", "/api/v1/lists/"+id, `{"name": "Baker", "public": false}`, 200, &l)
	if l.Name != "Baker" || l.Slug != "sean-baker-ranked" || l.Public || l.Description != "From *Take Out* on." {
		t.Errorf("after the edit: %+v", l.ListJSON)
	}
	wantError(t, m.json("ana", "PATCH", "/api/v1/lists/"+id, `{"name": "  "}`, 400, nil), "name")
	wantError(t, m.json("ana", "PATCH", "/api/v1/lists/"+id, `{"ranked": "yes"}`, 400, nil), "body")
	m.json("ana", "PATCH", "/api/v1/lists/999999", `{"public": true}`, 404, nil)
	const path = "/api/v1/members/ana/lists/sean-baker-ranked"
	m.json("ana", "GET", path, "", 200, &l)
	for _, who := range []string{"", "bo", "ed"} {
		m.json(who, "GET", path, "", 404, nil)
	}
	var page ListPage
	m.json("bo", "GET", "/api/v1/members/ana/lists", "", 200, &page)
	if page.Total != 0 || len(page.Lists) != 0 {
		t.Errorf("bo sees ana's private list: %+v", page)
	}
	m.json("ana", "GET", "/api/v1/members/ana/lists", "", 200, &page)
	if page.Total != 1 || page.Lists[0].Public {
		t.Errorf("ana's own lists: %+v", page)
	}
	m.json("ana", "PATCH", "/api/v1/lists/"+id, `{"public": true}`, 200, nil)
	m.json("", "GET", path, "", 200, &l)
	if l.Total != 3 {
		t.Errorf("a visitor's view of the public list: %+v", l)
	}
	m.json("", "GET", "/api/v1/members/ana/lists/no-such-list", "", 404, nil)
	m.json("ana", "DELETE", "/api/v1/lists/"+id, "", 204, nil)
	m.json("ana", "DELETE", "/api/v1/lists/"+id, "", 404, nil)
	m.json("", "GET", path, "", 404, nil)
}
