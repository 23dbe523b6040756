package web

import (
	"net/http"

	"marquee/internal/member"
)

// memberShow renders a member's profile: favourite four, counts, rating
// distribution, latest diary entries (unless the diary is private),
// reviews, public lists and activity.
func (s *Server) memberShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	uid, st, self, err := s.memberAccess(ctx, r)
	if err != nil {
		return err
	}
	name := r.PathValue("name")
	p := &memberPage{Base: s.memberBase(r, name), Name: name, Self: self, DiaryOpen: self || !st.DiaryPrivate}
	p.OGType = "profile"
	if u := signedIn(r); u != nil && !self {
		if p.Following, err = s.store.Follows(ctx, u.ID, uid); err != nil {
			return err
		}
	}
	if p.Stats, err = s.store.MemberStatsOf(ctx, uid); err != nil {
		return err
	}
	p.Chart = memberChart(p.Stats.Ratings)
	if p.Chart != nil {
		p.Chart.Title, p.Chart.Desc = "Rating distribution", "How "+name+" rates films, in half stars."
	}
	for _, slug := range st.Favourites {
		f, err := s.store.GetFilm(ctx, slug)
		if err != nil {
			return err
		}
		p.Favourites = append(p.Favourites, &memberFilmRef{Slug: f.Slug, Title: f.Title})
	}
	if p.DiaryOpen {
		d, err := s.store.Diary(ctx, uid)
		if err != nil {
			return err
		}
		p.Diary = d[:min(len(d), 10)]
	}
	rs, err := s.store.MemberReviews(ctx, uid)
	if err != nil {
		return err
	}
	var visible []member.Review
	for _, rv := range rs {
		if !rv.Hidden || self {
			visible = append(visible, rv)
		}
	}
	p.Reviews = reviewViews(visible[:min(len(visible), 10)])
	if p.Lists, err = s.store.MemberLists(ctx, uid, self); err != nil {
		return err
	}
	if p.Watchlist, err = s.store.Watchlist(ctx, uid); err != nil {
		return err
	}
	if p.Activity, err = s.store.MemberActivity(ctx, uid, self, 20); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "member", p)
	return nil
}
