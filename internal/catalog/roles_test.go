package catalog

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/store"
)

// TestIMDbRolesAndJobs imports principals as IMDb writes them: several
// characters are one credit in IMDb's order, each with its character page;
// crew jobs are kept in IMDb's words; spaces around values are trimmed.
func TestIMDbRolesAndJobs(t *testing.T) {
	catalogEngines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		for round := 1; round <= 2; round++ { // a re-import changes nothing
			if _, err := ImportIMDb(ctx, st, "testdata/imdb/roles", IMDbOptions{}); err != nil {
				t.Fatal(err)
			}
			want := []string{
				"cast|Group Capt. Lionel Mandrake / President Merkin Muffley / Dr. Strangelove|",
				`cast|Gen. "Buck" Turgidson|`,
				"director||",
				"writer||screenplay",
				"cinematographer||director of photography",
				"other||production designer",
				"producer||",
			}
			got := strs(t, st, `SELECT c.role || '|' || c.character_name || '|' || c.job FROM credits c ORDER BY c.billing`)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("round %d: credits (-want +got):\n%s", round, diff)
			}
			wantChars := []string{"Dr. Strangelove", `Gen. "Buck" Turgidson`, "Group Capt. Lionel Mandrake", "President Merkin Muffley"}
			if diff := cmp.Diff(wantChars, strs(t, st, "SELECT name FROM characters ORDER BY name")); diff != "" {
				t.Errorf("round %d: characters (-want +got):\n%s", round, diff)
			}
			f, err := st.FilmByIMDb(ctx, "tt0057012")
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != "Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb" || f.OriginalTitle != "" ||
				f.Slug != "dr-strangelove-or-how-i-learned-to-stop-worrying-and-love-the-bomb-1964" {
				t.Errorf("round %d: film = %q / %q / %q", round, f.Title, f.OriginalTitle, f.Slug)
			}
		}
	})
}
