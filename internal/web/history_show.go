package web

import (
	"net/http"

	"marquee/internal/film"
)

// historyPageSize is the number of revisions a history page lists (as on Wikipedia).
const historyPageSize = 50

func (s *Server) historyShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	slug := r.PathValue("slug")
	f, err := s.store.GetFilm(ctx, slug)
	if err != nil {
		return err
	}
	before, err := intParam(r, "before", 0, 0, 1<<30)
	if err != nil {
		return err
	}
	revs, err := s.store.DossierHistory(ctx, slug, before, historyPageSize+1)
	if err != nil {
		return err
	}
	prot, err := s.store.DossierProtection(ctx, slug)
	if err != nil {
		return err
	}
	v := s.viewerOf(r)
	p := &historyPage{Viewer: v, Film: headOf(f), Protection: prot, CanEdit: v.mayEdit(protLevel(prot))}
	if len(revs) > historyPageSize {
		revs = revs[:historyPageSize]
		p.Older = revs[len(revs)-1].Revision
	}
	p.Revisions = revs
	nums, err := s.store.DossierRevisionNumbers(ctx, slug)
	if err != nil {
		return err
	}
	p.Total, p.pager = len(nums), historyPager(r, nums, before, historyPageSize)
	if before == 0 && len(revs) > 0 {
		p.Current = revs[0].Revision
		n := 0
		for n < len(revs) && sameAuthor(revs[n], revs[0]) {
			n++
		}
		if n < len(revs) {
			p.RollbackAuthor, p.RollbackCount = revs[0].Author, n
		}
	}
	p.Base = s.newBase(r, "History of "+headOf(f).Label(), "Every revision of the dossier on "+headOf(f).Label()+", with who made it and why.")
	p.NoIndex = true
	s.render(w, r, http.StatusOK, "history", p)
	return nil
}

// sameAuthor reports whether two revisions are by one author.
func sameAuthor(a, b film.Revision) bool {
	if a.UserID != 0 || b.UserID != 0 {
		return a.UserID == b.UserID
	}
	return a.Author == b.Author
}
