package recommend

import (
	"slices"

	"marquee/internal/store"
)

// List computes item i's blended similar list with reasons. Entries for
// which no reason can be said are left out.
func (md *Model) List(i int32) []store.SimilarRow {
	return md.newLister().list(i)
}

// lister holds one worker's buffers for computing lists.
type lister struct {
	md   *Model
	slot []int32 // item → 1 + its index among the candidates, 0 if none
	high []int32 // users who rated the current item HighStars or more
}

func (md *Model) newLister() *lister {
	return &lister{md: md, slot: make([]int32, len(md.Films))}
}

type candidate struct {
	item            int32
	content, collab float32
}

func (l *lister) list(i int32) []store.SimilarRow {
	md := l.md
	w := md.opt.ContentWeight
	if md.Ratings.ItemCount(i) == 0 {
		w = 1 // nobody rated it: content is all there is
	}
	var cands []candidate
	add := func(j int32) *candidate {
		if l.slot[j] == 0 {
			cands = append(cands, candidate{item: j})
			l.slot[j] = int32(len(cands))
		}
		return &cands[l.slot[j]-1]
	}
	for _, s := range md.byColl[i] {
		add(s.Item).collab = s.Score
	}
	for _, s := range md.byCont[i] {
		add(s.Item).content = s.Score
	}
	for k := range cands {
		if c := &cands[k]; c.content == 0 {
			c.content = md.content.Sim(i, c.item)
		}
	}
	top := newTopK(len(cands))
	for k, c := range cands {
		l.slot[c.item] = 0
		top.push(Scored{int32(k), w*c.content + (1-w)*c.collab})
	}
	var out []store.SimilarRow
	l.likers(i)
	for _, s := range top.sorted() {
		if len(out) == md.opt.K {
			break
		}
		c := cands[s.Item]
		reasons := Reasons(md.Films[i], md.Films[c.item], l.coRating(c.item))
		if len(reasons) == 0 {
			continue
		}
		out = append(out, store.SimilarRow{OtherID: md.Films[c.item].ID, Score: float64(s.Score),
			Content: float64(c.content), Collab: float64(c.collab), Reasons: reasons})
	}
	return out
}

// likers sets l.high to the users who rated i HighStars or more,
// ascending, for coRating.
func (l *lister) likers(i int32) {
	users, stars := l.md.Ratings.ItemUsers(i)
	l.high = l.high[:0]
	for k, u := range users {
		if stars[k] >= HighStars {
			l.high = append(l.high, u)
		}
	}
}

// coRating counts, of the users in l.high, those who rated j and those
// who rated it HighStars or more, by searching the shorter of the two
// sorted user lists in the longer: only the films listed are counted,
// never every candidate.
func (l *lister) coRating(j int32) CoRating {
	var co CoRating
	users, stars := l.md.Ratings.ItemUsers(j)
	if len(l.high) <= len(users) {
		lo := 0
		for _, u := range l.high {
			k, ok := slices.BinarySearch(users[lo:], u)
			lo += k
			if ok {
				co.Raters++
				if stars[lo] >= HighStars {
					co.Liked++
				}
			}
		}
		return co
	}
	lo := 0
	for k, u := range users {
		at, ok := slices.BinarySearch(l.high[lo:], u)
		lo += at
		if ok {
			co.Raters++
			if stars[k] >= HighStars {
				co.Liked++
			}
		}
	}
	return co
}
