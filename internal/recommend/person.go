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
const historyCap = 200 // with one packed row per rated film: 200 rows read

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
	if len(rated) == 0 {
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
	type because struct {
		from  int64
		share float64
	}
	type acc struct {
		score float64
		from  []because
	}
	scores := map[int64]*acc{}
	for _, nb := range nbs {
		if h.Seen[nb.OtherID] {
			continue
		}
		a := scores[nb.OtherID]
		if a == nil {
			a = &acc{}
			scores[nb.OtherID] = a
		}
		share := ratingWeight(byID[nb.FilmID].Stars) * nb.Score
		a.score += share
		a.from = append(a.from, because{nb.FilmID, share})
	}
	order := make([]int64, 0, len(scores))
	for id := range scores {
		order = append(order, id)
	}
	slices.SortFunc(order, func(a, b int64) int {
		if sa, sb := scores[a].score, scores[b].score; sa != sb {
			if sa > sb {
				return -1
			}
			return 1
		}
		return int(a - b)
	})
	order = order[:min(len(order), limit)]
	refs, err := st.RecFilms(ctx, order)
	if err != nil {
		return nil, err
	}
	out := make([]Pick, 0, len(order))
	for _, id := range order {
		a := scores[id]
		slices.SortFunc(a.from, func(x, y because) int {
			if x.share != y.share {
				if x.share > y.share {
					return -1
				}
				return 1
			}
			return int(x.from - y.from)
		})
		var reasons []string
		for _, b := range a.from[:min(len(a.from), 2)] {
			r := byID[b.from]
			reasons = append(reasons, "because you rated "+r.Title+" "+Stars(r.Stars))
		}
		out = append(out, Pick{Film: refs[id], Score: a.score, Reasons: reasons})
	}
	return out, nil
}
