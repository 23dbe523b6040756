package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"sync"

	"marquee/internal/film"
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

// dossier returns the view and HTML of a film's dossier, or nil when the
// film has none.
func (s *Server) dossier(ctx context.Context, slug string) (*dossierEntry, error) {
	rev, updated, err := s.store.DossierVersion(ctx, slug)
	if errors.Is(err, film.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	key := fmt.Sprintf("%s/%d/%d", slug, rev, updated)
	c := &s.dossiers
	c.mu.RLock()
	e := c.entries[key]
	c.mu.RUnlock()
	if e != nil {
		return e, nil
	}
	d, err := s.store.GetDossier(ctx, slug)
	if err != nil {
		return nil, err
	}
	e = &dossierEntry{view: newDossierView(d)}
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
	// Keep it only if the body is the revision the key names (a newer one
	// may have landed in between), and never while templates reload.
	if d.Revision == rev && !s.tmpl.dev {
		c.mu.Lock()
		if c.entries == nil || len(c.entries) >= maxDossiers {
			c.entries = map[string]*dossierEntry{}
		}
		c.entries[key] = e
		c.mu.Unlock()
	}
	return e, nil
}
