package api

import (
	"fmt"
	"strings"
	"testing"
)

// TestReviewHiddenState: once an editor hides a review, editors see it
// with hidden: true in the film's list and the member's, its author sees
// its state, and a member or visitor neither sees it, nor its state, nor
// can like it to read its text; answers naming hidden reviews are private.
func TestReviewHiddenState(t *testing.T) {
	m := newMemberAPI(t, "ana", "bo", "ed")
	const rr = "/api/v1/films/red-rocket-2021"
	var rv ReviewJSON
	m.json("ana", "POST", rr+"/reviews", `{"body": "Strawberry."}`, 201, &rv)
	if rv.Hidden == nil || *rv.Hidden {
		t.Errorf("the author's new review: hidden = %v, want false", rv.Hidden)
	}
	path := fmt.Sprintf("/api/v1/reviews/%d", rv.ID)
	var fm FilmMembers
	m.json("bo", "GET", rr+"/members", "", 200, &fm)
	if len(fm.Reviews) != 1 || fm.Reviews[0].Hidden != nil {
		t.Errorf("a member sees a hidden state: %+v", fm.Reviews)
	}
	m.json("ed", "PUT", path+"/hidden", `{"on": true}`, 204, nil)

	find := func(rs []ReviewJSON) *ReviewJSON {
		for i := range rs {
			if rs[i].ID == rv.ID {
				return &rs[i]
			}
		}
		return nil
	}
	for _, c := range []struct {
		who, url string
		see      bool
	}{
		{"ed", rr + "/members", true},
		{"ed", "/api/v1/members/ana/reviews", true},
		{"ana", "/api/v1/members/ana/reviews", true},
		{"bo", rr + "/members", false},
		{"bo", "/api/v1/members/ana/reviews", false},
		{"", rr + "/members", false},
	} {
		var got []ReviewJSON
		if strings.HasSuffix(c.url, "/members") {
			var fm FilmMembers
			m.json(c.who, "GET", c.url, "", 200, &fm)
			got = fm.Reviews
		} else {
			var p ReviewPage
			m.json(c.who, "GET", c.url, "", 200, &p)
			got = p.Reviews
		}
		r := find(got)
		switch {
		case c.see && (r == nil || r.Hidden == nil || !*r.Hidden):
			t.Errorf("%q at %s: the hidden review %+v, want it with hidden: true", c.who, c.url, r)
		case !c.see && r != nil:
			t.Errorf("%q at %s sees the hidden review: %+v", c.who, c.url, r)
		}
	}
	rec := m.send("ed", "GET", rr+"/members", "", nil, 200)
	if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("an editor's list of hidden reviews is cacheable: Cache-Control %q", cc)
	}
	wantError(t, m.json("bo", "PUT", path+"/like", `{"on": true}`, 404, nil), "review")
	m.json("ed", "PUT", path+"/like", `{"on": true}`, 200, &rv)
	if rv.Likes != 1 || rv.Hidden == nil || !*rv.Hidden {
		t.Errorf("an editor's like of a hidden review: %+v", rv)
	}
	m.json("ed", "PUT", path+"/hidden", `{"on": false}`, 204, nil)
	m.json("ed", "GET", rr+"/members", "", 200, &fm)
	if len(fm.Reviews) != 1 || fm.Reviews[0].Hidden == nil || *fm.Reviews[0].Hidden {
		t.Errorf("shown again, the editor's view: %+v", fm.Reviews)
	}
}
