package knowledge_test

import (
	"strings"
	"testing"

	"marquee/internal/film"
	"marquee/internal/knowledge"
)

// A prolific person's film count is grouped by thousands, as every other
// count on the site is.
func TestKnownForGroupsThousands(t *testing.T) {
	films := []knowledge.PersonFilm{{Slug: "a-2001", Title: "A", Year: 2001, Votes: 10, Roles: []film.Role{film.RoleDirector}}}
	a, ok := knowledge.KnownFor("Ann Lee", "ann-lee", films, 6615, nil, film.Source{Label: "the catalog"})
	if !ok || !strings.Contains(a.Answer, "on 6,615 films") {
		t.Errorf("answer %q does not say 6,615 films", a.Answer)
	}
}
