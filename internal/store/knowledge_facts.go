package store

import (
	"context"
	"database/sql"
	"strings"

	"marquee/internal/film"
	"marquee/internal/knowledge"
)

// sideFacts are the scope's facts from the smaller tables, by film id.
type sideFacts struct {
	box        map[int64]*film.BoxOffice
	festivals  map[int64][]film.Festival
	awards     map[int64][]film.Award
	advisories map[int64][]film.Advisory
	claims     map[int64][]film.Claim
}

// loadSideFacts reads the scope's facts from the smaller tables, one
// query a table (each by its film_id key).
func loadSideFacts(ctx context.Context, q querier, sc scope) (*sideFacts, error) {
	sf := &sideFacts{box: map[int64]*film.BoxOffice{}, festivals: map[int64][]film.Festival{}, awards: map[int64][]film.Award{},
		advisories: map[int64][]film.Advisory{}, claims: map[int64][]film.Claim{}}
	loads := []struct {
		q  string
		fn func(*sql.Rows) error
	}{
		{"SELECT film_id, currency, budget, source FROM box_office WHERE " + sc.films("film_id"), func(r *sql.Rows) error {
			var fid int64
			b := &film.BoxOffice{}
			if err := r.Scan(&fid, &b.Currency, &b.Budget, &b.Source); err != nil {
				return err
			}
			sf.box[fid] = b
			return nil
		}},
		{"SELECT film_id, territory, amount FROM box_office_grosses WHERE " + sc.films("film_id") + " ORDER BY film_id, territory", func(r *sql.Rows) error {
			var fid int64
			var g film.Gross
			if err := r.Scan(&fid, &g.Territory, &g.Amount); err != nil {
				return err
			}
			if b := sf.box[fid]; b != nil {
				b.Grosses = append(b.Grosses, g)
			}
			return nil
		}},
		{"SELECT film_id, name, year, section, award, won FROM festivals WHERE " + sc.films("film_id") + " ORDER BY film_id, year, name", func(r *sql.Rows) error {
			var fid int64
			var fe film.Festival
			var won int
			if err := r.Scan(&fid, &fe.Name, &fe.Year, &fe.Section, &fe.Award, &won); err != nil {
				return err
			}
			fe.Won = won != 0
			sf.festivals[fid] = append(sf.festivals[fid], fe)
			return nil
		}},
		{`SELECT a.film_id, a.ceremony, a.year, a.category, a.outcome, a.source, a.source_ref, COALESCE(p.slug, ''), COALESCE(p.name, '')
			FROM awards a LEFT JOIN people p ON p.id = a.person_id WHERE a.film_id IS NOT NULL AND ` + sc.films("a.film_id") +
			" ORDER BY a.film_id, CASE a.outcome WHEN 'won' THEN 0 ELSE 1 END, a.year, a.category", func(r *sql.Rows) error {
			var fid int64
			var a film.Award
			var outcome string
			if err := r.Scan(&fid, &a.Ceremony, &a.Year, &a.Category, &outcome, &a.Source, &a.SourceRef, &a.PersonSlug, &a.PersonName); err != nil {
				return err
			}
			a.Outcome = film.Outcome(outcome)
			sf.awards[fid] = append(sf.awards[fid], a)
			return nil
		}},
		{"SELECT film_id, category, severity, note, source FROM advisories WHERE " + sc.films("film_id"), func(r *sql.Rows) error {
			var fid int64
			var a film.Advisory
			var cat, sev string
			if err := r.Scan(&fid, &cat, &sev, &a.Note, &a.Source); err != nil {
				return err
			}
			a.Category, a.Severity = film.AdvisoryCategory(cat), film.Severity(sev)
			sf.advisories[fid] = append(sf.advisories[fid], a)
			return nil
		}},
		{"SELECT film_id, field, value, source, source_ref FROM fact_claims WHERE " + sc.films("film_id") + " ORDER BY film_id, field, source", func(r *sql.Rows) error {
			var fid int64
			var c film.Claim
			if err := r.Scan(&fid, &c.Field, &c.Value, &c.Source, &c.SourceRef); err != nil {
				return err
			}
			sf.claims[fid] = append(sf.claims[fid], c)
			return nil
		}},
	}
	for _, l := range loads {
		if err := eachRow(ctx, q, l.q, l.fn); err != nil {
			return nil, err
		}
	}
	return sf, nil
}

