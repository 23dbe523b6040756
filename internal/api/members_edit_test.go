package api

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDiaryAndReviewEdits edits and deletes diary entries and reviews
// over the API: ratings of 0, 5.5, 3.3 or NaN and an over-long review are
// 400s naming the field (and the limit), another member a 403, an absent
// entry a 404; editors hide reviews, members like them.
func TestDiaryAndReviewEdits(t *testing.T) {
	m := newMemberAPI(t, "ana", "bo", "ed")
	const rr = "/api/v1/films/red-rocket-2021"
	var d DiaryJSON
	m.json("ana", "POST", rr+"/diary", `{"watched_on": "2024-06-01", "rating": 4, "tags": ["cinema"]}`, 201, &d)
	path := fmt.Sprintf("/api/v1/diary/%d", d.ID)
	m.json("ana", "PATCH", path, `{"watched_on": "2024-06-02", "rating": 4.5, "rewatch": true, "tags": ["home", "a24"]}`, 200, &d)
	four5 := 4.5
	want := DiaryJSON{ID: d.ID, Film: "red-rocket-2021", WatchedOn: "2024-06-02", Rating: &four5, Rewatch: true, Tags: []string{"home", "a24"}}
	if diff := cmp.Diff(want, d); diff != "" {
		t.Errorf("edited entry (-want +got):\n%s", diff)
	}
	var fm FilmMembers
	m.json("", "GET", rr+"/members", "", 200, &fm)
	if fm.Count != 1 || fm.Histogram[8] != 1 {
		t.Errorf("the edit's rating is not the film's: %+v", fm)
	}
	for _, bad := range []string{`{"rating": 0}`, `{"rating": 5.5}`, `{"rating": 3.3}`, `{"rating": "NaN"}`} {
		wantError(t, m.json("ana", "PATCH", path, bad, 400, nil), "rating")
	}
	wantError(t, m.json("ana", "PATCH", path, `{"watched_on": "2024-13-01"}`, 400, nil), "watched_on")
	wantError(t, m.json("ana", "PATCH", path, `{"film": "anora-2024"}`, 400, nil), "film")
	m.json("ana", "PATCH", path, `{"rating": null}`, 200, &d)
	if d.Rating != nil || !d.Rewatch {
		t.Errorf("a null rating: %+v", d)
	}
	for _, who := range []string{"bo", "ed"} {
		wantError(t, m.json(who, "PATCH", path, `{"rewatch": false}`, 403, nil))
		m.json(who, "DELETE", path, "", 403, nil)
	}
	m.json("", "PATCH", path, `{"rewatch": false}`, 403, nil)
	m.json("ana", "DELETE", path, "", 204, nil)
	m.json("ana", "DELETE", path, "", 404, nil)
	m.json("ana", "PATCH", path, `{"rewatch": false}`, 404, nil)

	// Reviews.
	var rv ReviewJSON
	m.json("ana", "POST", rr+"/reviews", `{"body": "Mikey *again*."}`, 201, &rv)
	path = fmt.Sprintf("/api/v1/reviews/%d", rv.ID)
	m.json("ana", "PATCH", path, `{"body": "Mikey, **again**.", "spoiler": true, "rating": 3.5}`, 200, &rv)
	if rv.Body != "Mikey, **again**." || !rv.Spoiler || rv.Rating == nil || *rv.Rating != 3.5 {
		t.Errorf("edited review: %+v", rv)
	}
	wantError(t, m.json("ana", "PATCH", path, `{"body": "`+strings.Repeat("x", 20001)+`"}`, 400, nil), "body", "20000")
	for _, bad := range []string{`{"rating": 0}`, `{"rating": 5.5}`, `{"rating": 3.3}`, `{"rating": "NaN"}`} {
		wantError(t, m.json("ana", "PATCH", path, bad, 400, nil), "rating")
	}
	m.json("bo", "PATCH", path, `{"body": "mine now"}`, 403, nil)
	m.json("ed", "PATCH", path, `{"body": "an editor's"}`, 403, nil)
	m.json("ana", "PATCH", "/api/v1/reviews/999999", `{"body": "x"}`, 404, nil)

	m.json("bo", "PUT", path+"/like", `{"on": true}`, 200, &rv)
	m.json("bo", "PUT", path+"/like", `{"on": true}`, 200, &rv)
	if rv.Likes != 1 {
		t.Errorf("two likes by bo count %d, want 1", rv.Likes)
	}
	wantError(t, m.json("bo", "PUT", path+"/like", `{}`, 400, nil), "on")
	m.json("bo", "PUT", "/api/v1/reviews/999999/like", `{"on": true}`, 404, nil)
	m.json("", "PUT", path+"/like", `{"on": true}`, 403, nil)

	var page ReviewPage
	m.json("bo", "PUT", path+"/hidden", `{"on": true}`, 403, nil)
	m.json("ana", "PUT", path+"/hidden", `{"on": true}`, 403, nil)
	m.json("ed", "PUT", path+"/hidden", `{"on": true}`, 204, nil)
	m.json("ed", "PUT", "/api/v1/reviews/999999/hidden", `{"on": true}`, 404, nil)
	m.json("bo", "GET", "/api/v1/members/ana/reviews", "", 200, &page)
	if page.Total != 0 {
		t.Errorf("a hidden review shows to bo: %+v", page)
	}
	m.json("ana", "GET", "/api/v1/members/ana/reviews", "", 200, &page)
	if page.Total != 1 || page.Reviews[0].Likes != 1 {
		t.Errorf("ana's own reviews: %+v", page)
	}
	m.json("ed", "PUT", path+"/hidden", `{"on": false}`, 204, nil)
	m.json("", "GET", "/api/v1/members/ana/reviews", "", 200, &page)
	if page.Total != 1 {
		t.Errorf("a shown review: %+v", page)
	}
}

