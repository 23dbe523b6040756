package web

import (
	"context"
	"strings"
	"testing"

	"marquee/internal/film"
)

// TestFilmPageRolesAndJobs renders a credit playing several characters as
// one line, "as X / Y", each linked to its page when it has one, and crew
// credits under their jobs.
func TestFilmPageRolesAndJobs(t *testing.T) {
	h, st := newTestHandler(t)
	ctx := context.Background()
	for _, p := range []film.Person{{Slug: "peter-sellers", Name: "Peter Sellers"}, {Slug: "gilbert-taylor", Name: "Gilbert Taylor"}} {
		if err := st.PutPerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	credits := []film.Credit{
		{FilmSlug: "red-rocket-2021", PersonSlug: "peter-sellers", Role: film.RoleCast, Billing: 2,
			Character: film.JoinCharacters([]string{"Lionel Mandrake", "Merkin Muffley", "Dr. Strangelove"})},
		{FilmSlug: "red-rocket-2021", PersonSlug: "gilbert-taylor", Role: film.RoleCinematographer, Job: "director of photography"},
	}
	for _, c := range credits {
		if err := st.PutCredit(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.PutCharacter(ctx, film.Character{FilmSlug: "red-rocket-2021", Slug: "dr-strangelove", Name: "Dr. Strangelove", PlayedBySlug: "peter-sellers"}); err != nil {
		t.Fatal(err)
	}
	res, body := get(t, h, "/films/red-rocket-2021")
	if res.StatusCode != 200 {
		t.Fatalf("GET = %d", res.StatusCode)
	}
	for _, want := range []string{
		`<span class="as">as Lionel Mandrake / Merkin Muffley / Dr. Strangelove</span>`,
		`<td>Lionel Mandrake / Merkin Muffley / <a href="/films/red-rocket-2021/characters/dr-strangelove">Dr. Strangelove</a></td>`,
		`<dt>Director of photography</dt><dd><a href="/people/gilbert-taylor">Gilbert Taylor</a></dd>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("film page lacks %s", want)
		}
	}
	if strings.Contains(body, "as Lionel Mandrake as") {
		t.Error("film page repeats the credit per character")
	}
}
