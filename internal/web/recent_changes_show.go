package web

import (
	"net/http"
	"strings"

	"marquee/internal/film"
	"marquee/internal/httpx"
	"marquee/internal/store"
)

// changeFilter reads the recent-changes filters: film (a slug) and kind.
func changeFilter(r *http.Request) (store.ChangeFilter, error) {
	q := r.URL.Query()
	f := store.ChangeFilter{Film: strings.TrimSpace(q.Get("film")), Kind: q.Get("kind"), Limit: 100}
	switch f.Kind {
	case "", "edit", "theory", "comment":
	default:
		return f, &httpx.ParamError{Param: "kind", Reason: "kind must be edit, theory or comment"}
	}
	if len(f.Film) > 200 {
		return f, &httpx.ParamError{Param: "film", Reason: "film is too long"}
	}
	return f, nil
}

func (s *Server) recentChangesShow(w http.ResponseWriter, r *http.Request) error {
	f, err := changeFilter(r)
	if err != nil {
		return err
	}
	cs, err := s.store.RecentChanges(r.Context(), f)
	if err != nil {
		return err
	}
	p := &recentChangesPage{Changes: cs, Film: f.Film, Kind: f.Kind}
	p.Base = s.newBase(r, "Recent changes", "Every edit, fan theory and comment on Marquee, newest first.")
	s.render(w, r, http.StatusOK, "recent_changes", p)
	return nil
}

// changeURL is where a recent change is seen: the diff of an edit, the
// theory, or the comment in its thread.
func changeURL(c film.Change) string {
	switch c.Kind {
	case "edit":
		if c.Parent > 0 || c.Revision > 1 {
			return "/films/" + c.FilmSlug + "/diff?from=" + itoa(max(c.Revision-1, 1)) + "&to=" + itoa(c.Revision)
		}
		return "/films/" + c.FilmSlug + "/history"
	case "theory":
		return "/theories/" + itoa64(c.TheoryID)
	}
	if c.TheoryID != 0 {
		return "/theories/" + itoa64(c.TheoryID) + "#comment-" + itoa64(c.CommentID)
	}
	return "/threads/" + itoa64(c.ThreadID) + "#comment-" + itoa64(c.CommentID)
}
