package store

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"marquee/internal/film"
)

func TestMigrationsApplyAndAreIdempotent(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		v, err := s.SchemaVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		ms, _ := Migrations(s.Engine())
		if want := ms[len(ms)-1].Version; v != want {
			t.Errorf("schema version = %d, want %d", v, want)
		}
		if err := s.migrate(ctx, math.MaxInt); err != nil {
			t.Errorf("second migrate: %v", err)
		}
	})
}

func TestMigrationNumbersMatchAcrossEngines(t *testing.T) {
	lite, err := Migrations("sqlite")
	if err != nil {
		t.Fatal(err)
	}
	pg, err := Migrations("postgres")
	if err != nil {
		t.Fatal(err)
	}
	names := func(ms []Migration) (out []string) {
		for _, m := range ms {
			out = append(out, m.Name)
		}
		return out
	}
	if diff := cmp.Diff(names(lite), names(pg)); diff != "" {
		t.Errorf("migrations differ between engines (-sqlite +postgres):\n%s", diff)
	}
}

func sampleFilm() *film.Film {
	return &film.Film{
		Slug: "red-rocket-2021", Title: "Red Rocket", Year: 2021, ReleaseDate: "2021-12-10", RuntimeMin: 130,
		Genres: []string{"Comedy", "Drama"}, Countries: []string{"United States"}, Languages: []string{"English"},
		Certification: "R", Logline: "A washed-up porn star returns to his Texas hometown.",
		Setting: film.Setting{Place: "Texas City, Texas", Period: "2016"},
		IDs:     film.ExternalIDs{IMDb: "tt13394786", Wikidata: "Q105548981", TMDB: 800158},
		Rating:  film.Rating{Average: 7.0, Votes: 40000},
		Themes:  []film.Theme{{Slug: "american-dream", Name: "American Dream", Kind: film.KindTheme}, {Slug: "fireworks", Name: "Fireworks", Kind: film.KindMotif}},
	}
}

