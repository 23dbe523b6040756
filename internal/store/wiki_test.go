package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

// addUser makes a bare account for the wiki tests.
func addUser(t *testing.T, s *Store, name string) int64 {
	t.Helper()
	var id int64
	if err := s.write.QueryRowContext(context.Background(), "INSERT INTO users (username, created_at) VALUES ($1, 1) RETURNING id", name).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func wikiFilm(t *testing.T, s *Store) {
	t.Helper()
	if err := s.PutFilm(context.Background(), sampleFilm()); err != nil {
		t.Fatal(err)
	}
}

func dossierOf(summary string) *film.Dossier {
	return &film.Dossier{Film: film.DossierFilm{Title: "Red Rocket", Year: 2021},
		Sections: []film.Section{{Kind: film.SectionSynopsis, Heading: "Synopsis", Text: summary}}}
}

func TestEditDossierConflictAndHistory(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		wikiFilm(t, s)
		ann := addUser(t, s, "ann")
		r1, err := s.EditDossier(ctx, "red-rocket-2021", 0, dossierOf("one"), RevisionInput{Author: "ann", UserID: ann, Text: "Synopsis\n\none\n", Summary: "start"})
		if err != nil || r1 != 1 {
			t.Fatalf("first edit: rev %d, %v", r1, err)
		}
		r2, err := s.EditDossier(ctx, "red-rocket-2021", 1, dossierOf("one two"), RevisionInput{Author: "ann", UserID: ann, Text: "Synopsis\n\none two\n"})
		if err != nil || r2 != 2 {
			t.Fatalf("second edit: rev %d, %v", r2, err)
		}
		// A save that began from revision 1 after revision 2 landed.
		_, err = s.EditDossier(ctx, "red-rocket-2021", 1, dossierOf("stale"), RevisionInput{Author: "bob", Text: "stale"})
		var conflict *film.EditConflictError
		if !errors.As(err, &conflict) || conflict.Current != 2 || conflict.Base != 1 {
			t.Fatalf("stale save: %v, want an edit conflict at revision 2", err)
		}
		h, err := s.DossierHistory(ctx, "red-rocket-2021", 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		type row struct {
			Rev, Parent, Size, Change int
			Summary                   string
		}
		var got []row
		for _, r := range h {
			got = append(got, row{r.Revision, r.Parent, r.Size, r.SizeChange, r.Summary})
		}
		want := []row{{2, 1, 18, 4, ""}, {1, 0, 14, 14, "start"}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("history (-want +got):\n%s", diff)
		}
		old, err := s.DossierRevisionAt(ctx, "red-rocket-2021", 1)
		if err != nil || old.Text != "Synopsis\n\none\n" || old.Dossier.Sections[0].Text != "one" {
			t.Fatalf("revision 1: %+v, %v", old, err)
		}
		cur, err := s.DossierRevisionAt(ctx, "red-rocket-2021", 0)
		if err != nil || cur.Revision.Revision != 2 {
			t.Fatalf("current revision: %+v, %v", cur, err)
		}
		if _, err := s.DossierRevisionAt(ctx, "red-rocket-2021", 9); !errors.Is(err, film.ErrNotFound) {
			t.Errorf("revision 9: %v, want not found", err)
		}
		if _, err := s.DossierHistory(ctx, "no-such-film", 0, 10); !errors.Is(err, film.ErrNotFound) {
			t.Errorf("history of a missing film: %v", err)
		}
	})
}

func TestProtection(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		wikiFilm(t, s)
		if p, err := s.DossierProtection(ctx, "red-rocket-2021"); p != nil || err != nil {
			t.Fatalf("unprotected: %+v, %v", p, err)
		}
		if err := s.ProtectDossier(ctx, "red-rocket-2021", "admin", time.Now().Add(time.Hour), "edit war", 0); err != nil {
			t.Fatal(err)
		}
		if p, err := s.DossierProtection(ctx, "red-rocket-2021"); err != nil || p.Level != "admin" || p.Reason != "edit war" {
			t.Fatalf("protected: %+v, %v", p, err)
		}
		if err := s.ProtectDossier(ctx, "red-rocket-2021", "editor", time.Now().Add(-time.Minute), "", 0); err != nil {
			t.Fatal(err)
		}
		if p, err := s.DossierProtection(ctx, "red-rocket-2021"); p != nil || err != nil {
			t.Fatalf("expired protection still holds: %+v, %v", p, err)
		}
		if err := s.ProtectDossier(ctx, "red-rocket-2021", "owner", time.Time{}, "", 0); err == nil {
			t.Error("level owner accepted")
		}
	})
}

