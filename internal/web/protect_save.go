package web

import (
	"net/http"
	"strings"
	"time"

	"marquee/internal/film"
)

// protectSave protects a dossier (level editor or admin, for a number of
// days or for good) or lifts its protection (level none). Admins only.
func (s *Server) protectSave(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	v, err := s.signedIn(r)
	if err != nil {
		return err
	}
	if !v.IsAdmin() {
		return &film.ForbiddenError{Action: "protect", Reason: "only admins protect dossiers"}
	}
	slug := r.PathValue("slug")
	level := strings.TrimSpace(r.PostFormValue("level"))
	if level == "none" {
		level = ""
	}
	days, err := formInt(r, "days")
	if err != nil {
		return err
	}
	var until time.Time
	if days > 0 {
		until = time.Now().Add(time.Duration(days) * 24 * time.Hour)
	}
	if err := s.store.ProtectDossier(r.Context(), slug, level, until, strings.TrimSpace(r.PostFormValue("reason")), v.ID); err != nil {
		return err
	}
	return seeOther(w, r, "/films/"+slug+"/history")
}
