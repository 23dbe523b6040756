package recommend

import "marquee/internal/store"

// List computes item i's blended similar list with reasons. Entries for
// which no reason can be said are left out.
func (md *Model) List(i int32) []store.SimilarRow {
	return md.newLister().list(i)
}

// lister holds one worker's buffers for computing lists.
type lister struct {
	md   *Model
	slot []int32 // item → 1 + its index among the candidates, 0 if none
}

func (md *Model) newLister() *lister {
	return &lister{md: md, slot: make([]int32, len(md.Films))}
}

type candidate struct {
	item            int32
	content, collab float32
	co              CoRating
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
	l.coRatings(i, cands)
	top := newTopK(len(cands))
	for k, c := range cands {
		l.slot[c.item] = 0
		top.push(Scored{int32(k), w*c.content + (1-w)*c.collab})
	}
	var out []store.SimilarRow
	for _, s := range top.sorted() {
		if len(out) == md.opt.K {
			break
		}
		c := cands[s.Item]
		reasons := Reasons(md.Films[i], md.Films[c.item], c.co)
		if len(reasons) == 0 {
			continue
		}
		out = append(out, store.SimilarRow{OtherID: md.Films[c.item].ID, Score: float64(s.Score),
			Content: float64(c.content), Collab: float64(c.collab), Reasons: reasons})
	}
	return out
}

// coRatings fills each candidate's CoRating with i: of the users who
// rated i HighStars or more, those who rated the candidate and those who
// rated it HighStars or more. One pass over those users' rows, finding
// candidates by slot (set while this runs).
func (l *lister) coRatings(i int32, cands []candidate) {
	users, stars := l.md.Ratings.ItemUsers(i)
	for k, u := range users {
		if stars[k] < HighStars {
			continue
		}
		items, ratings := l.md.Ratings.UserItems(u)
		for x, j := range items {
			if s := l.slot[j]; s != 0 {
				c := &cands[s-1]
				c.co.Raters++
				if ratings[x] >= HighStars {
					c.co.Liked++
				}
			}
		}
	}
}
