package web

import (
	"context"
	"encoding/xml"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"marquee/internal/auth"
	"marquee/internal/demo"
	"marquee/internal/store"
)

const rr = "/films/red-rocket-2021"

// wikiSite is the demo catalog behind a running site with four accounts.
func wikiSite(t *testing.T) (s *authSite, ann, bob, ed, adm *client) {
	t.Helper()
	s = newAuthSite(t, filepath.Join(t.TempDir(), "wiki.db"))
	if err := demo.Load(context.Background(), s.st); err != nil {
		t.Fatal(err)
	}
	pw := "correct horse battery staple"
	s.addUser("ann", auth.RoleMember, pw)
	s.addUser("bob", auth.RoleMember, pw)
	s.addUser("ed", auth.RoleEditor, pw)
	s.addUser("adm", auth.RoleAdmin, pw)
	signed := func(name string) *client {
		c := s.client()
		if res := c.signIn(name, pw); res.StatusCode >= 400 {
			t.Fatalf("sign in %s: %d", name, res.StatusCode)
		}
		return c
	}
	return s, signed("ann"), signed("bob"), signed("ed"), signed("adm")
}

var (
	theoryURL = regexp.MustCompile(`^/theories/(\d+)$`)
	baseField = regexp.MustCompile(`name="base" value="(\d+)"`)
	textField = regexp.MustCompile(`(?s)<textarea id="edit-text" name="text"[^>]*>(.*?)</textarea>`)
)

func wantStatus(t *testing.T, what string, res *http.Response, want int) {
	t.Helper()
	if res.StatusCode != want {
		t.Fatalf("%s: status %d, want %d", what, res.StatusCode, want)
	}
}

// postTheory posts a theory as c and returns its page.
func postTheory(t *testing.T, c *client, title, body string) string {
	t.Helper()
	res, _ := c.post(rr+"/theories", rr+"/theories", url.Values{"title": {title}, "body": {body}})
	wantStatus(t, "post theory", res, http.StatusSeeOther)
	loc := res.Header.Get("Location")
	if !theoryURL.MatchString(loc) {
		t.Fatalf("theory posted to %q", loc)
	}
	return loc
}

