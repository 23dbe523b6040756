package web

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

func TestGroupCreditsMergesIdenticalFilmographies(t *testing.T) {
	c := func(slug string, role film.Role) film.Credit { return film.Credit{FilmSlug: slug, Role: role} }
	groups := groupCredits([]film.Credit{
		c("anora-2024", film.RoleDirector), c("anora-2024", film.RoleWriter), c("anora-2024", film.RoleEditor),
		c("red-rocket-2021", film.RoleDirector), c("red-rocket-2021", film.RoleWriter),
		c("starlet-2012", film.RoleCast), c("starlet-2012", film.RoleEditor),
	})
	type g struct {
		Label string
		Films int
	}
	var got []g
	for _, x := range groups {
		got = append(got, g{x.Label, len(x.Credits)})
	}
	want := []g{{"Director and writer", 2}, {roleLabel(film.RoleCast), 1}, {roleLabel(film.RoleEditor), 2}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("groups (-want +got):\n%s", diff)
	}
}
