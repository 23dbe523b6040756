package api

import (
	"net/http"

	"marquee/internal/httpx"
)

// personList serves GET /api/v1/people: people in catalog order, a page
// at a time with a cursor.
func (s *Server) personList(w http.ResponseWriter, r *http.Request) error {
	if err := httpx.KnownParams(r, []string{"limit", "cursor"}); err != nil {
		return err
	}
	limit, err := intParam(r, "limit", 50, 1, 500)
	if err != nil {
		return err
	}
	after, err := cursorParam(r, "p")
	if err != nil {
		return err
	}
	people, err := s.store.PeopleAfter(r.Context(), after, limit+1)
	if err != nil {
		return err
	}
	out := PersonList{People: []PersonSummary{}}
	if out.Total, err = s.store.CountRows(r.Context(), "people"); err != nil {
		return err
	}
	if len(people) > limit {
		people = people[:limit]
		out.NextCursor = encodeCursor("p", people[limit-1].ID)
	}
	for _, p := range people {
		out.People = append(out.People, PersonSummary{Slug: p.Slug, Name: p.Name, BirthYear: p.BirthYear, DeathYear: p.DeathYear,
			Professions: nonNil(p.Professions), URL: s.baseURL + "/api/v1/people/" + p.Slug})
	}
	return writeJSON(w, r, out, timeZero)
}
