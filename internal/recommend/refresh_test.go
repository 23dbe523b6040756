package recommend

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/store"
)

// TestRefreshMatchesRebuild adds ratings to a model and checks that the
// collaborative rows of the rated films equal those of a model built from
// scratch on all the ratings.
func TestRefreshMatchesRebuild(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const users, items = 60, 40
	var ts []Triple
	for u := range users {
		for _, i := range rng.Perm(items)[:8] {
			ts = append(ts, Triple{int32(u), int32(i), float32(1 + rng.IntN(5))})
		}
	}
	films := make([]store.FilmFeatures, items)
	for i := range films {
		films[i] = store.FilmFeatures{ID: int64(i + 1), Title: "F", Genres: []string{"Drama"}}
	}
	add := []Triple{{3, 1, 5}, {users, 1, 4}, {users, 2, 4}, {users + 1, 7, 5}}
	ctx := context.Background()
	opt := DefaultOptions()
	md, err := NewModel(ctx, films, NewMatrix(users, items, ts), opt)
	if err != nil {
		t.Fatal(err)
	}
	lists, err := md.Refresh(ctx, add)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := NewModel(ctx, films, NewMatrix(users+2, items, append(ts, add...)), opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int32{1, 2, 7} {
		if diff := cmp.Diff(fresh.byColl[i], md.byColl[i]); diff != "" {
			t.Errorf("item %d collaborative row after refresh (-rebuilt +refreshed):\n%s", i, diff)
		}
		if diff := cmp.Diff(fresh.List(i), lists[int64(i+1)]); diff != "" {
			t.Errorf("item %d list after refresh (-rebuilt +refreshed):\n%s", i, diff)
		}
	}
	if len(lists) != 3 {
		t.Errorf("refresh recomputed %d lists, want the 3 rated films'", len(lists))
	}
}
