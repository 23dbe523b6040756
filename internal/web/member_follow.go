package web

import "net/http"

// memberFollow makes the signed-in member follow (on=1) or unfollow another.
func (s *Server) memberFollow(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	other, err := s.store.MemberID(r.Context(), name)
	if err != nil {
		return err
	}
	if err := s.store.Follow(r.Context(), signedIn(r).ID, other, r.PostFormValue("on") == "1"); err != nil {
		return memberBadRequest(err)
	}
	http.Redirect(w, r, "/members/"+name, http.StatusSeeOther)
	return nil
}
