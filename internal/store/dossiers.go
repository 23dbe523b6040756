package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"marquee/internal/film"
)

// PutDossier stores d as the dossier of the film filmSlug, replacing any
// previous one in place and keeping the old body as a revision. It returns
// the new revision number. Everything happens in one transaction.
func (s *Store) PutDossier(ctx context.Context, filmSlug string, d *film.Dossier, author string) (int, error) {
	if err := d.Validate(); err != nil {
		return 0, err
	}
	var rev int
	err := s.Transact(ctx, func(tx *sql.Tx) (err error) {
		rev, err = s.putDossier(ctx, tx, filmSlug, d, RevisionInput{Author: author})
		return err
	})
	if err != nil {
		return 0, s.wrap(err, "put", "dossier", filmSlug)
	}
	return rev, nil
}

func (s *Store) putDossier(ctx context.Context, tx *sql.Tx, filmSlug string, d *film.Dossier, in RevisionInput) (int, error) {
	fid, err := filmID(ctx, tx, "dossier", filmSlug)
	if err != nil {
		return 0, err
	}
	var rev int
	err = tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(revision), 0) + 1 FROM dossier_revisions WHERE film_id = $1", fid).Scan(&rev)
	if err != nil {
		return 0, err
	}
	d.Film.Slug = filmSlug
	d.Revision = rev
	body, err := json.Marshal(d)
	if err != nil {
		return 0, fmt.Errorf("encode dossier: %w", err)
	}
	t := now()
	if _, err := tx.ExecContext(ctx, `INSERT INTO dossiers (film_id, revision, body, source, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $5)
		ON CONFLICT (film_id) DO UPDATE SET revision = excluded.revision, body = excluded.body,
			source = excluded.source, updated_at = excluded.updated_at`, fid, rev, string(body), d.Source, t); err != nil {
		return 0, err
	}
	if in.Kind == "" {
		in.Kind = film.RevisionImport
	}
	size := -1
	if in.Text != "" {
		size = len(in.Text)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO dossier_revisions (film_id, revision, body, author, created_at, note, text, size, kind, parent, user_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		fid, rev, string(body), in.Author, t, in.Summary, in.Text, size, string(in.Kind), in.Parent, nullID(in.UserID)); err != nil {
		return 0, err
	}
	if err := projectDossier(ctx, tx, fid, d); err != nil {
		return 0, err
	}
	if err := putArticleFacts(ctx, tx, fid, rev, d); err != nil {
		return 0, err
	}
	return rev, putArticleBios(ctx, tx, fid, filmSlug, d)
}

// projectDossier rewrites the rows derived from a dossier: its sections
// (for search), its links (for "mentioned in") and its quotes.
func projectDossier(ctx context.Context, tx *sql.Tx, fid int64, d *film.Dossier) error {
	for _, t := range []string{"dossier_sections", "dossier_links", "quotes"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+t+" WHERE film_id = $1", fid); err != nil {
			return err
		}
	}
	for i, sec := range d.Sections {
		if _, err := tx.ExecContext(ctx, "INSERT INTO dossier_sections (film_id, ord, kind, heading, text) VALUES ($1, $2, $3, $4, $5)",
			fid, i, string(sec.Kind), sec.Heading, sec.Text); err != nil {
			return err
		}
	}
	if len(d.FAQ) > 0 && d.Section(film.SectionFAQ) == nil {
		var b strings.Builder
		for _, f := range d.FAQ {
			b.WriteString(f.Question + "\n" + f.Answer + "\n\n")
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO dossier_sections (film_id, ord, kind, heading, text) VALUES ($1, $2, $3, $4, $5)",
			fid, len(d.Sections), string(film.SectionFAQ), "FAQ", b.String()); err != nil {
			return err
		}
	}
	links := map[[2]string]string{}
	add := func(kind, name, slug string) {
		k := [2]string{kind, name}
		if links[k] == "" {
			links[k] = slug
		}
	}
	for _, n := range d.Mentions.Films {
		add("film", n, "")
	}
	for _, n := range d.Mentions.People {
		add("person", n, "")
	}
	for _, n := range d.Mentions.Places {
		add("place", n, "")
	}
	for _, n := range d.Mentions.Publications {
		add("publication", n, "")
	}
	for _, l := range d.Links {
		links[[2]string{l.Kind, l.Name}] = l.Slug
	}
	for k, slug := range links {
		if slug == "" && (k[0] == "place" || k[0] == "publication") {
			slug = film.Slugify(k[1])
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO dossier_links (film_id, kind, name, slug) VALUES ($1, $2, $3, $4)",
			fid, k[0], k[1], slug); err != nil {
			return err
		}
	}
	for i, q := range d.Quotes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO quotes (film_id, ord, text, speaker, speaker_slug, source, section)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, fid, i, q.Text, q.Speaker, q.SpeakerSlug, q.Source, string(q.Section)); err != nil {
			return err
		}
	}
	return nil
}

