package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"marquee/internal/auth"
)

// The forms a member needs without JavaScript: edit their own review
// (body, rating, spoiler), unlike a review they liked, and make a list
// private or public, at creation and after.
func TestMemberFormsEditUnlikeListPrivacy(t *testing.T) {
	s := memberSite(t)
	ctx := context.Background()
	s.addUser("ana", auth.RoleMember, "correct horse battery")
	s.addUser("bo", auth.RoleMember, "correct horse battery")
	ana, bo := s.client(), s.client()
	ana.signIn("ana", "correct horse battery")
	bo.signIn("bo", "correct horse battery")
	film := "/films/red-rocket-2021"
	if res, _ := ana.post(film+"/reviews", film, url.Values{"body": {"First take."}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("review: %d", res.StatusCode)
	}
	uid, _ := s.st.MemberID(ctx, "ana")
	rs, _ := s.st.MemberReviews(ctx, uid)
	id := itoa(int(rs[0].ID))

	_, page := ana.get(film)
	if !strings.Contains(page, `action="/reviews/`+id+`/edit"`) || !strings.Contains(page, ">First take.</textarea>") {
		t.Errorf("the author's page has no edit form holding the review")
	}
	if _, other := bo.get(film); strings.Contains(other, `action="/reviews/`+id+`/edit"`) {
		t.Errorf("another member's page offers to edit ana's review")
	}
	if res, _ := ana.post("/reviews/"+id+"/edit", film, url.Values{"body": {"Second *take*."}, "rating": {"3.5"}, "spoiler": {"1"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: %d", res.StatusCode)
	}
	_, page = s.client().get(film)
	if !strings.Contains(page, "Second <em>take</em>.") || !strings.Contains(page, `<details class="spoiler">`) || !strings.Contains(page, `aria-label="3.5 stars"`) {
		t.Errorf("the edited review (body, spoiler, rating) is not on the page")
	}

	likes := regexp.MustCompile(`(\d+) likes?</span>`)
	if res, _ := bo.post("/reviews/"+id+"/like", film, url.Values{"liked": {"1"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("like: %d", res.StatusCode)
	}
	_, page = bo.get(film)
	if !strings.Contains(page, `<input type="hidden" name="liked" value="0"><button>Unlike</button>`) {
		t.Errorf("the liker's page offers no unlike")
	}
	if m := likes.FindStringSubmatch(page); m == nil || m[1] != "1" {
		t.Errorf("likes after a like: %v, want 1", m)
	}
	if res, _ := bo.post("/reviews/"+id+"/like", film, url.Values{"liked": {"0"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("unlike: %d", res.StatusCode)
	}
	if _, page = bo.get(film); !strings.Contains(page, `value="1"><button>Like</button>`) {
		t.Errorf("after unliking, the page offers no like")
	}
	if m := likes.FindStringSubmatch(page); m == nil || m[1] != "0" {
		t.Errorf("likes after an unlike: %v, want 0", m)
	}

	if res, _ := ana.post(film+"/lists", film, url.Values{"name": {"Secret picks"}, "private": {"1"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("new private list: %d", res.StatusCode)
	}
	listPage := "/members/ana/lists/secret-picks"
	if res, _ := s.client().get(listPage); res.StatusCode != http.StatusNotFound {
		t.Errorf("a visitor sees a private list: %d, want 404", res.StatusCode)
	}
	if _, feed := bo.get("/following"); strings.Contains(feed, "Secret picks") {
		t.Errorf("a private list is in a follower's feed")
	}
	ls, _ := s.st.MemberLists(ctx, uid, true)
	settings := "/lists/" + itoa(int(ls[0].ID)) + "/settings"
	if res, _ := bo.post(settings, listPage, url.Values{"public": {"1"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("another member changed ana's list: %d, want 403", res.StatusCode)
	}
	if res, _ := ana.post(settings, listPage, url.Values{"public": {"1"}, "ranked": {"1"}, "slug": {"secret-picks"}}); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != listPage {
		t.Fatalf("make public: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	res, body := s.client().get(listPage)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "ranked") || !strings.Contains(body, "Red Rocket") {
		t.Errorf("the list made public and ranked: %d, ranked shown %v", res.StatusCode, strings.Contains(body, "ranked"))
	}
	if res, _ := ana.post(settings, listPage, url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("make private: %d", res.StatusCode)
	}
	if res, _ := s.client().get(listPage); res.StatusCode != http.StatusNotFound {
		t.Errorf("the list made private again is still shown: %d", res.StatusCode)
	}
}
