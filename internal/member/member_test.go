package member

import (
	"errors"
	"math"
	"testing"

	"marquee/internal/film"
)

func TestRatingFromStars(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want Rating
		ok   bool
	}{
		{0.5, 1, true}, {1, 2, true}, {3.5, 7, true}, {5, 10, true},
		{0, 0, false}, {5.5, 0, false}, {3.3, 0, false}, {-1, 0, false}, {math.NaN(), 0, false}, {math.Inf(1), 0, false},
	} {
		got, err := RatingFromStars("rating", tc.in)
		if tc.ok != (err == nil) || got != tc.want {
			t.Errorf("RatingFromStars(%v) = %v, %v; want %v ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
		var ve *film.ValidationError
		if err != nil && (!errors.As(err, &ve) || ve.Field != "rating") {
			t.Errorf("RatingFromStars(%v) error %v does not name the field", tc.in, err)
		}
	}
}

func TestParseStarsRefusesText(t *testing.T) {
	for _, s := range []string{"", "NaN", "three", "3.25", "0", "5.5", "3.3"} {
		if _, err := ParseStars("rating", s); err == nil {
			t.Errorf("ParseStars(%q) accepted", s)
		}
	}
	if r, err := ParseStars("rating", " 4.5 "); err != nil || r != 9 || r.String() != "4.5" || r.Glyphs() != "★★★★½" {
		t.Errorf("ParseStars(4.5) = %v %q %q, %v", int(r), r.String(), r.Glyphs(), err)
	}
}

func TestTenPointScaleRoundTrips(t *testing.T) {
	for n := 1; n <= 10; n++ {
		r, err := RatingFromTen("Your Rating", n)
		if err != nil || r.Ten() != n {
			t.Errorf("RatingFromTen(%d) = %v, %v", n, r, err)
		}
		back, err := RatingFromStars("rating", r.Stars())
		if err != nil || back != r {
			t.Errorf("stars round trip of %d = %v, %v", n, back, err)
		}
	}
	for _, n := range []int{0, 11, -3} {
		if _, err := RatingFromTen("Your Rating", n); err == nil {
			t.Errorf("RatingFromTen(%d) accepted", n)
		}
	}
}

func TestReviewValidate(t *testing.T) {
	long := make([]rune, MaxReviewLength+1)
	for i := range long {
		long[i] = 'é'
	}
	for _, tc := range []struct {
		name string
		r    Review
		ok   bool
	}{
		{"ok", Review{Body: "Fine."}, true},
		{"empty", Review{Body: "  "}, false},
		{"too long", Review{Body: string(long)}, false},
		{"at limit", Review{Body: string(long[1:])}, true},
		{"bad date", Review{Body: "x", WatchedOn: "2024-13-01"}, false},
		{"bad rating", Review{Body: "x", Rating: 11}, false},
	} {
		if err := tc.r.Validate(); (err == nil) != tc.ok {
			t.Errorf("%s: Validate() = %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}

func TestHistogram(t *testing.T) {
	h := Histogram{Counts: [10]int{1, 0, 0, 0, 0, 0, 0, 0, 0, 3}}
	if h.Count() != 4 || h.Mean() != (0.5+15)/4 {
		t.Errorf("count %d mean %v", h.Count(), h.Mean())
	}
	if (Histogram{}).Mean() != 0 {
		t.Error("empty mean not 0")
	}
}
