package catalog

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
	"marquee/internal/store"
)

// A re-import in which IMDb renamed characters replaces the old credit
// instead of keeping both, removes the characters only the old credit
// named, keeps one an editor described, and names all of it.
func TestIMDbRenamedCharacters(t *testing.T) {
	catalogEngines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		dir := copyFixture(t, "testdata/imdb/ok")
		if _, err := ImportIMDb(ctx, st, dir, IMDbOptions{}); err != nil {
			t.Fatal(err)
		}
		slug := func(imdb string) string {
			t.Helper()
			s := strs(t, st, "SELECT slug FROM films WHERE imdb_id = $1", imdb)
			if len(s) != 1 {
				t.Fatalf("film %s: %v", imdb, s)
			}
			return s[0]
		}
		tangerine, redRocket, anora := slug("tt3824458"), slug("tt13508888"), slug("tt28607951")
		if err := st.PutCharacter(ctx, film.Character{FilmSlug: tangerine, Slug: "sin-dee-rella", Name: "Sin-Dee Rella",
			Description: "A trans sex worker searching Hollywood for her pimp.", PlayedBySlug: ""}); err != nil {
			t.Fatal(err)
		}
		editFile(t, dir, "title.principals.tsv", `["Mikey Saber"]`, `["Mikey Davies"]`)
		editFile(t, dir, "title.principals.tsv", `["Sin-Dee Rella"]`, `["Sin-Dee"]`)
		editFile(t, dir, "title.principals.tsv", `["Ani","Anora \"Ani\" Mikheeva"]`, `["Ani"]`)
		sum, err := ImportIMDb(ctx, st, dir, IMDbOptions{})
		if err != nil {
			t.Fatal(err)
		}
		credits := func(filmSlug string) []string {
			return strs(t, st, `SELECT c.character_name FROM credits c JOIN films f ON f.id = c.film_id
				WHERE f.slug = $1 AND c.character_name <> '' ORDER BY 1`, filmSlug)
		}
		for _, c := range []struct {
			film string
			want []string
		}{{redRocket, []string{"Mikey Davies"}}, {tangerine, []string{"Alexandra", "Sin-Dee"}}, {anora, []string{"Ani"}}} {
			if diff := cmp.Diff(c.want, credits(c.film)); diff != "" {
				t.Errorf("%s's credited characters (-want +got):\n%s", c.film, diff)
			}
		}
		chars := strs(t, st, "SELECT f.slug || '/' || ch.slug FROM characters ch JOIN films f ON f.id = ch.film_id ORDER BY 1")
		for _, gone := range []string{redRocket + "/mikey-saber", anora + "/anora-ani-mikheeva"} {
			if slices.Contains(chars, gone) {
				t.Errorf("character %s is still there", gone)
			}
		}
		for _, kept := range []string{tangerine + "/sin-dee-rella", tangerine + "/sin-dee", redRocket + "/mikey-davies", anora + "/ani"} {
			if !slices.Contains(chars, kept) {
				t.Errorf("character %s is missing (have %v)", kept, chars)
			}
		}
		if sum.CreditsReplaced != 3 || sum.CharactersDropped != 2 {
			t.Errorf("summary: %d credits replaced, %d characters dropped; want 3, 2", sum.CreditsReplaced, sum.CharactersDropped)
		}
		slices.Sort(sum.Dropped)
		if diff := cmp.Diff([]string{anora + "/anora-ani-mikheeva", redRocket + "/mikey-saber"}, sum.Dropped); diff != "" {
			t.Errorf("characters dropped (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{tangerine + "/sin-dee-rella"}, sum.CharactersKept); diff != "" {
			t.Errorf("characters kept (-want +got):\n%s", diff)
		}
		if len(sum.Replaced) != 3 {
			t.Errorf("credits replaced listed: %v", sum.Replaced)
		}
		// Nothing left to replace: the same files again change nothing.
		again, err := ImportIMDb(ctx, st, dir, IMDbOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if again.CreditsReplaced != 0 || again.CharactersDropped != 0 || again.Updated != 0 {
			t.Errorf("identical re-import: %d replaced, %d dropped, %d updated", again.CreditsReplaced, again.CharactersDropped, again.Updated)
		}
	})
}