func TestRoundTrip(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		f := sampleFilm()
		if err := s.PutFilm(ctx, f); err != nil {
			t.Fatal(err)
		}
		got, err := s.GetFilm(ctx, f.Slug)
		if err != nil {
			t.Fatal(err)
		}
		ignore := cmpopts.IgnoreFields(film.Film{}, "ID", "UpdatedAt")
		if diff := cmp.Diff(f, got, ignore); diff != "" {
			t.Errorf("film round trip (-want +got):\n%s", diff)
		}
		byIMDb, err := s.FilmByIMDb(ctx, "tt13394786")
		if err != nil || byIMDb.Slug != f.Slug {
			t.Errorf("FilmByIMDb = %v, %v", byIMDb, err)
		}
		byTitle, err := s.FilmByTitle(ctx, "RED ROCKET", 2021)
		if err != nil || byTitle.Slug != f.Slug {
			t.Errorf("FilmByTitle = %v, %v", byTitle, err)
		}

		p := &film.Person{Slug: "simon-rex", Name: "Simon Rex", BirthYear: 1974, Professions: []string{"actor", "musician"}, IDs: film.ExternalIDs{IMDb: "nm0720890"}}
		if err := s.PutPerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		gotP, err := s.GetPerson(ctx, "simon-rex")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(p, gotP, cmpopts.IgnoreFields(film.Person{}, "ID")); diff != "" {
			t.Errorf("person round trip (-want +got):\n%s", diff)
		}
		if byName, err := s.PersonByName(ctx, "simon rex"); err != nil || byName.Slug != "simon-rex" {
			t.Errorf("PersonByName = %v, %v", byName, err)
		}

		c := film.Credit{FilmSlug: f.Slug, PersonSlug: p.Slug, Role: film.RoleCast, Character: "Mikey Saber", Billing: 1}
		if err := s.PutCredit(ctx, c); err != nil {
			t.Fatal(err)
		}
		credits, err := s.FilmCredits(ctx, f.Slug)
		if err != nil {
			t.Fatal(err)
		}
		wantC := []film.Credit{{FilmSlug: f.Slug, PersonSlug: p.Slug, Role: film.RoleCast, Character: "Mikey Saber", Billing: 1,
			PersonName: "Simon Rex", FilmTitle: "Red Rocket", FilmYear: 2021}}
		if diff := cmp.Diff(wantC, credits); diff != "" {
			t.Errorf("credits (-want +got):\n%s", diff)
		}
		if pc, _ := s.PersonCredits(ctx, p.Slug); len(pc) != 1 {
			t.Errorf("PersonCredits = %v", pc)
		}

		ch := film.Character{FilmSlug: f.Slug, Slug: "mikey-saber", Name: "Mikey Saber", Description: "A former adult film star.", PlayedBySlug: p.Slug}
		if err := s.PutCharacter(ctx, ch); err != nil {
			t.Fatal(err)
		}
		gotCh, err := s.GetCharacter(ctx, f.Slug, "mikey-saber")
		if err != nil {
			t.Fatal(err)
		}
		ch.PlayedByName, ch.FilmTitle = "Simon Rex", "Red Rocket"
		if diff := cmp.Diff(&ch, gotCh); diff != "" {
			t.Errorf("character (-want +got):\n%s", diff)
		}

		bo := film.BoxOffice{Currency: "USD", Budget: 1000000, OpeningWeekend: 97000, ReleaseType: "limited",
			Grosses: []film.Gross{{Territory: "domestic", Amount: 1100000}, {Territory: "worldwide", Amount: 2400000}}, Rankings: []string{"#1 a", "#2 b"}}
		if err := s.PutBoxOffice(ctx, f.Slug, bo); err != nil {
			t.Fatal(err)
		}
		gotBO, err := s.GetBoxOffice(ctx, f.Slug)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(&bo, gotBO); diff != "" {
			t.Errorf("box office (-want +got):\n%s", diff)
		}

		fests := []film.Festival{{Name: "Cannes Film Festival", Year: 2021, Section: "Competition", Award: "Palme d'Or"}}
		if err := s.SetFestivals(ctx, f.Slug, fests); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Festivals(ctx, f.Slug); !cmp.Equal(fests, got) {
			t.Errorf("festivals = %v", got)
		}

		adv := []film.Advisory{{Category: film.AdvisorySex, Severity: film.SeveritySevere, Note: "Explicit", Source: "editor"}, {Category: film.AdvisorySubstances, Severity: film.SeverityModerate, Source: "import"}}
		if err := s.SetAdvisories(ctx, f.Slug, adv); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Advisories(ctx, f.Slug); !cmp.Equal(adv, got) {
			t.Errorf("advisories = %v", got)
		}

		other := &film.Film{Slug: "tangerine-2015", Title: "Tangerine", Year: 2015}
		if err := s.PutFilm(ctx, other); err != nil {
			t.Fatal(err)
		}
		rel := film.Relation{FilmSlug: f.Slug, OtherSlug: other.Slug, Kind: film.RelCompanion, Reason: "Same director"}
		if err := s.PutRelation(ctx, rel); err != nil {
			t.Fatal(err)
		}
		rel.OtherTitle, rel.OtherYear = "Tangerine", 2015
		if got, _ := s.Relations(ctx, f.Slug); !cmp.Equal([]film.Relation{rel}, got) {
			t.Errorf("relations = %v", got)
		}

		d := &film.Dossier{
			Sections: []film.Section{{Kind: film.SectionIntroduction, Heading: "Introduction", Text: "Intro.", Subsections: []film.Subsection{}},
				{Kind: film.SectionThemes, Heading: "Themes", Text: "Dreams.", Subsections: []film.Subsection{{Label: "Motifs", Text: "Fireworks."}}}},
			FAQ:      []film.FAQ{{Question: "Is it suitable for all audiences?", Answer: "No."}},
			Cast:     []film.CastPair{{Person: "Simon Rex", Character: "Mikey Saber", PersonSlug: "simon-rex"}},
			Quotes:   []film.Quote{{Text: "It was important to me.", Speaker: "Sean Baker", Source: "IndieWire"}},
			Mentions: film.Mentions{Films: []string{"Tangerine"}, People: []string{"Simon Rex"}, Places: []string{"Texas"}, Publications: []string{"IndieWire"}},
			Links:    []film.Link{{Kind: "person", Name: "Simon Rex", Slug: "simon-rex"}},
		}
		rev, err := s.PutDossier(ctx, f.Slug, d, "test")
		if err != nil || rev != 1 {
			t.Fatalf("PutDossier = %d, %v", rev, err)
		}
		if rev, _ := s.PutDossier(ctx, f.Slug, d, "test"); rev != 2 {
			t.Errorf("second PutDossier revision = %d, want 2", rev)
		}
		gotD, err := s.GetDossier(ctx, f.Slug)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(d, gotD, cmpopts.IgnoreFields(film.Dossier{}, "UpdatedAt")); diff != "" {
			t.Errorf("dossier (-want +got):\n%s", diff)
		}
		if refs, _ := s.DossiersMentioning(ctx, "person", "simon-rex"); len(refs) != 1 || refs[0].Slug != f.Slug {
			t.Errorf("DossiersMentioning = %v", refs)
		}
		if qs, _, _ := s.QuotesFrom(ctx, "indiewire"); len(qs) != 1 {
			t.Errorf("QuotesFrom = %v", qs)
		}

		list, total, err := s.ListFilms(ctx, FilmFilter{Filter: film.Filter{Genre: "Drama", Decade: 2020}})
		if err != nil || total != 1 || len(list) != 1 || list[0].Slug != f.Slug {
			t.Errorf("ListFilms = %v, %d, %v", list, total, err)
		}
		if err := s.DeleteFilm(ctx, f.Slug); err != nil {
			t.Fatal(err)
		}
		if _, err := s.GetDossier(ctx, f.Slug); !errors.Is(err, film.ErrNotFound) {
			t.Errorf("dossier after film delete: %v", err)
		}
	})
}

