package recommend

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/store"
)

func TestReasons(t *testing.T) {
	baker := store.NamedKey{Key: "sean-baker", Name: "Sean Baker"}
	bergoch := store.NamedKey{Key: "chris-bergoch", Name: "Chris Bergoch"}
	elrod := store.CastKey{NamedKey: store.NamedKey{Key: "bree-elrod", Name: "Bree Elrod"}, Billing: 2}
	rex := store.CastKey{NamedKey: store.NamedKey{Key: "simon-rex", Name: "Simon Rex"}, Billing: 1}
	redRocket := store.FilmFeatures{Title: "Red Rocket", Year: 2021, Place: "Texas City, Texas",
		Directors: []store.NamedKey{baker}, Writers: []store.NamedKey{baker, bergoch}, Cast: []store.CastKey{rex, elrod},
		Themes: []store.NamedKey{{Key: "sex-work", Name: "Sex work"}, {Key: "american-dream", Name: "American Dream"}},
		Genres: []string{"Comedy", "Drama"}}
	tests := []struct {
		name string
		b    store.FilmFeatures
		co   CoRating
		want []string
	}{
		{
			name: "nothing shared",
			b:    store.FilmFeatures{Title: "Other", Year: 1950, Place: "Paris, France", Genres: []string{"Western"}},
			want: nil,
		},
		{
			name: "director, cast, writer, themes, place, ratings",
			b: store.FilmFeatures{Title: "B", Year: 2019, Place: "Houston, Texas", Directors: []store.NamedKey{baker},
				Writers: []store.NamedKey{bergoch}, Cast: []store.CastKey{elrod},
				Themes: []store.NamedKey{{Key: "american-dream", Name: "American Dream"}, {Key: "sex-work", Name: "Sex work"}}},
			co: CoRating{Raters: 51, Liked: 38},
			want: []string{
				"also directed by Sean Baker",
				"Bree Elrod is in both",
				"also written by Chris Bergoch",
				"shares themes: sex work, American Dream",
				"both set in Texas",
				"people who rated Red Rocket 4★ or more also rated it highly: 38 of 51",
			},
		},
		{
			name: "two cast members, genre and decade; too few raters and a minority liking say nothing",
			b:    store.FilmFeatures{Title: "C", Year: 2024, Cast: []store.CastKey{elrod, rex}, Genres: []string{"Drama"}},
			co:   CoRating{Raters: 2, Liked: 2},
			want: []string{"Simon Rex and Bree Elrod are in both", "shares genres: Drama", "both from the 2020s"},
		},
		{
			name: "raters who did not like it",
			b:    store.FilmFeatures{Title: "D"},
			co:   CoRating{Raters: 40, Liked: 10},
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Reasons(redRocket, tt.b, tt.co)); diff != "" {
				t.Errorf("Reasons (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPlaces(t *testing.T) {
	got := places("Brighton Beach, Brooklyn, and Las Vegas")
	if diff := cmp.Diff([]string{"Brighton Beach", "Brooklyn", "Las Vegas"}, got); diff != "" {
		t.Errorf("places (-want +got):\n%s", diff)
	}
}

func TestStars(t *testing.T) {
	for in, want := range map[float64]string{5: "5★", 4.5: "4½★", 0.5: "0½★", 3: "3★"} {
		if got := Stars(in); got != want {
			t.Errorf("Stars(%v) = %q, want %q", in, got, want)
		}
	}
}