func TestTheoriesVotesAndThreads(t *testing.T) {
	s, ann, bob, ed, _ := wikiSite(t)
	anon := s.client()
	page := postTheory(t, ann, "Strawberry <script>alert(1)</script> saw through him", "She knew **all along**.\n\n<script>alert(2)</script>")
	vote := func(c *client, v string) *http.Response {
		res, _ := c.post(page+"/vote", page, url.Values{"vote": {v}})
		return res
	}
	wantStatus(t, "bob votes up", vote(bob, "up"), http.StatusSeeOther)
	wantStatus(t, "bob votes up again", vote(bob, "up"), http.StatusConflict)
	wantStatus(t, "ann votes on her own theory", vote(ann, "up"), http.StatusForbidden)
	wantStatus(t, "ed votes down", vote(ed, "down"), http.StatusSeeOther)
	wantStatus(t, "ed changes his vote", vote(ed, "up"), http.StatusSeeOther)
	res, body := anon.get(page)
	wantStatus(t, "theory page", res, http.StatusOK)
	if strings.Contains(body, "<script>alert") {
		t.Fatal("script from a theory reached the page")
	}
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(body, "<strong>all along</strong>") {
		t.Error("theory title not escaped or body not rendered as Markdown")
	}
	if !strings.Contains(body, "score 2 (+2 / −0)") {
		t.Errorf("score after votes not shown as 2")
	}
	// Threaded replies.
	m := regexp.MustCompile(`action="/threads/(\d+)/comments"`).FindStringSubmatch(func() string { _, b := bob.get(page); return b }())
	if m == nil {
		t.Fatal("no comment form for a signed-in member")
	}
	thread := "/threads/" + m[1]
	res, _ = bob.post(thread+"/comments", page, url.Values{"body": {"Not so sure."}})
	wantStatus(t, "bob comments", res, http.StatusSeeOther)
	c1 := strings.TrimPrefix(res.Header.Get("Location"), page+"#comment-")
	res, _ = ann.post(thread+"/comments", page, url.Values{"body": {"Watch the donut shop scene."}, "parent": {c1}})
	wantStatus(t, "ann replies", res, http.StatusSeeOther)
	_, body = anon.get(page)
	if !strings.Contains(body, `class="comment indent-0" id="comment-`+c1+`"`) || !strings.Contains(body, `class="comment indent-1"`) {
		t.Error("the reply is not nested under the comment")
	}
	// bob follows the thread since he posted in it: ann's reply is in his activity.
	if _, body := bob.get("/following"); !strings.Contains(body, "replied in") || !strings.Contains(body, `#comment-`) {
		t.Error("bob's activity does not show the reply in the thread he follows")
	}
	if _, body := ann.get("/following"); strings.Contains(body, "ann</strong>") {
		t.Error("ann's own reply shows in her activity")
	}
	if res, _ := anon.postRaw(thread+"/comments", url.Values{"body": {"anonymous"}}); res.StatusCode < 400 {
		t.Errorf("anonymous comment: status %d", res.StatusCode)
	}
	huge := strings.Repeat("x", 1000000) // a 1 MB comment, under the site's body limit
	res, body = bob.post(thread+"/comments", page, url.Values{"body": {huge}})
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "10000 bytes") {
		t.Errorf("1 MB comment: status %d, want 400 naming the limit", res.StatusCode)
	}
	// An editor hides bob's comment; replying to it is refused.
	res, _ = ed.post("/comments/"+c1+"/hide", page, url.Values{"reason": {"off topic"}})
	wantStatus(t, "editor hides", res, http.StatusSeeOther)
	res, _ = ann.post("/comments/"+c1+"/hide", page, url.Values{"reason": {"x"}})
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("member hides a comment: status %d", res.StatusCode)
	}
	res, _ = ann.post(thread+"/comments", page, url.Values{"body": {"reply to hidden"}, "parent": {c1}})
	wantStatus(t, "reply to a hidden comment", res, http.StatusForbidden)
	// Editors confirm with a source; the film page lists the theory.
	res, _ = ed.post(page+"/status", page, url.Values{"status": {"confirmed"}, "source": {"Sean Baker, Q&A at Cannes 2021"}})
	wantStatus(t, "confirm", res, http.StatusSeeOther)
	_, body = anon.get(rr)
	if !strings.Contains(body, `href="`+page+`"`) || !strings.Contains(body, "Confirmed") {
		t.Error("the film page does not list the confirmed theory")
	}
	// Recent changes shows the theory and the visible comment; the feed parses.
	_, body = anon.get("/recent-changes?film=red-rocket-2021")
	if !strings.Contains(body, "new theory on") || !strings.Contains(body, "#comment-") {
		t.Error("recent changes misses the theory or the comment")
	}
	res, body = anon.get("/recent-changes.atom?kind=theory")
	wantStatus(t, "feed", res, http.StatusOK)
	var feed atomFeed
	if err := xml.Unmarshal([]byte(body), &feed); err != nil || len(feed.Entries) != 1 {
		t.Errorf("theory feed: %d entries, %v", len(feed.Entries), err)
	}
	if res, _ := anon.get("/recent-changes?kind=everything"); res.StatusCode != http.StatusBadRequest {
		t.Errorf("unknown kind: status %d", res.StatusCode)
	}
}

// editForm opens the edit form as c and returns its base revision and text.
func editForm(t *testing.T, c *client) (string, string) {
	t.Helper()
	res, body := c.get(rr + "/edit")
	wantStatus(t, "edit form", res, http.StatusOK)
	b, x := baseField.FindStringSubmatch(body), textField.FindStringSubmatch(body)
	if b == nil || x == nil {
		t.Fatal("edit form without base or text")
	}
	return b[1], htmlUnescape(x[1])
}

