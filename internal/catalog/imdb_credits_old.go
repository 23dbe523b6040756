package catalog

import (
	"context"
	"fmt"

	"marquee/internal/store"
)

// Imports before multi-character credits wrote one credit per character
// ("Ani" and "Anora Mikheeva" as two cast credits of one person in one
// film). Principals now write one credit whose character_name joins them
// in IMDb's order; mergeOldCharacterRows removes the old rows it
// replaces, so that a re-import leaves exactly one credit per film,
// person and role. Only the old shape is touched: rows of that film,
// person and role named after exactly one of the characters of this
// row (store.BulkMergeOldCharacterRows). Films this import adds cannot
// hold such rows and cost nothing.
func (l *imdbLoad) mergeOldCharacterRows(ctx context.Context, fid, pid int64, role string, chars []string) error {
	if len(chars) < 2 || fid >= l.firstNew || l.w == nil {
		return nil
	}
	n, err := store.BulkMergeOldCharacterRows(ctx, l.db, l.w, fid, pid, role, chars)
	l.oldCharacterRows += n
	return err
}

// oldCharacterNote says how many old rows principals merged, if any.
func (l *imdbLoad) oldCharacterNote() {
	if l.oldCharacterRows > 0 {
		l.sum.Notes = append(l.sum.Notes, fmt.Sprintf(
			"merged %d one-row-per-character credits of an earlier import into one credit each (characters joined in IMDb's order)", l.oldCharacterRows))
	}
}
