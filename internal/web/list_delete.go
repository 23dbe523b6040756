package web

import "net/http"

// listDelete deletes one of the member's lists; the route's rule lets only
// its owner in.
func (s *Server) listDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	u := signedIn(r)
	if err := s.store.DeleteList(r.Context(), u.ID, id); err != nil {
		return err
	}
	http.Redirect(w, r, "/members/"+u.Username, http.StatusSeeOther)
	return nil
}