func htmlUnescape(s string) string {
	r := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&quot;", `"`, "&amp;", "&")
	return r.Replace(s)
}

func TestEditConflictUndoAndHistory(t *testing.T) {
	s, ann, bob, ed, adm := wikiSite(t)
	base, text := editForm(t, ed)
	_, text2 := editForm(t, bob)
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	first, last := paras[4], paras[len(paras)-3]
	edText := strings.Replace(text, first, first+" Ed adds a line.", 1)
	bobText := strings.Replace(text2, last, last+" Bob adds another.", 1)
	save := func(c *client, base, text, summary string) (*http.Response, string) {
		return c.post(rr+"/edit", rr+"/edit", url.Values{"base": {base}, "text": {text}, "summary": {summary}, "save": {"1"}})
	}
	res, _ := save(ed, base, edText, "ed's edit")
	wantStatus(t, "ed saves", res, http.StatusSeeOther)
	res, body := save(bob, base, bobText, "bob's edit")
	wantStatus(t, "bob's conflicting save", res, http.StatusConflict)
	if !strings.Contains(body, "Someone else saved first") {
		t.Fatal("conflict page does not say what happened")
	}
	m := textField.FindStringSubmatch(body)
	if m == nil || !strings.Contains(m[1], "Ed adds a line.") || !strings.Contains(m[1], "Bob adds another.") {
		t.Fatal("the merged proposal lacks one of the edits")
	}
	nb := baseField.FindStringSubmatch(body)
	res, _ = save(bob, nb[1], htmlUnescape(m[1]), "bob's edit, merged")
	wantStatus(t, "bob saves the proposal", res, http.StatusSeeOther)
	// Undo ed's revision: his line goes, bob's stays.
	res, _ = ed.post(rr+"/revisions/"+itoa(atoi(base)+1)+"/undo", rr+"/history", url.Values{})
	wantStatus(t, "undo", res, http.StatusSeeOther)
	_, cur := editForm(t, ann)
	if strings.Contains(cur, "Ed adds a line.") || !strings.Contains(cur, "Bob adds another.") {
		t.Error("undo did not take back only ed's change")
	}
	// History and diff.
	_, body = s.client().get(rr + "/history")
	for _, want := range []string{"ed&#39;s edit", "bob&#39;s edit, merged", "Undo revision"} {
		if !strings.Contains(body, want) {
			t.Errorf("history lacks %q", want)
		}
	}
	_, body = s.client().get(rr + "/diff?from=" + base + "&to=" + itoa(atoi(base)+1))
	if !strings.Contains(body, "<ins> Ed adds a line.</ins>") && !strings.Contains(body, "<ins>Ed adds a line.</ins>") {
		t.Errorf("diff does not mark ed's words as inserted")
	}
	// An unparseable edit is refused and the text kept.
	_, cur = editForm(t, ann)
	b2, _ := editForm(t, ann)
	res, body = save(ann, b2, "\x01\x02 binary", "")
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "dossier parser could not read") {
		t.Errorf("unparseable edit: status %d", res.StatusCode)
	}
	// Protection: admins only; a member's save is refused.
	res, _ = adm.post(rr+"/protect", rr+"/history", url.Values{"level": {"admin"}, "days": {"0"}, "reason": {"edit war"}})
	wantStatus(t, "protect", res, http.StatusSeeOther)
	res, _ = save(ann, b2, cur+"\nMore.\n", "")
	wantStatus(t, "member edits a protected dossier", res, http.StatusForbidden)
	res, _ = ed.post(rr+"/protect", rr+"/history", url.Values{"level": {"none"}})
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("editor lifts protection: status %d", res.StatusCode)
	}
	// Rollback is for editors.
	res, _ = ann.post(rr+"/rollback", rr+"/history", url.Values{})
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("member rollback: status %d", res.StatusCode)
	}
	_, body = s.client().get("/recent-changes?kind=edit")
	if n := strings.Count(body, `class="change change-edit"`); n < 3 {
		t.Errorf("recent changes lists %d edits, want at least 3", n)
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// TestWikiPagesForAnonymousReaders: every read page answers, and links
// to writing only after sign-in.
func TestWikiPagesForAnonymousReaders(t *testing.T) {
	s, ann, _, _, _ := wikiSite(t)
	postTheory(t, ann, "A theory", "text")
	c := s.client()
	for _, p := range []string{rr + "/history", rr + "/diff", rr + "/edit", rr + "/theories", rr + "/talk", "/recent-changes"} {
		res, body := c.get(p)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", p, res.StatusCode)
		}
		if strings.Contains(body, auth.CSRFField) && p != rr+"/edit" {
			t.Errorf("%s shows a write form to an anonymous reader", p)
		}
	}
	for _, p := range []string{"/films/no-such-film/history", "/theories/999999", "/threads/abc", rr + "/diff?from=1&to=999"} {
		if res, _ := c.get(p); res.StatusCode != http.StatusNotFound && res.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d", p, res.StatusCode)
		}
	}
	if res, _ := c.get("/moderation"); res.StatusCode < 300 {
		t.Errorf("anonymous moderation queue: status %d", res.StatusCode)
	}
	_ = store.ChangeFilter{}
}
