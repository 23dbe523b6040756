package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/member"
)

var errRefused = errors.New("refused after writing")

// failAfterWriting rates anora as uid and then fails: the rating must not
// survive.
func failAfterWriting(s *Store, uid, anora int64) func(ctx context.Context, tx *sql.Tx) error {
	return func(ctx context.Context, tx *sql.Tx) error {
		if _, err := setFilmLog(ctx, tx, uid, anora, FilmLogChange{Rating: rating(9)}, true); err != nil {
			return err
		}
		return errRefused
	}
}

func testFilmID(t *testing.T, s *Store, slug string) int64 {
	t.Helper()
	var id int64
	if err := s.read.QueryRowContext(context.Background(), "SELECT id FROM films WHERE slug = $1", slug).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func countRows(t *testing.T, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.read.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Many members rate two films at once, the same film and different ones,
// while some of their writes fail after writing: every kept histogram
// equals a recount, each member's rating is their last accepted one, and
// a failed write leaves nothing (no rating, activity or queued change).
func TestConcurrentWritesWithFailuresMatchRecount(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		names := make([]string, 32)
		for i := range names {
			names[i] = fmt.Sprintf("g%02d", i)
		}
		ids, red := seedMembers(t, s, names...)
		anora := testFilmID(t, s, "anora-2024")
		var (
			wg   sync.WaitGroup
			mu   sync.Mutex
			last = map[string]member.Rating{} // member's last accepted rating of red-rocket
			errs []error
		)
		for i, n := range names {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := rand.New(rand.NewPCG(uint64(i), 11))
				for range 12 {
					if r.IntN(3) == 0 {
						if err := s.memberTransact(ctx, failAfterWriting(s, ids[n], anora)); !errors.Is(err, errRefused) {
							mu.Lock()
							errs = append(errs, fmt.Errorf("%s: failing write returned %v, want its own error", n, err))
							mu.Unlock()
						}
						continue
					}
					v := member.Rating(1 + r.IntN(10))
					if err := s.SetFilmLog(ctx, ids[n], "red-rocket-2021", FilmLogChange{Rating: &v}); err != nil {
						mu.Lock()
						errs = append(errs, fmt.Errorf("%s: %w", n, err))
						mu.Unlock()
						return
					}
					mu.Lock()
					last[n] = v
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		for _, err := range errs {
			t.Error(err)
		}
		got := checkHistogram(t, s, red)
		var want member.Histogram
		for _, v := range last {
			want.Counts[v-1]++
		}
		if diff := cmp.Diff(want.Counts, got.Counts); diff != "" {
			t.Errorf("red rocket's histogram against the members' accepted writes (-want +got):\n%s", diff)
		}
		for n, v := range last {
			l, ok, err := s.FilmLogOf(ctx, ids[n], "red-rocket-2021")
			if err != nil || !ok || l.Rating != v {
				t.Errorf("%s's rating: %v %v %v, want %v", n, l.Rating, ok, err, v)
			}
		}
		if h := checkHistogram(t, s, anora); h.Count() != 0 {
			t.Errorf("failed writes left ratings of anora: %v", h)
		}
		for _, q := range []string{
			"SELECT count(*) FROM member_films WHERE film_id = $1",
			"SELECT count(*) FROM member_activity WHERE film_id = $1",
			"SELECT count(*) FROM recommend_dirty WHERE film_id = $1",
		} {
			if n := countRows(t, s, q, anora); n != 0 {
				t.Errorf("%s: %d rows, want 0 (every write to it failed)", q, n)
			}
		}
	})
}

// holdWriter queues a write that holds the group committer until n more
// writes wait behind it (so they land in its transaction) and release is
// closed; it returns once the writer runs it, with that write's error
// channel.
func holdWriter(t *testing.T, s *Store, uid int64, n int, release <-chan struct{}) <-chan error {
	t.Helper()
	done := make(chan error, 1)
	started := make(chan struct{})
	go func() {
		done <- s.memberTransact(context.Background(), func(ctx context.Context, tx *sql.Tx) error {
			close(started)
			for len(s.group.queue) < n {
				time.Sleep(time.Millisecond)
			}
			<-release
			_, err := setFilmLog(ctx, tx, uid, filmIDTx(ctx, tx), FilmLogChange{Rating: rating(6)}, true)
			return err
		})
	}()
	<-started
	return done
}

func filmIDTx(ctx context.Context, tx *sql.Tx) int64 {
	id, _ := filmRef(ctx, tx, "red-rocket-2021")
	return id
}

// One transaction carries several members' writes; the one that fails,
// the one that panics and the one withdrawn by its caller leave nothing,
// and the others commit with their audit entries.
func TestGroupCommitAnswersEachWrite(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "group.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ids, red := seedMembers(t, s, "hold", "ok1", "fail", "ok2", "panics", "gone")
	anora := testFilmID(t, s, "anora-2024")
	batches, writes := s.group.batches.Load(), s.group.writes.Load()
	s.group.budget = time.Minute // a loaded machine must not split the batch

	release := make(chan struct{})
	held := holdWriter(t, s, ids["hold"], 5, release)
	withAudit := func(who string) context.Context {
		ctx, _ := WithPendingAudit(context.Background(), func() *AuditEntry {
			return &AuditEntry{At: 1, UserID: ids[who], Username: who, Action: "test.write"}
		})
		return ctx
	}
	got := map[string]string{}
	var mu sync.Mutex
	answer := func(who string, err error) {
		mu.Lock()
		defer mu.Unlock()
		got[who] = fmt.Sprint(err)
	}
	var wg sync.WaitGroup
	queue := func(who string, ctx context.Context, fn func(ctx context.Context, tx *sql.Tx) error) {
		n := len(s.group.queue)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if p := recover(); p != nil {
					answer(who, fmt.Errorf("panic: %v", p))
				}
			}()
			answer(who, s.memberTransact(ctx, fn))
		}()
		for len(s.group.queue) == n {
			time.Sleep(time.Millisecond) // queue in this order
		}
	}
	rate := func(who string, v member.Rating) func(ctx context.Context, tx *sql.Tx) error {
		return func(ctx context.Context, tx *sql.Tx) error {
			_, err := setFilmLog(ctx, tx, ids[who], red, FilmLogChange{Rating: &v}, true)
			return err
		}
	}
	queue("ok1", withAudit("ok1"), rate("ok1", 4))
	queue("fail", withAudit("fail"), failAfterWriting(s, ids["fail"], anora))
	queue("ok2", context.Background(), rate("ok2", 10))
	queue("panics", context.Background(), func(ctx context.Context, tx *sql.Tx) error {
		if _, err := setFilmLog(ctx, tx, ids["panics"], anora, FilmLogChange{Rating: rating(2)}, true); err != nil {
			return err
		}
		panic("boom")
	})
	goneCtx, cancel := context.WithCancel(context.Background())
	queue("gone", goneCtx, failAfterWriting(s, ids["gone"], anora))
	cancel()
	for {
		mu.Lock()
		_, ok := got["gone"]
		mu.Unlock()
		if ok {
			break
		}
		time.Sleep(time.Millisecond)
	}
	close(release)
	if err := <-held; err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	want := map[string]string{"ok1": "<nil>", "fail": errRefused.Error(), "ok2": "<nil>", "panics": "panic: boom", "gone": context.Canceled.Error()}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
	if b, w := s.group.batches.Load()-batches, s.group.writes.Load()-writes; b != 1 || w != 3 {
		t.Errorf("%d transactions carried %d writes, want 1 carrying 3 (hold, ok1, ok2)", b, w)
	}
	h := checkHistogram(t, s, red)
	if diff := cmp.Diff([10]int{3: 1, 5: 1, 9: 1}, h.Counts); diff != "" {
		t.Errorf("red rocket (-want +got):\n%s", diff)
	}
	if n := countRows(t, s, "SELECT count(*) FROM member_films WHERE film_id = $1", anora); n != 0 {
		t.Errorf("anora has %d member rows; every write to it failed", n)
	}
	if n := countRows(t, s, "SELECT count(*) FROM audit_log WHERE action = 'test.write' AND username = 'ok1'"); n != 1 {
		t.Errorf("ok1's audit entries: %d, want 1", n)
	}
	if n := countRows(t, s, "SELECT count(*) FROM audit_log WHERE action = 'test.write' AND username = 'fail'"); n != 0 {
		t.Errorf("the failed write's audit entries: %d, want 0", n)
	}
}

