// Package wiki edits dossiers the way a wiki does: every save is a
// revision parsed by the dossier parser, an edit begun from an older
// revision is refused with a merged proposal, one revision can be undone
// and a run of one author's edits rolled back. The diffs and merges are
// internal/diff's; the parser is internal/dossier's; the rows are the
// store's.
package wiki

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"marquee/internal/diff"
	"marquee/internal/dossier"
	"marquee/internal/film"
	"marquee/internal/store"
)

// Editor is who saves a revision.
type Editor struct {
	UserID int64
	Name   string
}

// Wiki holds what editing needs.
type Wiki struct {
	store *store.Store
}

// New returns a Wiki over s.
func New(s *store.Store) *Wiki { return &Wiki{store: s} }

// Conflict is an edit refused because another revision landed after the
// one it began from. Nothing was saved; the form is shown again with both
// versions and Proposal, which applies both edits where they do not
// overlap and keeps the current text where they do (Passages lists those).
type Conflict struct {
	Base     int    // the revision the edit began from
	Current  int    // the revision that is current now
	Theirs   string // the current text
	Yours    string // the text that was submitted
	Proposal string
	Passages []diff.Conflict
}

func (c *Conflict) Error() string {
	return fmt.Sprintf("edit conflict: the dossier is now at revision %d; this edit began from revision %d", c.Current, c.Base)
}

// Clean reports whether the two edits touched different passages, so the
// proposal holds both without loss.
func (c *Conflict) Clean() bool { return len(c.Passages) == 0 }

// Text returns the text form of a stored revision: the text it was saved
// from, or the dossier rendered as text when that was not kept.
func Text(r *store.StoredRevision) string {
	if r.Text != "" {
		return r.Text
	}
	return string(dossier.RenderText(r.Dossier))
}

// Parse reads an edited text as the dossier of the film slug, the way an
// imported article is read, so the stored structure is the parser's.
func (w *Wiki) Parse(ctx context.Context, slug, text string) (*film.Dossier, error) {
	f, err := w.store.GetFilm(ctx, slug)
	if err != nil {
		return nil, err
	}
	directors, err := w.store.Directors(ctx, slug)
	if err != nil {
		return nil, err
	}
	opts := &dossier.Options{Title: f.Title, Year: f.Year, Slug: f.Slug, Directors: directors, Catalog: w.store.Linker(ctx)}
	d, err := dossier.Parse(slug, []byte(text), opts)
	if err != nil {
		return nil, err
	}
	d.Source = "edit"
	return d, nil
}

// Save stores text as a new revision of the film's dossier, begun from
// revision base. Text that does not parse is refused with the parser's
// *dossier.ParseError; a base that is no longer current gives a *Conflict.
func (w *Wiki) Save(ctx context.Context, slug string, base int, text, summary string, by Editor, kind film.RevisionKind) (int, error) {
	text = normalise(text)
	if len(summary) > film.MaxEditSummary {
		return 0, &film.ValidationError{Entity: "edit", Field: "summary", Reason: fmt.Sprintf("is longer than %d bytes", film.MaxEditSummary)}
	}
	d, err := w.Parse(ctx, slug, text)
	if err != nil {
		return 0, err
	}
	rev, err := w.store.EditDossier(ctx, slug, base, d, store.RevisionInput{
		Author: by.Name, UserID: by.UserID, Summary: strings.TrimSpace(summary), Text: text, Kind: kind,
	})
	var ec *film.EditConflictError
	if errors.As(err, &ec) {
		return 0, w.conflict(ctx, slug, ec, text)
	}
	return rev, err
}

// conflict builds the refusal of an edit of text begun from ec.Base.
func (w *Wiki) conflict(ctx context.Context, slug string, ec *film.EditConflictError, text string) error {
	cur, err := w.store.DossierRevisionAt(ctx, slug, ec.Current)
	if err != nil {
		return err
	}
	c := &Conflict{Base: ec.Base, Current: ec.Current, Theirs: Text(cur), Yours: text}
	var base []string
	if ec.Base > 0 {
		b, err := w.store.DossierRevisionAt(ctx, slug, ec.Base)
		if err != nil {
			return err
		}
		base = diff.Paragraphs(Text(b))
	}
	merged, passages := diff.Merge3(base, diff.Paragraphs(text), diff.Paragraphs(c.Theirs))
	c.Proposal, c.Passages = diff.Join(merged), passages
	return c
}

