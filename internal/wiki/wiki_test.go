package wiki

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"marquee/internal/demo"
	"marquee/internal/dossier"
	"marquee/internal/film"
	"marquee/internal/store"
)

const slug = "red-rocket-2021"

func demoWiki(t *testing.T) (*Wiki, *store.Store) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "wiki.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	return New(st), st
}

func current(t *testing.T, st *store.Store) *store.StoredRevision {
	t.Helper()
	r, err := st.DossierRevisionAt(context.Background(), slug, 0)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// replace swaps one paragraph of the text for another, failing if the old
// one is not there.
func replace(t *testing.T, text, old, new string) string {
	t.Helper()
	if !strings.Contains(text, old) {
		t.Fatalf("%q not in the dossier text", old)
	}
	return strings.Replace(text, old, new, 1)
}

func TestImportedDossierKeepsItsText(t *testing.T) {
	_, st := demoWiki(t)
	cur := current(t, st)
	if cur.Text == "" || cur.Kind != film.RevisionImport || cur.Size != len(cur.Text) {
		t.Fatalf("demo revision: kind %q, size %d, text %d bytes", cur.Kind, cur.Size, len(cur.Text))
	}
	if cur.Text != string(dossier.RenderText(cur.Dossier)) {
		t.Error("the stored text is not the dossier's text form")
	}
}

// TestConflictMergesDisjointEdits is the two-editor story: both open the
// dossier at the same revision; the first save lands, the second is
// refused with a proposal holding both changes.
func TestConflictMergesDisjointEdits(t *testing.T) {
	w, st := demoWiki(t)
	ctx := context.Background()
	cur := current(t, st)
	base := cur.Revision.Revision
	paras := strings.Split(strings.TrimSpace(cur.Text), "\n\n")
	if len(paras) < 10 {
		t.Fatalf("demo dossier has only %d paragraphs", len(paras))
	}
	first, last := paras[3], paras[len(paras)-2]
	ann := replace(t, cur.Text, first, first+" Ann's addition.")
	bob := replace(t, cur.Text, last, last+" Bob's addition.")
	rev, err := w.Save(ctx, slug, base, ann, "ann's edit", Editor{Name: "ann"}, film.RevisionEdit)
	if err != nil {
		t.Fatal(err)
	}
	if rev != base+1 {
		t.Fatalf("ann's revision %d, want %d", rev, base+1)
	}
	_, err = w.Save(ctx, slug, base, bob, "bob's edit", Editor{Name: "bob"}, film.RevisionEdit)
	var c *Conflict
	if !errors.As(err, &c) {
		t.Fatalf("bob's stale save: %v, want a conflict", err)
	}
	if !c.Clean() || c.Current != rev || c.Yours != normalise(bob) {
		t.Fatalf("conflict: clean %v, current %d, passages %+v", c.Clean(), c.Current, c.Passages)
	}
	if !strings.Contains(c.Proposal, "Ann's addition.") || !strings.Contains(c.Proposal, "Bob's addition.") {
		t.Fatal("the proposal lost one of the edits")
	}
	if got := current(t, st); got.Revision.Revision != rev {
		t.Fatalf("a refused save changed the dossier to revision %d", got.Revision.Revision)
	}
	// Saving the proposal from the current revision lands.
	if _, err := w.Save(ctx, slug, c.Current, c.Proposal, "bob's edit, merged", Editor{Name: "bob"}, film.RevisionEdit); err != nil {
		t.Fatal(err)
	}
	// Overlapping edits are reported as passages, with the current text kept.
	cur = current(t, st)
	x := replace(t, cur.Text, first+" Ann's addition.", "Xavier's version.")
	y := replace(t, cur.Text, first+" Ann's addition.", "Yvonne's version.")
	if _, err := w.Save(ctx, slug, cur.Revision.Revision, x, "", Editor{Name: "x"}, film.RevisionEdit); err != nil {
		t.Fatal(err)
	}
	_, err = w.Save(ctx, slug, cur.Revision.Revision, y, "", Editor{Name: "y"}, film.RevisionEdit)
	if !errors.As(err, &c) || c.Clean() || len(c.Passages) != 1 || !strings.Contains(c.Proposal, "Xavier's version.") {
		t.Fatalf("overlapping edits: %v", err)
	}
	if got := strings.Join(c.Passages[0].Ours, ""); !strings.Contains(got, "Yvonne's version.") {
		t.Errorf("the conflict passage lost the refused text: %q", got)
	}
}

func TestUndoAndRollback(t *testing.T) {
	w, st := demoWiki(t)
	ctx := context.Background()
	orig := current(t, st)
	paras := strings.Split(strings.TrimSpace(orig.Text), "\n\n")
	a, b := paras[2], paras[len(paras)-3]
	t1 := replace(t, orig.Text, a, a+" [one]")
	r1, err := w.Save(ctx, slug, orig.Revision.Revision, t1, "one", Editor{UserID: 0, Name: "ann"}, film.RevisionEdit)
	if err != nil {
		t.Fatal(err)
	}
	t2 := replace(t, t1, b, b+" [two]")
	r2, err := w.Save(ctx, slug, r1, t2, "two", Editor{Name: "bob"}, film.RevisionEdit)
	if err != nil {
		t.Fatal(err)
	}
	// Undo ann's older revision: bob's later edit elsewhere stays.
	r3, err := w.Undo(ctx, slug, r1, Editor{Name: "eve"})
	if err != nil {
		t.Fatal(err)
	}
	got := current(t, st)
	if strings.Contains(got.Text, "[one]") || !strings.Contains(got.Text, "[two]") {
		t.Fatalf("after undo of r%d: [one] %v, [two] %v", r1, strings.Contains(got.Text, "[one]"), strings.Contains(got.Text, "[two]"))
	}
	if got.Kind != film.RevisionUndo || got.Revision.Revision != r3 || !strings.Contains(got.Summary, "Undo revision") {
		t.Errorf("undo revision: %+v", got.Revision)
	}
	// Undoing r2 now conflicts? No: [two] is still there as r2 left it.
	if _, err := w.Undo(ctx, slug, r2, Editor{Name: "eve"}); err != nil {
		t.Fatalf("undo of r%d: %v", r2, err)
	}
	if strings.Contains(current(t, st).Text, "[two]") {
		t.Fatal("undo of r2 left [two]")
	}
	// A passage changed again after the revision cannot be undone cleanly.
	cur := current(t, st)
	t5 := replace(t, cur.Text, b, b+" [five]")
	r5, _ := w.Save(ctx, slug, cur.Revision.Revision, t5, "", Editor{Name: "mal"}, film.RevisionEdit)
	t6 := replace(t, t5, b+" [five]", b+" [six]")
	if _, err := w.Save(ctx, slug, r5, t6, "", Editor{Name: "mal"}, film.RevisionEdit); err != nil {
		t.Fatal(err)
	}
	var c *Conflict
	if _, err := w.Undo(ctx, slug, r5, Editor{Name: "eve"}); !errors.As(err, &c) || c.Clean() {
		t.Fatalf("undo of an overwritten revision: %v, want a conflict", err)
	}
	// Rollback takes back both of mal's edits at once.
	before := cur.Text
	_, n, err := w.Rollback(ctx, slug, Editor{Name: "eve"})
	if err != nil || n != 2 {
		t.Fatalf("rollback: %d edits, %v", n, err)
	}
	if got := current(t, st); got.Text != before || got.Kind != film.RevisionRollback {
		t.Errorf("rollback did not restore the text before mal's edits (kind %q)", got.Kind)
	}
}

func TestUnparseableEditRefused(t *testing.T) {
	w, st := demoWiki(t)
	cur := current(t, st)
	_, err := w.Save(context.Background(), slug, cur.Revision.Revision, "\x00\x01\x02", "", Editor{Name: "x"}, film.RevisionEdit)
	var pe *dossier.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("binary text: %v, want the parser's error", err)
	}
	if current(t, st).Revision.Revision != cur.Revision.Revision {
		t.Error("a refused edit made a revision")
	}
}