// GetDossier returns the current dossier of a film.
func (s *Store) GetDossier(ctx context.Context, filmSlug string) (*film.Dossier, error) {
	return s.getDossier(ctx, s.read, filmSlug)
}

func (s *Store) getDossier(ctx context.Context, q querier, filmSlug string) (*film.Dossier, error) {
	var (
		body    string
		updated int64
	)
	err := q.QueryRowContext(ctx, `SELECT d.body, d.updated_at FROM dossiers d JOIN films f ON f.id = d.film_id
		WHERE f.slug = $1`, filmSlug).Scan(&body, &updated)
	if err != nil {
		return nil, s.wrap(notFound(err, "dossier", filmSlug), "get", "dossier", filmSlug)
	}
	var d film.Dossier
	if err := json.Unmarshal([]byte(body), &d); err != nil {
		return nil, fmt.Errorf("decode dossier of %q: %w", filmSlug, err)
	}
	d.UpdatedAt = unixTime(updated)
	return &d, nil
}

// DossierRevision is one stored version of a dossier.
type DossierRevision struct {
	FilmSlug  string `json:"film"`
	FilmTitle string `json:"film_title"`
	Revision  int    `json:"revision"`
	Author    string `json:"author,omitempty"`
	CreatedAt int64  `json:"created_at"`
}

// RecentDossiers returns the newest dossier revisions across all films,
// newest first, for feeds.
func (s *Store) RecentDossiers(ctx context.Context, limit int) ([]DossierRevision, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT f.slug, f.title, r.revision, r.author, r.created_at FROM dossier_revisions r
		JOIN films f ON f.id = r.film_id ORDER BY r.created_at DESC, r.revision DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("recent dossiers: %w", err)
	}
	defer rows.Close()
	var out []DossierRevision
	for rows.Next() {
		var r DossierRevision
		if err := rows.Scan(&r.FilmSlug, &r.FilmTitle, &r.Revision, &r.Author, &r.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// FilmRef is a film named in a list.
type FilmRef struct {
	Slug  string `json:"slug"`
	Title string `json:"title"`
	Year  int    `json:"year,omitempty"`
}

// DossiersMentioning returns the films whose dossiers link to the entity
// of the given kind ("person", "film", "place", "publication") and slug.
func (s *Store) DossiersMentioning(ctx context.Context, kind, slug string) ([]FilmRef, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT DISTINCT f.slug, f.title, COALESCE(f.year, 0) AS y FROM dossier_links l
		JOIN films f ON f.id = l.film_id WHERE l.kind = $1 AND l.slug = $2 ORDER BY y DESC, f.title`, kind, slug)
	if err != nil {
		return nil, fmt.Errorf("dossiers mentioning %s %q: %w", kind, slug, err)
	}
	defer rows.Close()
	var out []FilmRef
	for rows.Next() {
		var r FilmRef
		if err := rows.Scan(&r.Slug, &r.Title, &r.Year); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// QuotesFrom returns the quotes whose source is the publication with the
// given slug, with the film each appears in.
func (s *Store) QuotesFrom(ctx context.Context, publicationSlug string) ([]film.Quote, []FilmRef, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT q.text, q.speaker, q.speaker_slug, q.source, q.section, f.slug, f.title, COALESCE(f.year, 0)
		FROM quotes q JOIN films f ON f.id = q.film_id ORDER BY f.year DESC NULLS LAST, q.ord`)
	if err != nil {
		return nil, nil, fmt.Errorf("quotes from %q: %w", publicationSlug, err)
	}
	defer rows.Close()
	var (
		qs    []film.Quote
		films []FilmRef
	)
	for rows.Next() {
		var (
			q   film.Quote
			sec string
			f   FilmRef
		)
		if err := rows.Scan(&q.Text, &q.Speaker, &q.SpeakerSlug, &q.Source, &sec, &f.Slug, &f.Title, &f.Year); err != nil {
			return nil, nil, err
		}
		if film.Slugify(q.Source) != publicationSlug {
			continue
		}
		q.Section = film.SectionKind(sec)
		qs = append(qs, q)
		films = append(films, f)
	}
	return qs, films, rows.Err()
}
