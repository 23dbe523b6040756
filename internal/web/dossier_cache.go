package web

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"marquee/internal/store"
)

// dossierCache keeps each dossier's reading view and rendered HTML under
// the film, revision and update time it was built from. The version is
// read from the database on every request, and a revision names one body
// for good, so another process writing a new revision is seen at once;
// this is safe on every engine, PostgreSQL included.
type dossierCache struct {
	mu      sync.RWMutex
	entries map[string]*dossierEntry
}

type dossierEntry struct {
	view *dossierView // read-only once built
	html template.HTML
	toc  template.HTML // its entries in the page's contents
}

// maxDossiers bounds the cache; it is emptied when full.
const maxDossiers = 512

// cached returns the entry kept for a film's dossier revision, or nil.
func (c *dossierCache) cached(slug string, rev int, updated int64) *dossierEntry {
	key := fmt.Sprintf("%s/%d/%d", slug, rev, updated)
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.entries[key]
}

// dossier returns the view and HTML of the dossier a film record names,
// or nil when the film has none: hit when the cache held its revision
// (and the record then carries no body), else built from the body.
func (s *Server) dossier(rec *store.FilmRecord, hit *dossierEntry) (*dossierEntry, error) {
	if rec.DossierRevision == 0 {
		return nil, nil
	}
	if hit != nil {
		return hit, nil
	}
	slug, rev, updated := rec.Film.Slug, rec.DossierRevision, rec.DossierUpdated
	c := &s.dossiers
	d := rec.Dossier
	if d == nil {
		return nil, fmt.Errorf("dossier of %s: revision %d has no body", slug, rev)
	}
	e := &dossierEntry{view: newDossierView(d)}
	tp, err := s.tmpl.lookup("film")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := tp.ExecuteTemplate(&buf, "dossier", e.view); err != nil {
		return nil, fmt.Errorf("render dossier of %s: %w", slug, err)
	}
	e.html = template.HTML(buf.String())
	buf.Reset()
	if err := tp.ExecuteTemplate(&buf, "dossier-toc", e.view); err != nil {
		return nil, fmt.Errorf("render contents of %s: %w", slug, err)
	}
	e.toc = template.HTML(buf.String())
	// Keep it only if the body is the revision the key names, and never
	// while templates reload.
	if d.Revision == rev && !s.tmpl.dev {
		key := fmt.Sprintf("%s/%d/%d", slug, rev, updated)
		c.mu.Lock()
		if c.entries == nil || len(c.entries) >= maxDossiers {
			c.entries = map[string]*dossierEntry{}
		}
		c.entries[key] = e
		c.mu.Unlock()
	}
	return e, nil
}
