package catalog

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
	"marquee/internal/store/storetest"
)

func TestImportAwards(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st := demoStore(t, dsn)
		before, err := st.FilmAwards(ctx, "anora-2024")
		if err != nil {
			t.Fatal(err)
		}
		sum, err := ImportAwards(ctx, st, "testdata/awards/sean-baker.csv", AwardsOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Read != 7 || sum.Imported != 7 || sum.Errors != 0 {
			t.Errorf("csv: read %d, imported %d, errors %d; want 7, 7, 0", sum.Read, sum.Imported, sum.Errors)
		}
		after, err := st.FilmAwards(ctx, "anora-2024")
		if err != nil {
			t.Fatal(err)
		}
		// The demo catalog holds seven Anora awards; the file adds one
		// (the Golden Globe nomination) and updates the others' source.
		if len(after) != len(before)+1 {
			t.Errorf("Anora has %d awards after import, want %d", len(after), len(before)+1)
		}
		var palme film.Award
		for _, a := range after {
			if a.Category == "Palme d'Or" {
				palme = a
			}
		}
		want := film.Award{Ceremony: "Cannes Film Festival", Year: 2024, Category: "Palme d'Or", Outcome: film.OutcomeWon,
			FilmSlug: "anora-2024", Source: "import", SourceRef: "sean-baker.csv", FilmTitle: "Anora", FilmYear: 2024}
		if diff := cmp.Diff(want, palme); diff != "" {
			t.Errorf("Palme d'Or (-want +got):\n%s", diff)
		}
		rex, err := st.PersonAwards(ctx, "simon-rex")
		if err != nil || len(rex) != 1 || !rex[0].Won() || rex[0].FilmSlug != "red-rocket-2021" {
			t.Errorf("Simon Rex's awards = %+v, %v", rex, err)
		}
		// The films touched were refreshed: Anora's answers name the Globe.
		k, err := st.FilmKnowledge(ctx, "anora-2024")
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, a := range k.Answers {
			found = found || strings.Contains(a.Answer, "Golden Globe Awards 2025")
		}
		if !found {
			t.Error("Anora's generated answers do not mention the imported Golden Globe nomination")
		}

		sum, err = ImportAwards(ctx, st, "testdata/awards/sean-baker.json", AwardsOptions{})
		if err != nil || sum.Imported != 3 {
			t.Fatalf("json: %+v, %v", sum, err)
		}
		if as, _ := st.PersonAwards(ctx, "mya-taylor"); len(as) != 1 || as[0].SourceRef != "sean-baker.json" {
			t.Errorf("Mya Taylor's award after the JSON import = %+v", as)
		}
	})
}

func TestImportAwardsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	st := demoStore(t, filepath.Join(t.TempDir(), "awards.db"))
	n := count(t, st, "awards")
	sum, err := ImportAwards(ctx, st, "testdata/awards/bad.csv", AwardsOptions{})
	if !errors.Is(err, ErrRejected) {
		t.Fatalf("err = %v, want ErrRejected", err)
	}
	if got := count(t, st, "awards"); got != n {
		t.Errorf("awards went from %d to %d rows after a rejected file", n, got)
	}
	var got []string
	for _, e := range sum.RowErrors {
		got = append(got, e.Error())
	}
	want := []string{
		`bad.csv: line 3: field year: "20x5" is not a year between 1900 and ` + itoa(film.MaxYear()),
		"bad.csv: line 4: field ceremony: empty",
		`bad.csv: line 5: field outcome: "maybe" is not won or nominated`,
		"bad.csv: line 6: field film: no film with slug no-such-film-1999",
		"bad.csv: line 7: field person: no person with slug nobody-at-all",
		"bad.csv: line 8: wrong column count: 4 columns, want 6",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("row errors (-want +got):\n%s", diff)
	}
	if sum.Imported != 0 {
		t.Errorf("summary says %d imported after a rejected file", sum.Imported)
	}
	// A dry run of a good file writes nothing either.
	if _, err := ImportAwards(ctx, st, "testdata/awards/sean-baker.csv", AwardsOptions{Options: Options{DryRun: true}}); err != nil {
		t.Fatal(err)
	}
	if got := count(t, st, "awards"); got != n {
		t.Errorf("a dry run wrote %d awards", got-n)
	}
}

func TestAwardReaderHeaders(t *testing.T) {
	for _, tc := range []struct{ in, err string }{
		{"", "empty file"},
		{"ceremony,year,category\n", "missing column(s) outcome, film, film_title or person"},
		{"{\"ceremony\": 1}", "not a JSON array"},
	} {
		_, err := NewAwardReader("x", strings.NewReader(tc.in), "")
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%q: err = %v, want %q", tc.in, err, tc.err)
		}
	}
}

func FuzzAwardReader(f *testing.F) {
	for _, p := range []string{"testdata/awards/sean-baker.csv", "testdata/awards/sean-baker.json", "testdata/awards/bad.csv"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`[{"ceremony": ["x"], "category": {"a": 1}, "outcome": true}, 3, null]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		ar, err := NewAwardReader("fuzz", strings.NewReader(string(b)), "")
		if err != nil {
			return
		}
		for i := 0; i < 10000; i++ {
			row, err := ar.Next()
			var re *RowError
			switch {
			case err == nil:
				if row.Ceremony == "" || row.Category == "" || (row.Outcome != film.OutcomeWon && row.Outcome != film.OutcomeNominated) {
					t.Fatalf("accepted an invalid row: %+v", row)
				}
			case errors.As(err, &re):
			default:
				return
			}
		}
	})
}