func TestSectionEdit(t *testing.T) {
	w, st := demoWiki(t)
	ctx := context.Background()
	cur := current(t, st)
	i := -1
	for k, s := range cur.Dossier.Sections {
		if s.Kind == film.SectionFanTheories {
			i = k
		}
	}
	if i < 0 {
		t.Fatal("the demo dossier has no fan theories section")
	}
	part, err := SectionText(cur.Dossier, i)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.TrimRight(part, "\n") + "\n\nA new theory: Strawberry was never real.\n"
	whole, err := w.SpliceSection(ctx, slug, cur.Dossier, i, edited)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Save(ctx, slug, cur.Revision.Revision, whole, "fan theory", Editor{Name: "ann"}, film.RevisionEdit); err != nil {
		t.Fatal(err)
	}
	got := current(t, st).Dossier
	if len(got.Sections) != len(cur.Dossier.Sections) {
		t.Fatalf("section count %d → %d", len(cur.Dossier.Sections), len(got.Sections))
	}
	if !strings.Contains(got.Sections[i].Text, "Strawberry was never real") || got.Sections[i].Kind != film.SectionFanTheories {
		t.Errorf("edited section: %+v", got.Sections[i].Heading)
	}
	if got.Sections[0].Heading != cur.Dossier.Sections[0].Heading {
		t.Error("another section changed")
	}
}
