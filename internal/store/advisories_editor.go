package store

import (
	"context"
	"database/sql"
	"fmt"

	"marquee/internal/film"
)

// PutEditorAdvisories grades some of a film's advisory categories as an
// editor (source "editor"), leaving the others as they are. A category
// another source has already graded differently is not overwritten
// silently: unless replace names it, the whole call is refused with a
// film.ValidationError whose field is "severity_<category>", and nothing
// changes. The same grade and note as another source's is a confirmation
// and needs no replace (the row then names the editor). It returns the
// categories whose other source's grade it replaced.
func (s *Store) PutEditorAdvisories(ctx context.Context, filmSlug string, as []film.Advisory, replace map[film.AdvisoryCategory]bool) ([]film.AdvisoryCategory, error) {
	for _, a := range as {
		if err := a.Validate(); err != nil {
			return nil, err
		}
	}
	var replaced []film.AdvisoryCategory
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		replaced = nil
		fid, err := filmID(ctx, tx, "advisories", filmSlug)
		if err != nil {
			return err
		}
		for _, a := range as {
			var sev, note, src string
			err := tx.QueryRowContext(ctx, "SELECT severity, note, source FROM advisories WHERE film_id = $1 AND category = $2",
				fid, string(a.Category)).Scan(&sev, &note, &src)
			switch {
			case err == sql.ErrNoRows:
			case err != nil:
				return err
			case src != string(film.SourceEditor) && (sev != string(a.Severity) || note != a.Note):
				if !replace[a.Category] {
					return &film.ValidationError{Entity: "advisory", Field: "severity_" + string(a.Category),
						Reason: fmt.Sprintf("%s is already graded %s by the %s; tick “replace” to override that grade", a.Category.Label(), sev, src)}
				}
				replaced = append(replaced, a.Category)
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO advisories (film_id, category, severity, note, source) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (film_id, category) DO UPDATE SET severity = excluded.severity, note = excluded.note, source = excluded.source`,
				fid, string(a.Category), string(a.Severity), a.Note, string(film.SourceEditor))
			if err != nil {
				return s.wrap(err, "put", "advisory", filmSlug+"/"+string(a.Category))
			}
		}
		return nil
	})
	return replaced, err
}