func TestTypedErrors(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		if err := s.PutFilm(ctx, &film.Film{Slug: "a-2000", Title: "A", Year: 2000, IDs: film.ExternalIDs{IMDb: "tt0000001"}}); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			err  error
			want error
		}{
			{"missing film", func() error { _, err := s.GetFilm(ctx, "nope"); return err }(), film.ErrNotFound},
			{"missing person", func() error { _, err := s.GetPerson(ctx, "nope"); return err }(), film.ErrNotFound},
			{"duplicate imdb id", s.PutFilm(ctx, &film.Film{Slug: "b-2000", Title: "B", Year: 2000, IDs: film.ExternalIDs{IMDb: "tt0000001"}}), film.ErrConflict},
			{"credit on missing film", s.PutCredit(ctx, film.Credit{FilmSlug: "nope", PersonSlug: "x", Role: film.RoleCast}), film.ErrMissingRef},
			{"dossier on missing film", func() error {
				_, err := s.PutDossier(ctx, "nope", &film.Dossier{FAQ: []film.FAQ{{Question: "Q?"}}}, "")
				return err
			}(), film.ErrMissingRef},
			{"delete missing", s.DeleteFilm(ctx, "nope"), film.ErrNotFound},
		}
		for _, tt := range tests {
			if !errors.Is(tt.err, tt.want) {
				t.Errorf("%s: got %v, want %v", tt.name, tt.err, tt.want)
			}
		}
		var ve *film.ValidationError
		if err := s.PutFilm(ctx, &film.Film{Slug: "x", Title: ""}); !errors.As(err, &ve) || ve.Field != "title" {
			t.Errorf("empty title: %v", err)
		}
		if err := s.PutCredit(ctx, film.Credit{FilmSlug: "a-2000", PersonSlug: "x", Role: "gaffer"}); !errors.As(err, &ve) || ve.Field != "role" {
			t.Errorf("unknown role: %v", err)
		}
	})
}