func TestTheoryVotes(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		wikiFilm(t, s)
		ann, bob, cy := addUser(t, s, "ann"), addUser(t, s, "bob"), addUser(t, s, "cy")
		th := &film.Theory{FilmSlug: "red-rocket-2021", UserID: ann, Title: "Strawberry saw it coming", Body: "She *always* knew."}
		if err := s.CreateTheory(ctx, th); err != nil {
			t.Fatal(err)
		}
		var forbidden *film.ForbiddenError
		if err := s.VoteTheory(ctx, th.ID, ann, 1); !errors.As(err, &forbidden) {
			t.Errorf("own vote: %v, want forbidden", err)
		}
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(s.VoteTheory(ctx, th.ID, bob, 1))
		if err := s.VoteTheory(ctx, th.ID, bob, 1); !errors.Is(err, film.ErrConflict) {
			t.Errorf("second identical vote: %v, want conflict", err)
		}
		must(s.VoteTheory(ctx, th.ID, cy, 1))
		must(s.VoteTheory(ctx, th.ID, cy, -1)) // changed
		got, err := s.Theory(ctx, th.ID, cy)
		must(err)
		if got.Score != 0 || got.Ups != 1 || got.Downs != 1 || got.MyVote != -1 {
			t.Errorf("after votes: score %d ups %d downs %d mine %d", got.Score, got.Ups, got.Downs, got.MyVote)
		}
		must(s.VoteTheory(ctx, th.ID, cy, 0)) // withdrawn
		if got, _ := s.Theory(ctx, th.ID, 0); got.Score != 1 || got.Downs != 0 {
			t.Errorf("after withdrawal: %+v", got)
		}
		if err := s.VoteTheory(ctx, 999999, bob, 1); !errors.Is(err, film.ErrNotFound) {
			t.Errorf("vote on a missing theory: %v", err)
		}
		if err := s.SetTheoryStatus(ctx, th.ID, film.TheoryConfirmed, "", ann); err == nil {
			t.Error("confirmed without a source")
		}
		must(s.SetTheoryStatus(ctx, th.ID, film.TheoryConfirmed, "https://example.org/interview", ann))
		must(s.HideTheory(ctx, th.ID, true, "spam"))
		list, total, err := s.FilmTheories(ctx, "red-rocket-2021", TheoryFilter{})
		must(err)
		if len(list) != 0 || total != 0 {
			t.Errorf("hidden theory listed: %d of %d", len(list), total)
		}
		list, _, err = s.FilmTheories(ctx, "red-rocket-2021", TheoryFilter{Hidden: true})
		must(err)
		if len(list) != 1 || list[0].Status != film.TheoryConfirmed || list[0].HiddenReason != "spam" {
			t.Errorf("editor's list: %+v", list)
		}
	})
}

