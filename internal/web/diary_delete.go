package web

import "net/http"

// diaryDelete deletes an entry of the member's diary; the route's rule
// lets only its owner in.
func (s *Server) diaryDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	u := signedIn(r)
	if err := s.store.DeleteDiaryEntry(r.Context(), u.ID, id); err != nil {
		return err
	}
	http.Redirect(w, r, "/members/"+u.Username+"/diary", http.StatusSeeOther)
	return nil
}
