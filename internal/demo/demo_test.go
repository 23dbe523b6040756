package demo

import (
	"context"
	"path/filepath"
	"testing"

	"marquee/internal/store"
)

func TestLoadIfEmpty(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	loaded, err := LoadIfEmpty(ctx, st)
	if err != nil || !loaded {
		t.Fatalf("first LoadIfEmpty = %v, %v", loaded, err)
	}
	if loaded, err := LoadIfEmpty(ctx, st); err != nil || loaded {
		t.Fatalf("second LoadIfEmpty = %v, %v; want no reload", loaded, err)
	}
	want := []string{"take-out-2004", "prince-of-broadway-2008", "starlet-2012", "tangerine-2015",
		"the-florida-project-2017", "red-rocket-2021", "anora-2024"}
	for _, slug := range want {
		dirs, err := st.Directors(ctx, slug)
		if err != nil {
			t.Fatal(err)
		}
		if len(dirs) == 0 || dirs[0] != "Sean Baker" {
			t.Errorf("%s directors = %v", slug, dirs)
		}
	}
	credits, err := st.FilmCredits(ctx, "red-rocket-2021")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range credits {
		found = found || (c.PersonName == "Simon Rex" && c.Character == "Mikey Saber")
	}
	if !found {
		t.Errorf("Red Rocket credits lack Simon Rex as Mikey Saber: %v", credits)
	}
	if ch, err := st.GetCharacter(ctx, "tangerine-2015", "sin-dee-rella"); err != nil || ch.PlayedByName != "Kitana Kiki Rodriguez" {
		t.Errorf("Sin-Dee Rella = %v, %v", ch, err)
	}
}
