package web

import (
	"context"
	"errors"
	"net/http"

	"marquee/internal/dossier"
	"marquee/internal/film"
	"marquee/internal/wiki"
)

// editSave saves (or, with the preview button, only previews) an edit of
// a film's dossier. The form carries the revision it began from; a save
// over a newer revision is refused with both texts and a merged proposal.
// An edit that does not parse is refused with the parser's message and
// the text kept in the form.
func (s *Server) editSave(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	slug := r.PathValue("slug")
	if err := parseForm(w, r); err != nil {
		return err
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
		return &film.ForbiddenError{Action: "edit", Reason: "the dossier is protected: only " + prot.Level + "s may edit it"}
	}
	base, err := formInt(r, "base")
	if err != nil {
		return err
	}
	section := -1
	if r.PostFormValue("section") != "" {
		if section, err = formInt(r, "section"); err != nil {
			return err
		}
	}
	p := &editPage{Viewer: v, Film: headOf(f), BaseRev: base, Section: section, Protection: prot,
		Text: r.PostFormValue("text"), Summary: r.PostFormValue("summary"), Heading: r.PostFormValue("heading")}
	p.Base = s.newBase(r, "Editing "+headOf(f).Label(), "")
	p.NoIndex = true
	text, err := s.wholeText(ctx, slug, base, section, p.Text)
	if err == nil && r.PostFormValue("preview") != "" {
		var d *film.Dossier
		if d, err = s.wiki.Parse(ctx, slug, text); err == nil {
			p.Preview = newDossierView(d)
			s.render(w, r, http.StatusOK, "edit", p)
			return nil
		}
	}
	if err == nil {
		_, err = s.wiki.Save(ctx, slug, base, text, p.Summary, wiki.Editor{UserID: v.ID, Name: v.Name}, film.RevisionEdit)
	}
	var (
		conflict *wiki.Conflict
		pe       *dossier.ParseError
	)
	switch {
	case err == nil:
		return seeOther(w, r, "/films/"+slug+"/history")
	case errors.As(err, &conflict):
		p.Conflict = &editConflict{Current: conflict.Current, Theirs: conflict.Theirs, Yours: conflict.Yours,
			Clean: conflict.Clean(), Passages: conflict.Passages}
		p.BaseRev, p.Section, p.Text = conflict.Current, -1, conflict.Proposal
		s.render(w, r, http.StatusConflict, "edit", p)
		return nil
	case errors.As(err, &pe):
		p.Error = "The dossier parser could not read this text: " + pe.Reason
	case formMessage(err) != "":
		p.Error = formMessage(err)
	default:
		return err
	}
	s.render(w, r, http.StatusBadRequest, "edit", p)
	return nil
}

// wholeText is the whole dossier text an edit saves: the posted text, or
// for a section edit the current dossier with that section replaced.
func (s *Server) wholeText(ctx context.Context, slug string, base, section int, text string) (string, error) {
	if section < 0 {
		return text, nil
	}
	rev, err := s.store.DossierRevisionAt(ctx, slug, base)
	if err != nil {
		return "", err
	}
	return s.wiki.SpliceSection(ctx, slug, rev.Dossier, section, text)
}
