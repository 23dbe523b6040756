package web

import (
	"errors"
	"net/http"
	"strings"

	"marquee/internal/film"
	"marquee/internal/member"
)

// memberBadRequest turns a validation error into a 400 that names the field.
func memberBadRequest(err error) error {
	var ve *film.ValidationError
	if errors.As(err, &ve) {
		return &badRequest{Param: ve.Field, Reason: ve.Reason}
	}
	return err
}

// formRating reads an optional star rating ("" is none).
func formRating(r *http.Request, field string) (member.Rating, error) {
	v := strings.TrimSpace(r.PostFormValue(field))
	if v == "" {
		return 0, nil
	}
	return member.ParseStars(field, v)
}

// backToFilm redirects to the film page, at anchor.
func backToFilm(w http.ResponseWriter, r *http.Request, slug, anchor string) {
	http.Redirect(w, r, "/films/"+slug+"#"+anchor, http.StatusSeeOther)
}

// contentOwner returns an auth.OwnerFunc for member content of kind, read
// from the {id} path value.
func (s *Server) contentOwner(kind string) func(r *http.Request) (int64, error) {
	return func(r *http.Request) (int64, error) {
		id, err := pathID(r)
		if err != nil {
			return 0, err
		}
		return s.store.ContentOwner(r.Context(), kind, id)
	}
}