// TestProfileFollowsAndPrivacy reads profiles, follows and feeds, and sets
// privacy over the API: a members-only profile refuses visitors, a private
// diary everyone but its owner.
func TestProfileFollowsAndPrivacy(t *testing.T) {
	m := newMemberAPI(t, "ana", "bo", "ed")
	const rr = "/api/v1/films/red-rocket-2021"
	m.json("ana", "PUT", rr+"/rating", `{"rating": 4.5, "liked": true}`, 200, nil)
	m.json("ana", "POST", rr+"/diary", `{"watched_on": "2024-06-01", "rewatch": true}`, 201, nil)
	m.json("ana", "PUT", "/api/v1/films/anora-2024/watchlist", `{"on": true}`, 204, nil)
	m.json("bo", "PUT", "/api/v1/members/ana/follow", `{"on": true}`, 204, nil)
	m.json("ed", "PUT", "/api/v1/members/ana/follow", `{"on": true}`, 204, nil)

	var p Profile
	m.json("bo", "GET", "/api/v1/members/ana", "", 200, &p)
	if p.Films != 1 || p.Diary != 1 || p.Rewatches != 1 || p.Followers != 2 || !p.FollowedByMe || p.Histogram[8] != 1 {
		t.Errorf("ana's profile as bo: %+v", p)
	}
	var names MemberPage
	m.json("", "GET", "/api/v1/members/ana/followers", "", 200, &names)
	if diff := cmp.Diff(MemberPage{Total: 2, Members: []string{"bo", "ed"}}, names); diff != "" {
		t.Errorf("followers (-want +got):\n%s", diff)
	}
	m.json("", "GET", "/api/v1/members/bo/following", "", 200, &names)
	if diff := cmp.Diff(MemberPage{Total: 1, Members: []string{"ana"}}, names); diff != "" {
		t.Errorf("following (-want +got):\n%s", diff)
	}
	var wl WatchlistPage
	m.json("", "GET", "/api/v1/members/ana/watchlist", "", 200, &wl)
	if wl.Total != 1 || wl.Films[0].Film != "anora-2024" {
		t.Errorf("watchlist: %+v", wl)
	}
	var feed ActivityPage
	m.json("bo", "GET", "/api/v1/me/feed", "", 200, &feed)
	kinds := map[string]bool{}
	for _, a := range feed.Activity {
		if a.Member != "ana" {
			t.Errorf("bo's feed holds %+v", a)
		}
		kinds[a.Kind] = true
	}
	if !kinds["rated"] || !kinds["logged"] || !kinds["watchlisted"] || feed.Total != len(feed.Activity) {
		t.Errorf("bo's feed: %+v", feed)
	}
	m.json("", "GET", "/api/v1/me/feed", "", 401, nil)
	m.json("", "GET", "/api/v1/members/ana/activity", "", 200, &feed)
	if feed.Total == 0 {
		t.Error("ana's activity is empty")
	}

	// Privacy.
	var pv Privacy
	m.json("ana", "GET", "/api/v1/me/privacy", "", 200, &pv)
	if diff := cmp.Diff(Privacy{Profile: "public", Favourites: []string{}}, pv); diff != "" {
		t.Errorf("default privacy (-want +got):\n%s", diff)
	}
	m.json("ana", "PUT", "/api/v1/me/privacy", `{"profile": "members", "diary_private": true, "favourites": ["red-rocket-2021", "anora-2024"]}`, 200, &pv)
	if diff := cmp.Diff(Privacy{Profile: "members", DiaryPrivate: true, Favourites: []string{"red-rocket-2021", "anora-2024"}}, pv); diff != "" {
		t.Errorf("saved privacy (-want +got):\n%s", diff)
	}
	wantError(t, m.json("ana", "PUT", "/api/v1/me/privacy", `{"profile": "friends"}`, 400, nil), "profile")
	wantError(t, m.json("ana", "PUT", "/api/v1/me/privacy", `{"profile": "public", "favourites": ["a", "b", "c", "d", "e"]}`, 400, nil), "favourites")
	m.json("ana", "PUT", "/api/v1/me/privacy", `{"profile": "public", "favourites": ["no-such-film"]}`, 404, nil)
	m.json("", "PUT", "/api/v1/me/privacy", `{"profile": "public"}`, 403, nil)
	for _, path := range []string{"/api/v1/members/ana", "/api/v1/members/ana/diary", "/api/v1/members/ana/lists", "/api/v1/members/ana/watchlist",
		"/api/v1/members/ana/followers", "/api/v1/members/ana/activity", "/api/v1/members/ana/reviews"} {
		m.json("", "GET", path, "", 403, nil)
	}
	m.json("bo", "GET", "/api/v1/members/ana/diary", "", 403, nil)
	m.json("ana", "GET", "/api/v1/members/ana/diary", "", 200, nil)
	m.json("bo", "GET", "/api/v1/members/ana", "", 200, &p)
	if p.Diary != 0 || p.Films != 1 || len(p.Favourites) != 2 {
		t.Errorf("a private diary's counts show to bo: %+v", p)
	}
	m.json("bo", "GET", "/api/v1/members/ana/activity", "", 200, &feed)
	for _, a := range feed.Activity {
		if a.Kind == "logged" {
			t.Errorf("a private diary's entry shows in ana's activity to bo: %+v", a)
		}
	}
	m.json("", "GET", "/api/v1/members/nobody", "", 404, nil)
}
