package web

import (
	"net/http"
	"strconv"

	"marquee/internal/member"
)

// filmListAdd adds a film to one of the signed-in member's lists, or to a
// new unranked list named in the form (public unless "private" is ticked).
func (s *Server) filmListAdd(w http.ResponseWriter, r *http.Request) error {
	slug := r.PathValue("slug")
	u := signedIn(r)
	note := r.PostFormValue("note")
	if raw := r.PostFormValue("list_id"); raw != "" {
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			return &badRequest{Param: "list_id", Reason: "is not a list id"}
		}
		if err := s.store.AddToList(r.Context(), u.ID, id, slug, note); err != nil {
			return memberBadRequest(err)
		}
	} else {
		l := member.List{Name: r.PostFormValue("name"), Public: r.PostFormValue("private") != "1", Entries: []member.ListEntry{{FilmSlug: slug, Note: note}}}
		if _, err := s.store.SaveList(r.Context(), u.ID, l); err != nil {
			return memberBadRequest(err)
		}
	}
	backToFilm(w, r, slug, "members")
	return nil
}
