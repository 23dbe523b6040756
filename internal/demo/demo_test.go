package demo

import (
	"context"
	"testing"

	"marquee/internal/film"
	"marquee/internal/store"
	"marquee/internal/store/storetest"
)

func TestLoadIfEmpty(t *testing.T) {
	storetest.Each(t, testLoadIfEmpty)
}

func testLoadIfEmpty(t *testing.T, dsn string) {
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
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

func TestDemoDossiers(t *testing.T) {
	storetest.Each(t, testDemoDossiers)
}

func testDemoDossiers(t *testing.T, dsn string) {
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	d, err := st.GetDossier(ctx, "red-rocket-2021")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sections) < 15 || len(d.FAQ) != 5 {
		t.Errorf("Red Rocket dossier has %d sections and %d FAQ pairs; want the reference's 17 and 5", len(d.Sections), len(d.FAQ))
	}
	if d.Section(film.SectionFanTheories) == nil || d.Section(film.SectionConclusion) == nil {
		t.Errorf("Red Rocket dossier lacks fan theories or conclusion: %+v", d.Sections)
	}
	refs, err := st.DossiersMentioning(ctx, "person", "simon-rex")
	if err != nil || len(refs) == 0 || refs[0].Slug != "red-rocket-2021" {
		t.Errorf("dossiers mentioning Simon Rex = %v, %v", refs, err)
	}
	for _, slug := range []string{"tangerine-2015", "the-florida-project-2017"} {
		if _, err := st.GetDossier(ctx, slug); err != nil {
			t.Errorf("%s dossier: %v", slug, err)
		}
	}
}
