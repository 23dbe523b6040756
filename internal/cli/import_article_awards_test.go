package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
	"marquee/internal/store"
)

// TestImportArticleAwards imports an article that states awards: they
// are filed as the film's awards with the article as source, an award
// with no ceremony is reported and not filed, and an award the catalog
// already holds keeps its catalog source when the article comes again.
func TestImportArticleAwards(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"MARQUEE_DB": filepath.Join(dir, "m.db")}
	article := filepath.Join(dir, "quiet-harbour.md")
	os.WriteFile(article, []byte(`# Quiet Harbour (2019)

*Quiet Harbour* is a 2019 drama film directed by Jane Okafor.

It premiered in competition and won the Palme d'Or at the 2019 Cannes Film Festival.
It was nominated for Best Foreign Language Film at the 77th Golden Globe Awards.
It also won the Golden Lion.
`), 0o644)

	code, out, errOut := run(t, env, "import", "article", article)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "2 awards filed") {
		t.Errorf("stdout does not count the awards filed:\n%s", out)
	}
	if !strings.Contains(errOut, `award "Golden Lion" not filed`) {
		t.Errorf("stderr does not report the award with no ceremony:\n%s", errOut)
	}

	ctx := context.Background()
	st, err := store.Open(ctx, env["MARQUEE_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	slug := "quiet-harbour-2019"
	type row struct{ Ceremony, Category, Outcome, Source, Ref string }
	rows := func() []row {
		as, err := st.FilmAwards(ctx, slug)
		if err != nil {
			t.Fatal(err)
		}
		var out []row
		for _, a := range as {
			out = append(out, row{a.Ceremony, a.Category, string(a.Outcome), a.Source, a.SourceRef})
		}
		return out
	}
	want := []row{
		{"Cannes Film Festival", "Palme d'Or", "won", "article:" + slug, "quiet-harbour.md"},
		{"Golden Globe Awards", "Best Foreign Language Film", "nominated", "article:" + slug, "quiet-harbour.md"},
	}
	if diff := cmp.Diff(want, rows()); diff != "" {
		t.Errorf("awards after import (-want +got):\n%s", diff)
	}

	// The awards import then records the Palme d'Or from its own file;
	// importing the article again must not take it back.
	if _, err := st.PutAwards(ctx, []film.Award{{Ceremony: "Cannes Film Festival", Year: 2019, Category: "Palme d'Or",
		Outcome: film.OutcomeWon, FilmSlug: slug, Source: "import", SourceRef: "awards.csv"}}); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := run(t, env, "import", "article", article); code != 0 || !strings.Contains(out, "1 awards filed") {
		t.Fatalf("re-import exit %d: %s%s", code, out, errOut)
	}
	want[0].Source, want[0].Ref = "import", "awards.csv"
	if diff := cmp.Diff(want, rows()); diff != "" {
		t.Errorf("awards after re-import (-want +got):\n%s", diff)
	}
}
