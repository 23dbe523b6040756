package api

import "net/http"

// memberWatchlistList answers GET /api/v1/members/{name}/watchlist, latest
// addition first (each entry's note is the day it was added); the site's
// profile shows it to whoever may see the profile.
func (s *Server) memberWatchlistList(w http.ResponseWriter, r *http.Request) error {
	uid, _, _, err := s.memberAccess(r.Context(), r)
	if err != nil {
		return err
	}
	wl, err := s.store.Watchlist(r.Context(), uid)
	if err != nil {
		return err
	}
	return privateJSON(w, r, http.StatusOK, WatchlistPage{Total: len(wl), Films: entriesJSON(wl)})
}
