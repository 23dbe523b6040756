package store

import (
	"context"

	"marquee/internal/film"
	"marquee/internal/knowledge"
)

// currentSections lists the film's dossier sections as they are now, for
// "where to read more": read at request time from dossier_sections (which
// every dossier write rewrites), so that a dossier replaced since the last
// knowledge refresh never lists headings it no longer has. The FAQ is
// left out, as the refresh leaves it out.
func currentSections(ctx context.Context, q querier, fid int64, slug string) ([]film.Source, error) {
	rows, err := q.QueryContext(ctx, `SELECT kind, heading FROM dossier_sections WHERE film_id = $1 ORDER BY ord`, fid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []film.Source
	for rows.Next() {
		var sec film.Section
		var kind string
		if err := rows.Scan(&kind, &sec.Heading); err != nil {
			return nil, err
		}
		sec.Kind = film.SectionKind(kind)
		if sec.Kind == film.SectionFAQ {
			continue
		}
		label := sec.Heading
		if label == "" {
			label = sec.Kind.Label()
		}
		out = append(out, film.Source{Kind: film.SourceArticle, Label: label, URL: "/films/" + slug + "#" + knowledge.SectionAnchor(sec)})
	}
	return out, rows.Err()
}