func TestThreadsAndComments(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		wikiFilm(t, s)
		ann, bob := addUser(t, s, "ann"), addUser(t, s, "bob")
		tid, err := s.CreateThread(ctx, "red-rocket-2021", film.ScopeDossier, "Is the ending ambiguous?", "I think so.", ann)
		if err != nil {
			t.Fatal(err)
		}
		first, _ := s.ThreadComments(ctx, tid)
		c1 := first[0].ID
		c2, err := s.AddComment(ctx, tid, c1, bob, "Not at all.")
		if err != nil {
			t.Fatal(err)
		}
		c3, _ := s.AddComment(ctx, tid, 0, bob, "Second top-level.")
		c4, _ := s.AddComment(ctx, tid, c2, ann, "Reply to a reply.")
		cs, err := s.ThreadComments(ctx, tid)
		if err != nil {
			t.Fatal(err)
		}
		var order []int64
		var depths []int
		for _, c := range cs {
			order = append(order, c.ID)
			depths = append(depths, c.Depth)
		}
		if diff := cmp.Diff([]int64{c1, c2, c4, c3}, order); diff != "" {
			t.Errorf("reading order (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]int{0, 1, 2, 0}, depths); diff != "" {
			t.Errorf("depths (-want +got):\n%s", diff)
		}
		if err := s.HideComment(ctx, c2, true, "rude"); err != nil {
			t.Fatal(err)
		}
		var forbidden *film.ForbiddenError
		if _, err := s.AddComment(ctx, tid, c2, ann, "reply to hidden"); !errors.As(err, &forbidden) {
			t.Errorf("reply to a hidden comment: %v", err)
		}
		if _, err := s.AddComment(ctx, tid, 0, ann, string(make([]byte, film.MaxCommentBody+1))); err == nil {
			t.Error("oversized comment accepted")
		}
		th, err := s.Thread(ctx, tid, bob)
		if err != nil || th.Replies != 3 || !th.Following {
			t.Errorf("thread: %+v, %v", th, err)
		}
		// bob follows since his first reply; ann's later reply is his activity.
		act, err := s.FollowedReplies(ctx, bob, 10)
		if err != nil || len(act) != 1 || act[0].CommentID != c4 {
			t.Errorf("bob's followed replies: %+v, %v", act, err)
		}
		ch, err := s.RecentChanges(ctx, ChangeFilter{Film: "red-rocket-2021"})
		if err != nil {
			t.Fatal(err)
		}
		if len(ch) != 3 { // c1, c3, c4; c2 is hidden
			t.Errorf("recent changes: %d entries: %+v", len(ch), ch)
		}
		if _, err := s.AddReport(ctx, "comment", c3, ann, "off topic"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddReport(ctx, "comment", c3, ann, "again"); !errors.Is(err, film.ErrConflict) {
			t.Errorf("second open report: %v", err)
		}
		q, err := s.OpenReports(ctx, 10)
		if err != nil || len(q) != 1 || q[0].Reporter != "ann" {
			t.Fatalf("queue: %+v, %v", q, err)
		}
		if err := s.ResolveReport(ctx, q[0].ID, bob, "kept"); err != nil {
			t.Fatal(err)
		}
		if q, _ := s.OpenReports(ctx, 10); len(q) != 0 {
			t.Errorf("resolved report still queued")
		}
	})
}

// TestAccountDeletionForgetsWikiMember: votes are withdrawn whichever way
// the account goes; removal takes the member's theories and comments,
// keeping emptied the comments others replied to.
func TestAccountDeletionForgetsWikiMember(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		wikiFilm(t, s)
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		ann, bob, cy := addUser(t, s, "ann"), addUser(t, s, "bob"), addUser(t, s, "cy")
		th := &film.Theory{FilmSlug: "red-rocket-2021", UserID: ann, Title: "t", Body: "b"}
		must(s.CreateTheory(ctx, th))
		bobs := &film.Theory{FilmSlug: "red-rocket-2021", UserID: bob, Title: "bob's", Body: "b"}
		must(s.CreateTheory(ctx, bobs))
		must(s.VoteTheory(ctx, th.ID, bob, 1))
		must(s.VoteTheory(ctx, th.ID, cy, 1))
		c1, err := s.AddComment(ctx, th.ThreadID, 0, bob, "bob's comment, replied to")
		must(err)
		_, err = s.AddComment(ctx, th.ThreadID, c1, cy, "cy's reply")
		must(err)
		_, err = s.AddComment(ctx, th.ThreadID, 0, bob, "bob's lone comment")
		must(err)
		_, err = s.EditDossier(ctx, "red-rocket-2021", 0, dossierOf("x"), RevisionInput{Author: "bob", UserID: bob, Text: "x"})
		must(err)

		must(s.DeleteUser(ctx, cy, true)) // anonymised: cy's vote goes, the reply stays
		got, err := s.Theory(ctx, th.ID, 0)
		must(err)
		if got.Score != 1 || got.Ups != 1 {
			t.Errorf("after cy left: score %d ups %d, want 1 and 1", got.Score, got.Ups)
		}
		must(s.DeleteUser(ctx, bob, false)) // removed, with content
		got, err = s.Theory(ctx, th.ID, 0)
		must(err)
		if got.Score != 0 || got.Comments != 2 {
			t.Errorf("after bob left: score %d, %d comments; want 0 and 2 (the emptied comment and cy's reply)", got.Score, got.Comments)
		}
		if _, err := s.Theory(ctx, bobs.ID, 0); !errors.Is(err, film.ErrNotFound) {
			t.Errorf("bob's theory survived his removal: %v", err)
		}
		cs, err := s.ThreadComments(ctx, th.ThreadID)
		must(err)
		if len(cs) != 2 || cs[0].Body != "" || !cs[0].Hidden || cs[1].Body != "cy's reply" || cs[1].Author != "" {
			t.Errorf("comments after removal: %+v", cs)
		}
		h, err := s.DossierHistory(ctx, "red-rocket-2021", 0, 10)
		must(err)
		if len(h) != 1 || h[0].Author != "" {
			t.Errorf("history keeps bob's name: %+v", h)
		}
	})
}
