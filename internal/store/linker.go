package store

import "context"

// Linker answers the dossier parser's catalog questions ("is there a film
// called this?", "a person named that?") from the store. The parser's
// interface carries no context, so a Linker holds one: make one per parse
// and drop it after.
type Linker struct {
	ctx context.Context
	s   *Store
}

// Linker returns a Linker bound to ctx.
func (s *Store) Linker(ctx context.Context) *Linker { return &Linker{ctx: ctx, s: s} }

// FilmByTitle returns the slug of the best-known film with this title (in
// this year when year is not 0).
func (l *Linker) FilmByTitle(title string, year int) (string, bool) {
	f, err := l.s.FilmByTitle(l.ctx, title, year)
	if err != nil {
		return "", false
	}
	return f.Slug, true
}

// PersonByName returns the slug of the best-known person with this name.
func (l *Linker) PersonByName(name string) (string, bool) {
	p, err := l.s.PersonByName(l.ctx, name)
	if err != nil {
		return "", false
	}
	return p.Slug, true
}
