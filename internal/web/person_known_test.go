package web

import (
	"testing"

	"marquee/internal/film"
)

func TestCreditLine(t *testing.T) {
	c := func(slug string, role film.Role, char string) film.Credit {
		return film.Credit{FilmSlug: slug, Role: role, Character: char}
	}
	cs := []film.Credit{
		c("anora-2024", film.RoleEditor, ""), c("anora-2024", film.RoleDirector, ""), c("anora-2024", film.RoleWriter, ""),
		c("red-rocket-2021", film.RoleCast, "Mikey Saber"), c("red-rocket-2021", film.RoleCast, "Mikey Saber"),
		c("starlet-2012", film.RoleCast, ""), c("tangerine-2015", film.RoleDirector, ""), c("tangerine-2015", film.RoleCast, "Razmik's Son"),
		c("tangerine-2015", film.RoleCast, "Cab Driver"),
	}
	for slug, want := range map[string]string{
		"anora-2024":      "Director, writer, editor",
		"red-rocket-2021": "as Mikey Saber",
		"starlet-2012":    "Cast",
		"tangerine-2015":  "Director; as Razmik's Son / Cab Driver",
		"elsewhere-1999":  "",
	} {
		if got := creditLine(cs, slug); got != want {
			t.Errorf("creditLine(%s) = %q, want %q", slug, got, want)
		}
	}
}