// addSide fills the facts that come from the smaller tables, each with
// the source a reader can follow.
func (sf *sideFacts) addSide(f *knowledge.Facts, fid int64) {
	slug := f.Film.Slug
	if b := sf.box[fid]; b != nil {
		f.BoxOffice = b
		label := "the box-office figures"
		if b.Source != "" {
			label += " (" + b.Source + ")"
		}
		f.BoxOfficeSource = film.Source{Kind: film.SourceImport, Label: label, URL: "/films/" + slug + "#box-office"}
	}
	f.Festivals = sf.festivals[fid]
	f.Awards = sf.awards[fid]
	f.Advisories = sf.advisories[fid]
	for _, c := range sf.claims[fid] {
		f.Claims = append(f.Claims, knowledge.SourcedClaim{Claim: c, From: claimSource(c, slug)})
	}
}

// dossierKnowledge is what a dossier's text tells the answers: its
// sections for "where to read more", and the advisories its
// controversies section reports, with that section as their source.
func dossierKnowledge(d *film.Dossier, slug string, st *storedKnowledge) {
	for _, sec := range d.Sections {
		label := sec.Heading
		if label == "" {
			label = sec.Kind.Label()
		}
		src := film.Source{Kind: film.SourceArticle, Label: label, URL: "/films/" + slug + "#" + knowledge.SectionAnchor(sec)}
		if sec.Kind != film.SectionFAQ {
			st.Sections = append(st.Sections, src)
		}
		if sec.Kind == film.SectionControversies && st.Src == nil {
			if as := knowledge.AdvisoriesInText(sec.Text); len(as) > 0 {
				src.Label = "the dossier's “" + label + "” section"
				st.Src, st.Adv = &src, as
			}
		}
	}
}

func claimSource(c film.Claim, slug string) film.Source {
	switch film.SourceKind(c.Source) {
	case film.SourceArticle:
		anchor := "#box-office"
		if strings.HasPrefix(c.Field, "award:") {
			anchor = "#dossier"
		}
		return film.Source{Kind: film.SourceArticle, Label: "the dossier", URL: "/films/" + slug + anchor}
	case film.SourceEditor:
		label := "an editor"
		if c.SourceRef != "" {
			label = "the editor " + c.SourceRef
		}
		return film.Source{Kind: film.SourceEditor, Label: label}
	}
	label := "the " + c.Source + " import"
	if c.SourceRef != "" {
		label += " (" + c.SourceRef + ")"
	}
	return film.Source{Kind: film.SourceImport, Label: strings.TrimSpace(label)}
}

// readCredits adds the directors, writers and leading cast of the films
// (sorted by id), and returns each film's cast names by person id.
func readCredits(ctx context.Context, q querier, batch []*knowledge.Facts) ([]map[int64]string, error) {
	lo, hi := batch[0].Film.ID, batch[len(batch)-1].Film.ID
	rows, err := q.QueryContext(ctx, `SELECT c.film_id, c.role, c.billing, c.character_name, p.id, p.slug, p.name
		FROM credits c JOIN people p ON p.id = c.person_id
		WHERE c.film_id BETWEEN $1 AND $2 AND (c.role IN ('director', 'writer') OR c.role = 'cast' AND c.billing BETWEEN 0 AND 8)
		ORDER BY c.film_id, c.billing, p.name`, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names := make([]map[int64]string, len(batch))
	i := 0
	for rows.Next() {
		var (
			fid, pid int64
			c        film.Credit
			role     string
		)
		if err := rows.Scan(&fid, &role, &c.Billing, &c.Character, &pid, &c.PersonSlug, &c.PersonName); err != nil {
			return nil, err
		}
		for i < len(batch) && batch[i].Film.ID < fid {
			i++
		}
		if i == len(batch) || batch[i].Film.ID != fid {
			continue // a film not asked for within the id range
		}
		f := batch[i]
		c.Role = film.Role(role)
		switch c.Role {
		case film.RoleDirector:
			f.Directors = append(f.Directors, c)
		case film.RoleWriter:
			f.Writers = append(f.Writers, c)
		case film.RoleCast:
			f.Cast = append(f.Cast, c)
			if names[i] == nil {
				names[i] = map[int64]string{}
			}
			names[i][pid] = c.PersonName
		}
	}
	return names, rows.Err()
}
