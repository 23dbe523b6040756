package web

import (
	"net/http"
	"strings"
)

func (s *Server) filmShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	slug := r.PathValue("slug")
	v, err := s.loadFilm(ctx, slug)
	if isNotFound(err) {
		if ok, err2 := s.filmByIMDb(w, r, slug); ok || err2 != nil {
			return err2
		}
	}
	if err != nil {
		return err
	}
	setSlotStamps(r, v.stamps.catalog, v.stamps.film)
	f := v.Film
	title := f.Title
	if f.Year != 0 {
		title += " (" + itoa(f.Year) + ")"
	}
	p := &filmPage{Base: s.newBase(r, title, filmDescription(v)), View: v}
	p.OGType = "video.movie"
	p.Modified = v.modified()
	hist, mean := v.Ratings, v.RatingMean
	p.RatingChart = ratingChart(hist)
	if v.Has.Similar {
		if _, p.Similar, err = s.store.SimilarFilms(ctx, slug, 12); err != nil {
			return err
		}
	}
	if p.Members, err = s.filmMembersOf(ctx, r, f.ID, slug, v.Has.Members); err != nil {
		return err
	}
	if f.Rating.Votes == 0 && mean > 0 {
		// No catalog rating: the readers' ratings stand in for it.
		for _, n := range hist {
			f.Rating.Votes += int64(n)
		}
		f.Rating.Average = mean
	}
	p.Image = ogImage(func(path string) string { return s.absURL(r, path) }, v.PosterImage)
	if v.Has.Theories {
		if err := s.loadFilmWiki(ctx, slug, &p.Wiki); err != nil {
			return err
		}
	}
	p.JSONLD = s.movieLD(func(path string) string { return s.absURL(r, path) }, v)
	s.render(w, r, http.StatusOK, "film", p)
	return nil
}

// filmDescription is the meta description: the logline, else the start
// of the dossier's introduction.
func filmDescription(v *filmView) string {
	d := v.Film.Logline
	if d == "" && v.Dossier != nil && len(v.Dossier.D.Sections) > 0 {
		d = v.Dossier.D.Sections[0].Text
	}
	if len(d) > 200 {
		cut := strings.LastIndexByte(d[:200], ' ')
		if cut < 100 {
			cut = 200
		}
		d = d[:cut] + "…"
	}
	return d
}
