package catalog

import (
	"math/rand/v2"
	"testing"

	"marquee/internal/film"
)

// TestSlugifyMatchesFilm checks the fast path against the domain's own
// function on awkward and random ASCII.
func TestSlugifyMatchesFilm(t *testing.T) {
	cases := []string{"", "Red Rocket", "Moonee's", "  --The Room--  ", "Anora \"Ani\" Mikheeva", "Amélie", "Ōkami",
		"9 1/2 Weeks", "M*A*S*H", "'''", "ABC_def", string(make([]byte, 300))}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, r.IntN(140))
		for i := range b {
			b[i] = byte(32 + r.IntN(95))
		}
		cases = append(cases, string(b))
	}
	for _, c := range cases {
		if got, want := slugify(c), film.Slugify(c); got != want {
			t.Fatalf("slugify(%q) = %q, film.Slugify = %q", c, got, want)
		}
		for _, year := range []int{0, 2003} {
			if got, want := filmSlug(c, year), film.FilmSlug(c, year); got != want {
				t.Fatalf("filmSlug(%q, %d) = %q, want %q", c, year, got, want)
			}
		}
		if got, want := personSlug(c), film.PersonSlug(c); got != want {
			t.Fatalf("personSlug(%q) = %q, want %q", c, got, want)
		}
	}
}
