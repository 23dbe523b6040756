package web

import (
	"bytes"
	"net/http"

	"marquee/internal/httpx"
	"marquee/internal/store"
)

// A film page's members' block (ratings, reviews) is the only part of it
// that members' writes change (the similar list changes with their
// ratings too, but only when the refresher stores it, which marks the
// stamp with store.SimilarStamp and has the page rendered whole). The page marks it with these comments;
// when a film's member stamp has moved but the catalog stamp has not, the
// cache renders that block alone (a few indexed reads) and splices it into
// the page it already holds, instead of rendering the whole page again.
const (
	membersStart = "<!--members-->"
	membersEnd   = "<!--/members-->"
)

// spliceFunc renders the members' block of the film page r asks for, for
// an anonymous visitor, under the stamps already read.
type spliceFunc func(r *http.Request, filmID int64) ([]byte, error)

// markFilmPage records, on a film page about to be cached, its film and
// where its members' block lies.
func markFilmPage(p *cachedPage, data page) {
	fp, ok := data.(*filmPage)
	if !ok {
		return
	}
	if start, end, ok := memberRegion(p.body); ok {
		p.filmID, p.regionStart, p.regionEnd = fp.View.Film.ID, start, end
	}
}

// memberRegion finds the marked block in body: the offsets just inside the
// marks, or ok false when the page has none (or more than one).
func memberRegion(body []byte) (start, end int, ok bool) {
	i := bytes.Index(body, []byte(membersStart))
	j := bytes.Index(body, []byte(membersEnd))
	if i < 0 || j < i || bytes.Count(body, []byte(membersStart)) != 1 {
		return 0, 0, false
	}
	return i + len(membersStart), j, true
}

// spliced returns p with its members' block replaced by block, kept under
// st. The new page is a new value: readers of p keep a whole page.
func (p *cachedPage) spliced(block []byte, st stamps) *cachedPage {
	body := make([]byte, 0, len(p.body)-(p.regionEnd-p.regionStart)+len(block))
	body = append(body, p.body[:p.regionStart]...)
	body = append(body, block...)
	body = append(body, p.body[p.regionEnd:]...)
	q := &cachedPage{body: body, modified: p.modified, noIndex: p.noIndex, stamps: st, filmID: p.filmID,
		regionStart: p.regionStart, regionEnd: p.regionStart + len(block)}
	q.etag = httpx.ETag(body)
	return q
}

// splice tries to bring p up to the stamps st by re-rendering its members'
// block alone; it returns nil when p cannot be brought up that way.
func (c *pageCache) splice(r *http.Request, p *cachedPage, st stamps, gen uint64) *cachedPage {
	if c.spliceBlock == nil || p == nil || p.filmID == 0 || p.regionEnd == 0 ||
		p.stamps.catalog != st.catalog || p.stamps.film > st.film || store.SimilarChanged(p.stamps.film, st.film) {
		return nil // the similar list, outside the block, changed too
	}
	block, err := c.spliceBlock(r, p.filmID)
	if err != nil {
		return nil
	}
	q := p.spliced(block, st)
	q.checked.Store(gen)
	key := cacheKey(r)
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.pages[key]; old == p {
		c.pages[key] = q
		c.bytes += len(q.body) - len(p.body)
	}
	return q
}

// renderMembersBlock is the spliceFunc of the server: the film page's
// members' block, rendered from the film template's own definition.
func (s *Server) renderMembersBlock(r *http.Request, filmID int64) ([]byte, error) {
	m, err := s.filmMembersOf(r.Context(), r, filmID, r.PathValue("slug"), true)
	if err != nil {
		return nil, err
	}
	tp, err := s.tmpl.lookup("film")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := tp.ExecuteTemplate(&buf, "members-film", m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
