package store

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A member write commits the request's pending audit entry in its own
// transaction; a refused write leaves neither the change nor the entry.
func TestMemberWriteCommitsPendingAudit(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ids, _ := seedMembers(t, s, "ana")
		entry := func() *AuditEntry {
			return &AuditEntry{At: 7, UserID: ids["ana"], Username: "ana", Action: "POST /films/{slug}/rate", Target: "red-rocket-2021"}
		}
		ctx, p := WithPendingAudit(context.Background(), entry)
		if err := s.SetFilmLog(ctx, ids["ana"], "no-such-film", FilmLogChange{Rating: rating(8)}); err == nil {
			t.Fatal("rating a missing film: no error")
		}
		if p.Written() {
			t.Error("a failed write marked its audit entry written")
		}
		if err := s.SetFilmLog(ctx, ids["ana"], "red-rocket-2021", FilmLogChange{Rating: rating(8)}); err != nil {
			t.Fatal(err)
		}
		if !p.Written() {
			t.Error("the write did not record its audit entry")
		}
		// A second write in the same request does not record it again.
		if err := s.SetFilmLog(ctx, ids["ana"], "red-rocket-2021", FilmLogChange{Rating: rating(6)}); err != nil {
			t.Fatal(err)
		}
		log, err := s.AuditLog(context.Background(), 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		for i := range log {
			log[i].ID = 0
		}
		want := []AuditEntry{*entry()}
		if diff := cmp.Diff(want, log); diff != "" {
			t.Errorf("audit log (-want +got):\n%s", diff)
		}
	})
}