// Close lets every queued write commit before the database closes, and
// refuses writes after.
func TestGroupCommitCloseDrains(t *testing.T) {
	path := filepath.Join(t.TempDir(), "drain.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"hold", "q1", "q2", "q3"}
	ids, red := seedMembers(t, s, names...)
	release := make(chan struct{})
	held := holdWriter(t, s, ids["hold"], 3, release)
	errs := make(chan error, 3)
	for _, n := range names[1:] {
		go func() {
			errs <- s.SetFilmLog(context.Background(), ids[n], "red-rocket-2021", FilmLogChange{Rating: rating(8)})
		}()
	}
	for len(s.group.queue) < 3 {
		time.Sleep(time.Millisecond)
	}
	closed := make(chan error)
	go func() { closed <- s.Close() }()
	for shut := false; !shut; time.Sleep(time.Millisecond) {
		s.group.mu.RLock()
		shut = s.group.shut
		s.group.mu.RUnlock()
	}
	close(release)
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	if err := <-held; err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if err := <-errs; err != nil {
			t.Errorf("queued write: %v", err)
		}
	}
	if err := s.SetFilmLog(context.Background(), ids["q1"], "red-rocket-2021", FilmLogChange{Rating: rating(2)}); !errors.Is(err, errStoreClosed) {
		t.Errorf("write after close: %v, want %v", err, errStoreClosed)
	}
	s, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if diff := cmp.Diff([10]int{5: 1, 7: 3}, checkHistogram(t, s, red).Counts); diff != "" {
		t.Errorf("after reopening (-want +got):\n%s", diff)
	}
}
