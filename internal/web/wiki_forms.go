package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"marquee/internal/film"
	"marquee/internal/httpx"
)

// maxFormBytes bounds a wiki form: a whole dossier's text with room to
// spare (the dossier parser refuses more than 32 MiB anyway).
const maxFormBytes = 4 << 20

// parseForm reads a posted form, bounded.
func parseForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return &film.ValidationError{Entity: "form", Field: "body", Reason: "is larger than the limit of 4 MiB"}
		}
		return &httpx.ParamError{Reason: "the form could not be read"}
	}
	return nil
}

// formInt reads an optional integer field of a posted form.
func formInt(r *http.Request, name string) (int, error) {
	v := strings.TrimSpace(r.PostFormValue(name))
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, &httpx.ParamError{Param: name, Reason: name + " must be a whole number"}
	}
	return n, nil
}

// signedIn returns the reader, or a 403 when nobody is signed in (the
// route's rule refuses that first; this keeps a handler safe on its own).
func (s *Server) signedIn(r *http.Request) (viewer, error) {
	v := s.viewerOf(r)
	if !v.SignedIn() {
		return v, &film.ForbiddenError{Action: "write", Reason: "sign in first"}
	}
	return v, nil
}

// seeOther answers a successful post with a redirect to the page that
// shows its result.
func seeOther(w http.ResponseWriter, r *http.Request, to string) error {
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// formMessage is the message of an error a form shows next to its fields,
// or "" when err is not one.
func formMessage(err error) string {
	var (
		ve *film.ValidationError
		fe *film.ForbiddenError
		ce *film.ConflictError
	)
	switch {
	case errors.As(err, &ve):
		return ve.Field + " " + ve.Reason
	case errors.As(err, &fe):
		return "You cannot do that: " + fe.Reason + "."
	case errors.As(err, &ce):
		return "That was already done."
	}
	return ""
}

func protLevel(p *film.Protection) string {
	if p == nil {
		return ""
	}
	return p.Level
}

func parseID(s string) int64 {
	n, _ := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	return n
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// editorPost opens an editor's post to a route with an {id}: the form is
// read, the id parsed and the caller checked to be an editor (the route's
// rule refuses others first; this keeps the handler safe on its own).
// action names the refusal: "hide a theory", "resolve a report".
func (s *Server) editorPost(w http.ResponseWriter, r *http.Request, action string) (int64, viewer, error) {
	if err := parseForm(w, r); err != nil {
		return 0, viewer{}, err
	}
	id, err := pathID(r)
	if err != nil {
		return 0, viewer{}, err
	}
	v, err := s.signedIn(r)
	if err != nil {
		return 0, v, err
	}
	if !v.IsEditor() {
		return 0, v, &film.ForbiddenError{Action: action, Reason: "only editors may"}
	}
	return id, v, nil
}
