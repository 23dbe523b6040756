package recommend

import (
	"context"
	"slices"

	"marquee/internal/store"
)

// Pick is a film recommended to a person, with the reasons drawn from
// their own ratings.
type Pick struct {
	Film    store.RecFilm `json:"film"`
	Score   float64       `json:"score"`
	Reasons []string      `json:"reasons"`
}

// historyCap bounds how many of a person's ratings (best first) are used,
// so one query answers for a person with thousands of ratings.
const historyCap = 100 // one packed row per rated film: 100 rows read

// neighboursPerFilm is how much of each stored list is read.
const neighboursPerFilm = 30

// ratingWeight turns stars into how much a rated film speaks for its
// neighbours: 5★ counts fully, 2★ or less barely (a low rating still says
// the person watches that kind of film; the evaluation treats every
// rating as a signal).
func ratingWeight(stars float64) float64 {
	return max((stars-2)/3, 0.05)
}

// ForPerson recommends up to limit films to the person named by key
// ("ml:ID" or a member's name) from the stored similar lists of the films
// they rated, never a film they rated or logged. Each pick says which of
// their ratings led to it. An unknown person is ErrNotFound; a person who
// rated nothing gets no picks.
func ForPerson(ctx context.Context, st *store.Store, key string, limit int) ([]Pick, error) {
	h, err := st.PersonHistory(ctx, key)
	if err != nil {
		return nil, err
	}
	rated := h.Ratings[:min(len(h.Ratings), historyCap)]
	if len(rated) == 0 || limit < 1 {
		return []Pick{}, nil
	}
	byID := make(map[int64]store.PersonRating, len(rated))
	ids := make([]int64, len(rated))
	for i, r := range rated {
		ids[i] = r.FilmID
		byID[r.FilmID] = r
	}
	nbs, err := st.Neighbours(ctx, ids, neighboursPerFilm)
	if err != nil {
		return nil, err
	}
	// One slot per candidate film: its score and its two strongest
	// contributions, which become its reasons.
	type because struct {
		from  int64
		share float64
	}
	type acc struct {
		id    int64
		score float64
		from  [2]because
	}
	slot := make(map[int64]int32, len(nbs))
	accs := make([]acc, 0, len(nbs)/2)
	for _, nb := range nbs {
		if h.Seen[nb.OtherID] {
			continue
		}
		k, ok := slot[nb.OtherID]
		if !ok {
			k = int32(len(accs))
			slot[nb.OtherID] = k
			accs = append(accs, acc{id: nb.OtherID})
		}
		a := &accs[k]
		b := because{nb.FilmID, ratingWeight(byID[nb.FilmID].Stars) * nb.Score}
		a.score += b.share
		switch {
		case a.from[0].from == 0 || stronger(b.share, b.from, a.from[0].share, a.from[0].from):
			a.from[1], a.from[0] = a.from[0], b
		case a.from[1].from == 0 || stronger(b.share, b.from, a.from[1].share, a.from[1].from):
			a.from[1] = b
		}
	}
	// The best limit candidates, without sorting them all: the limit-th
	// best score (in float32) bounds those that need sorting.
	top := newTopK(limit)
	for k, a := range accs {
		top.push(Scored{int32(k), float32(a.score)})
	}
	var best []*acc
	if top.full() {
		floor := top.min().Score
		for k := range accs {
			if float32(accs[k].score) >= floor {
				best = append(best, &accs[k])
			}
		}
	} else {
		for k := range accs {
			best = append(best, &accs[k])
		}
	}
	slices.SortFunc(best, func(x, y *acc) int {
		if stronger(x.score, x.id, y.score, y.id) {
			return -1
		}
		return 1
	})
	best = best[:min(len(best), limit)]
	order := make([]int64, len(best))
	for k, a := range best {
		order[k] = a.id
	}
	refs, err := st.RecFilms(ctx, order)
	if err != nil {
		return nil, err
	}
	out := make([]Pick, 0, len(order))
	for _, a := range best {
		var reasons []string
		for _, b := range a.from {
			if b.from != 0 {
				r := byID[b.from]
				reasons = append(reasons, "because you rated "+r.Title+" "+Stars(r.Stars))
			}
		}
		out = append(out, Pick{Film: refs[a.id], Score: a.score, Reasons: reasons})
	}
	return out, nil
}

// stronger orders contributions by share, then film id, so reasons are
// deterministic.
func stronger(share float64, from int64, than float64, thanFrom int64) bool {
	if share != than {
		return share > than
	}
	return from < thanFrom
}
