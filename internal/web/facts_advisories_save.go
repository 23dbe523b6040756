package web

import (
	"net/http"
	"strings"

	"marquee/internal/film"
)

// maxAdvisoryNote bounds an advisory's note.
const maxAdvisoryNote = 500

// factsAdvisoriesSave grades the categories an editor chose (source
// "editor"). A category another source graded differently is replaced
// only when its "replace" box is ticked; otherwise nothing changes and the
// form says which category.
func (s *Server) factsAdvisoriesSave(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	if _, err := s.factsEditor(r, "grade a film's content"); err != nil {
		return err
	}
	slug := r.PathValue("slug")
	p, err := s.loadFactsEdit(r, slug)
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, c := range film.AdvisoryCategories {
		known[string(c)] = true
	}
	for key := range r.PostForm {
		for _, prefix := range []string{"severity_", "note_", "replace_"} {
			if c, ok := strings.CutPrefix(key, prefix); ok && !known[c] {
				return s.factsRefused(w, r, p, &film.ValidationError{Entity: "advisory", Field: key, Reason: "is not a category of the content advisory"})
			}
		}
	}
	var as []film.Advisory
	replace := map[film.AdvisoryCategory]bool{}
	for i := range p.Advisories {
		row := &p.Advisories[i]
		c := string(row.Category)
		row.Severity = film.Severity(strings.TrimSpace(r.PostFormValue("severity_" + c)))
		row.Note = strings.TrimSpace(r.PostFormValue("note_" + c))
		row.Replace = r.PostFormValue("replace_"+c) != ""
		if row.Severity == "" {
			if row.Note != "" {
				return s.factsRefused(w, r, p, &film.ValidationError{Entity: "advisory", Field: "severity_" + c, Reason: "needs a grade for its note"})
			}
			continue
		}
		if row.Severity.Rank() < 0 {
			return s.factsRefused(w, r, p, &film.ValidationError{Entity: "advisory", Field: "severity_" + c, Reason: "must be none, mild, moderate or severe"})
		}
		if len(row.Note) > maxAdvisoryNote {
			return s.factsRefused(w, r, p, &film.ValidationError{Entity: "advisory", Field: "note_" + c, Reason: "is longer than 500 bytes"})
		}
		as = append(as, film.Advisory{Category: row.Category, Severity: row.Severity, Note: row.Note, Source: string(film.SourceEditor)})
		replace[row.Category] = row.Replace
	}
	if len(as) == 0 {
		return s.factsRefused(w, r, p, &film.ValidationError{Entity: "advisory", Field: "severity", Reason: "choose a grade for at least one category"})
	}
	if _, err := s.store.PutEditorAdvisories(r.Context(), slug, as, replace); err != nil {
		return s.factsRefused(w, r, p, err)
	}
	return seeOther(w, r, "/films/"+slug+"#advisory")
}
