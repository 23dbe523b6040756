package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"

	"marquee/internal/auth"
	"marquee/internal/film"
	"marquee/internal/markup"
	"marquee/internal/member"
	"marquee/internal/store"
)

// filmMembers is the members' block of a film page: their histogram (from
// the counts kept with every rating, so it costs ten rows at most) and
// their reviews, by recency or by likes. Signed-in members also get their
// own log of the film and the forms to change it.
type filmMembers struct {
	Slug      string
	Histogram member.Histogram
	Chart     *chart
	Reviews   []reviewView
	ByLikes   bool
	Mine      *member.FilmLog // the signed-in member's log, nil for visitors
	Lists     []member.List   // the signed-in member's lists, for "add to list"
	CSRF      string
	SignedIn  bool
}

// reviewView is a review with its body rendered and sanitised.
type reviewView struct {
	member.Review
	HTML  template.HTML
	Mine  bool // written by the signed-in member: edit and delete forms
	Liked bool // liked by the signed-in member: an unlike form
}

func reviewViews(rs []member.Review) []reviewView {
	out := make([]reviewView, len(rs))
	for i, r := range rs {
		out[i] = reviewView{Review: r, HTML: markup.Render(r.Body)}
	}
	return out
}

// filmMembersOf loads the members' block of film fid; any is false when
// no member has rated, liked or reviewed it (FilmRecord.Has.Members), and
// then only the signed-in member's own parts are read.
func (s *Server) filmMembersOf(ctx context.Context, r *http.Request, fid int64, slug string, any bool) (*filmMembers, error) {
	m := &filmMembers{Slug: slug, ByLikes: r.URL.Query().Get("reviews") == "likes"}
	var err error
	if any {
		if m.Histogram, err = s.store.FilmHistogram(ctx, fid); err != nil {
			return nil, err
		}
		m.Chart = memberChart(m.Histogram)
		order := store.ByRecency
		if m.ByLikes {
			order = store.ByLikes
		}
		rs, err := s.store.FilmReviews(ctx, fid, order, 20)
		if err != nil {
			return nil, err
		}
		m.Reviews = reviewViews(rs)
	}
	if u := signedIn(r); u != nil {
		m.SignedIn = true
		m.CSRF = auth.CSRFToken(ctx)
		l, ok, err := s.store.FilmLogOf(ctx, u.ID, slug)
		if err != nil {
			return nil, err
		}
		if ok {
			m.Mine = &l
		}
		if m.Lists, err = s.store.MemberLists(ctx, u.ID, true); err != nil {
			return nil, err
		}
		liked, err := s.store.LikedReviews(ctx, u.ID, fid)
		if err != nil {
			return nil, err
		}
		for i := range m.Reviews {
			m.Reviews[i].Mine, m.Reviews[i].Liked = m.Reviews[i].Author == u.Username, liked[m.Reviews[i].ID]
		}
	}
	return m, nil
}

// memberChart draws the members' ratings in half stars, or nil with none.
func memberChart(h member.Histogram) *chart {
	total, top := h.Count(), 0
	if total == 0 {
		return nil
	}
	for _, n := range h.Counts {
		top = max(top, n)
	}
	const w, ht, base, left = 640, 200, 170, 10
	c := &chart{ID: "member-ratings", Title: "Ratings from Marquee members", Header: []string{"Stars", "Members"}}
	c.Desc = fmt.Sprintf("How %s Marquee members rated the film, in half stars from ½ to 5.", film.Grouped(int64(total)))
	sv := newSVG(c.ID, c.Title, c.Desc, w, ht)
	bw := float64(w-2*left) / 10
	for i, n := range h.Counts {
		x := left + float64(i)*bw
		bh := 140 * float64(n) / float64(top)
		if n > 0 {
			bh = max(bh, 2)
		}
		stars := member.Rating(i + 1)
		sv.rect(x+4, base-bh, bw-8, bh, "bar-gross")
		sv.text(x+bw/2, base+20, "middle", "lbl", stars.String())
		if n > 0 {
			sv.text(x+bw/2, base-bh-6, "middle", "val", film.Grouped(int64(n)))
		}
		c.Rows = append(c.Rows, []string{stars.Glyphs(), film.Grouped(int64(n))})
	}
	sv.raw(`<line x1="%d" y1="%d" x2="%d" y2="%d" class="axis"/>`, left, base, w-left, base)
	c.SVG = sv.html()
	return c
}