// Undo applies the inverse of revision rev to the current dossier: the
// change rev made is taken back where the text it changed is still there.
// When later edits changed the same passages, it returns a *Conflict
// whose Proposal is the current text with what could be undone, for the
// edit form.
func (w *Wiki) Undo(ctx context.Context, slug string, rev int, by Editor) (int, error) {
	if rev < 2 {
		return 0, &film.ValidationError{Entity: "undo", Field: "revision", Reason: "the first revision cannot be undone; edit the dossier instead"}
	}
	target, err := w.store.DossierRevisionAt(ctx, slug, rev)
	if err != nil {
		return 0, err
	}
	before, err := w.store.DossierRevisionAt(ctx, slug, rev-1)
	if err != nil {
		return 0, err
	}
	cur, err := w.store.DossierRevisionAt(ctx, slug, 0)
	if err != nil {
		return 0, err
	}
	merged, passages := diff.Merge3(diff.Paragraphs(Text(target)), diff.Paragraphs(Text(before)), diff.Paragraphs(Text(cur)))
	text := diff.Join(merged)
	if len(passages) > 0 {
		return 0, &Conflict{Base: rev, Current: cur.Revision.Revision, Theirs: Text(cur), Yours: Text(before), Proposal: text, Passages: passages}
	}
	summary := fmt.Sprintf("Undo revision %d", rev)
	if target.Author != "" {
		summary += " by " + target.Author
	}
	return w.Save(ctx, slug, cur.Revision.Revision, text, summary, by, film.RevisionUndo)
}

// Rollback reverts the run of consecutive latest revisions made by the
// author of the current revision, restoring the revision before the run.
// It returns the new revision and how many were rolled back.
func (w *Wiki) Rollback(ctx context.Context, slug string, by Editor) (rev, undone int, err error) {
	h, err := w.store.DossierHistory(ctx, slug, 0, 1000)
	if err != nil {
		return 0, 0, err
	}
	if len(h) == 0 {
		return 0, 0, &film.NotFoundError{Entity: "dossier", Key: slug}
	}
	same := func(r film.Revision) bool {
		if h[0].UserID != 0 {
			return r.UserID == h[0].UserID
		}
		return r.UserID == 0 && r.Author == h[0].Author
	}
	n := 0
	for n < len(h) && same(h[n]) {
		n++
	}
	if n == len(h) {
		return 0, 0, &film.ValidationError{Entity: "rollback", Field: "revision", Reason: "every revision is by " + h[0].Author + "; there is nothing earlier to restore"}
	}
	good, err := w.store.DossierRevisionAt(ctx, slug, h[n].Revision)
	if err != nil {
		return 0, 0, err
	}
	who := h[0].Author
	if who == "" {
		who = "a deleted account"
	}
	summary := fmt.Sprintf("Rollback of %d edit(s) by %s to revision %d", n, who, good.Revision.Revision)
	rev, err = w.Save(ctx, slug, h[0].Revision, Text(good), summary, by, film.RevisionRollback)
	return rev, n, err
}

// Compare returns the paragraph and word-level comparison of two
// revisions of a film's dossier.
func (w *Wiki) Compare(ctx context.Context, slug string, from, to int) (a, b *store.StoredRevision, blocks []diff.Block, st diff.Stats, err error) {
	if a, err = w.store.DossierRevisionAt(ctx, slug, from); err != nil {
		return
	}
	if b, err = w.store.DossierRevisionAt(ctx, slug, to); err != nil {
		return
	}
	blocks, st = diff.Texts(Text(a), Text(b))
	return
}

// SectionText returns the text form of section i of d alone.
func SectionText(d *film.Dossier, i int) (string, error) {
	if i < 0 || i >= len(d.Sections) {
		return "", &film.ValidationError{Entity: "edit", Field: "section", Reason: fmt.Sprintf("there is no section %d", i)}
	}
	one := &film.Dossier{Sections: d.Sections[i : i+1]}
	if d.Sections[i].Kind == film.SectionFAQ {
		one.FAQ = d.FAQ
	}
	return string(dossier.RenderText(one)), nil
}

// SpliceSection returns the text of the whole dossier d with section i
// replaced by the sections of text (the edit of one section), so the save
// is of the whole dossier, as every revision is.
func (w *Wiki) SpliceSection(ctx context.Context, slug string, d *film.Dossier, i int, text string) (string, error) {
	if i < 0 || i >= len(d.Sections) {
		return "", &film.ValidationError{Entity: "edit", Field: "section", Reason: fmt.Sprintf("there is no section %d", i)}
	}
	part, err := w.Parse(ctx, slug, text)
	if err != nil {
		return "", err
	}
	whole := *d
	whole.Sections = append(append(append([]film.Section(nil), d.Sections[:i]...), part.Sections...), d.Sections[i+1:]...)
	if d.Sections[i].Kind == film.SectionFAQ {
		whole.FAQ = part.FAQ
	}
	return string(dossier.RenderText(&whole)), nil
}

// normalise gives submitted text one form: "\n" line ends, no trailing
// blank lines, one final newline.
func normalise(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return strings.TrimRight(text, "\n \t") + "\n"
}
