package catalog

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/store"
)

// A catalog imported before multi-character credits holds one credit per
// character. Re-importing title.principals leaves one credit per film,
// person and role, its characters in IMDb's order, and says how many old
// rows it merged; other credits of the film are untouched.
func TestIMDbReimportMergesOneRowPerCharacterCredits(t *testing.T) {
	catalogEngines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		if _, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{}); err != nil {
			t.Fatal(err)
		}
		const ani = `SELECT c.character_name FROM credits c JOIN films f ON f.id = c.film_id JOIN people p ON p.id = c.person_id
			WHERE f.imdb_id = 'tt28607951' AND p.imdb_id = 'nm7395380' AND c.role = 'cast' ORDER BY c.character_name`
		joined := []string{`Ani / Anora "Ani" Mikheeva`}
		if diff := cmp.Diff(joined, strs(t, st, ani)); diff != "" {
			t.Fatalf("first import (-want +got):\n%s", diff)
		}
		others := count(t, st, "credits") - 1
		// Put back the old shape: one row per character.
		db := st.WriteDB()
		for _, q := range []string{
			`DELETE FROM credits WHERE character_name = 'Ani / Anora "Ani" Mikheeva'`,
			`INSERT INTO credits (film_id, person_id, role, character_name, billing)
				SELECT f.id, p.id, 'cast', 'Ani', 1 FROM films f, people p WHERE f.imdb_id = 'tt28607951' AND p.imdb_id = 'nm7395380'`,
			`INSERT INTO credits (film_id, person_id, role, character_name, billing)
				SELECT f.id, p.id, 'cast', 'Anora "Ani" Mikheeva', 1 FROM films f, people p WHERE f.imdb_id = 'tt28607951' AND p.imdb_id = 'nm7395380'`,
		} {
			if _, err := db.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		sum, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(joined, strs(t, st, ani)); diff != "" {
			t.Errorf("re-import over the old shape (-want +got):\n%s", diff)
		}
		if n := count(t, st, "credits") - 1; n != others {
			t.Errorf("other credits: %d after the re-import, %d before", n, others)
		}
		if !strings.Contains(strings.Join(sum.Notes, "\n"), "merged 2 one-row-per-character credits") {
			t.Errorf("notes %q do not say 2 old rows were merged", sum.Notes)
		}
		// A further re-import has nothing left to merge.
		again, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.Join(again.Notes, "\n"), "merged") {
			t.Errorf("third import notes %q: nothing should be left to merge", again.Notes)
		}
	})
}
