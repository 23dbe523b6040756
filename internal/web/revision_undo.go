package web

import (
	"errors"
	"net/http"
	"strconv"

	"marquee/internal/film"
	"marquee/internal/wiki"
)

// revisionUndo takes back one revision. When later edits changed the same
// passages, the edit form opens with what could be undone and the
// conflicting passages listed.
func (s *Server) revisionUndo(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	slug := r.PathValue("slug")
	rev, err := strconv.Atoi(r.PathValue("rev"))
	if err != nil || rev < 1 {
		return &film.NotFoundError{Entity: "revision", Key: r.PathValue("rev")}
	}
	f, err := s.store.GetFilm(ctx, slug)
	if err != nil {
		return err
	}
	v, err := s.signedIn(r)
	if err != nil {
		return err
	}
	prot, err := s.store.DossierProtection(ctx, slug)
	if err != nil {
		return err
	}
	if !v.mayEdit(protLevel(prot)) {
		return &film.ForbiddenError{Action: "undo", Reason: "the dossier is protected: only " + prot.Level + "s may edit it"}
	}
	_, err = s.wiki.Undo(ctx, slug, rev, wiki.Editor{UserID: v.ID, Name: v.Name})
	var conflict *wiki.Conflict
	if errors.As(err, &conflict) {
		p := &editPage{Viewer: v, Film: headOf(f), BaseRev: conflict.Current, Section: -1, Protection: prot, Text: conflict.Proposal,
			Summary:  "Undo revision " + itoa(rev),
			Error:    "Revision " + itoa(rev) + " cannot be undone as it stands: later edits changed the same passages. The form holds what could be undone; resolve the passages below by hand.",
			Conflict: &editConflict{Current: conflict.Current, Theirs: conflict.Theirs, Yours: conflict.Yours, Passages: conflict.Passages}}
		p.Base = s.newBase(r, "Editing "+headOf(f).Label(), "")
		p.NoIndex = true
		s.render(w, r, http.StatusConflict, "edit", p)
		return nil
	}
	if err != nil {
		return err
	}
	return seeOther(w, r, "/films/"+slug+"/history")
}
