package recommend

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

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
	// Beyond the rated films, only films a changed user rated 4★ or more
	// (their co-rating reasons count that user) are recomputed.
	likedByChanged := map[int64]bool{}
	for _, r := range append(ts, add...) {
		if (r.User == 3 || r.User >= users) && r.Stars >= HighStars {
			likedByChanged[int64(r.Item)+1] = true
		}
	}
	for id := range lists {
		if id != 2 && id != 3 && id != 8 && !likedByChanged[id] {
			t.Errorf("refresh recomputed film %d's list, which no change touches", id)
		}
	}
	for _, id := range []int64{2, 3, 8} {
		if _, ok := lists[id]; !ok {
			t.Errorf("refresh left out rated film %d", id)
		}
	}
}

// TestRefreshPatchesCostlyRows forces every rated film down the patch
// path (as the most popular films of a big catalog go) on a set where
// every pair of films already shares raters, so each row holds every
// film and the patch must equal a rebuild; a removed rating is undone.
func TestRefreshPatchesCostlyRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const users, items = 80, 30
	var ts []Triple
	for u := range users {
		for _, i := range rng.Perm(items)[:20] {
			ts = append(ts, Triple{int32(u), int32(i), float32(1 + rng.IntN(5))})
		}
	}
	films := make([]store.FilmFeatures, items)
	for i := range films {
		films[i] = store.FilmFeatures{ID: int64(i + 1), Title: "F", Genres: []string{"Drama"}}
	}
	ctx := context.Background()
	opt := DefaultOptions()
	md, err := NewModel(ctx, films, NewMatrix(users, items, ts), opt)
	if err != nil {
		t.Fatal(err)
	}
	md.exactCost = 0
	// A new member rates three films; an old rating of film 4 is removed.
	rm := ts[0]
	add := []Triple{{users, 1, 5}, {users, 2, 4}, {users, 9, 3}, {rm.User, rm.Item, 0}}
	if _, err := md.Refresh(ctx, add); err != nil {
		t.Fatal(err)
	}
	fresh, err := NewModel(ctx, films, NewMatrix(users+1, items, append(ts[1:], add[:3]...)), opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int32{1, 2, 9, rm.Item} {
		if len(fresh.byColl[i]) != items-1 {
			t.Fatalf("item %d has %d neighbours; the test wants every pair co-rated", i, len(fresh.byColl[i]))
		}
		if diff := cmp.Diff(fresh.byColl[i], md.byColl[i], cmpopts.EquateApprox(0, 1e-6)); diff != "" {
			t.Errorf("item %d patched row (-rebuilt +patched):\n%s", i, diff)
		}
	}
}

// TestWithMatchesNewMatrix checks a matrix changed by With (new users,
// new, changed and removed ratings) equals one built from scratch, on
// both its user and its item side.
func TestWithMatchesNewMatrix(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const users, items = 50, 40
	var ts []Triple
	for u := range users {
		for _, i := range rng.Perm(items)[:10] {
			ts = append(ts, Triple{int32(u), int32(i), float32(1 + rng.IntN(5))})
		}
	}
	m := NewMatrix(users, items, ts)
	add := []Triple{{users + 2, 3, 4}, {users, 5, 2}, {ts[0].User, ts[0].Item, 0}, {ts[1].User, ts[1].Item, 1}, {ts[2].User, 39, 5}}
	got := m.With(add)
	byKey := map[[2]int32]float32{}
	for _, r := range ts {
		byKey[[2]int32{r.User, r.Item}] = r.Stars
	}
	for _, r := range add {
		if r.Stars > 0 {
			byKey[[2]int32{r.User, r.Item}] = r.Stars
		} else {
			delete(byKey, [2]int32{r.User, r.Item})
		}
	}
	var all []Triple
	for k, s := range byKey {
		all = append(all, Triple{k[0], k[1], s})
	}
	want := NewMatrix(users+3, items, all)
	if diff := cmp.Diff(want.Triples(), got.Triples()); diff != "" {
		t.Errorf("user side (-want +got):\n%s", diff)
	}
	for i := range int32(items) {
		wu, ws := want.ItemUsers(i)
		gu, gs := got.ItemUsers(i)
		if diff := cmp.Diff([2]any{wu, ws}, [2]any{gu, gs}); diff != "" {
			t.Errorf("item %d (-want +got):\n%s", i, diff)
		}
	}
}
