package web

import (
	"net/http"

	"marquee/internal/httpx"
)

func (s *Server) diffShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	slug := r.PathValue("slug")
	f, err := s.store.GetFilm(ctx, slug)
	if err != nil {
		return err
	}
	cur, err := s.store.DossierRevisionAt(ctx, slug, 0)
	if err != nil {
		return err
	}
	last := cur.Revision.Revision
	to, err := intParam(r, "to", last, 1, last)
	if err != nil {
		return err
	}
	from, err := intParam(r, "from", max(to-1, 1), 1, last)
	if err != nil {
		return err
	}
	if from > to {
		from, to = to, from
	}
	if from == to && to > 1 {
		return &httpx.ParamError{Param: "from", Reason: "must name a revision other than to"}
	}
	a, b, blocks, st, err := s.wiki.Compare(ctx, slug, from, to)
	if err != nil {
		return err
	}
	v := s.viewerOf(r)
	prot, err := s.store.DossierProtection(ctx, slug)
	if err != nil {
		return err
	}
	p := &diffPage{Viewer: v, Film: headOf(f), From: a.Revision, To: b.Revision, Stats: st, Blocks: foldDiff(blocks),
		CanEdit: v.mayEdit(protLevel(prot))}
	if to < last {
		p.Newer = to + 1
	}
	if from > 1 {
		p.Older = from - 1
	}
	label := headOf(f).Label()
	p.Base = s.newBase(r, "Changes to "+label+": revision "+itoa(from)+" to "+itoa(to), "What changed in the dossier on "+label+" between two revisions.")
	p.NoIndex = true
	s.render(w, r, http.StatusOK, "diff", p)
	return nil
}
