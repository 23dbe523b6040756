package knowledge

import "testing"

func TestAwardName(t *testing.T) {
	for _, tc := range []struct{ category, want string }{
		{"Best Director", "Best Director"},
		{"Best Original Screenplay", "Best Original Screenplay"},
		{"Palme d'Or", "the Palme d'Or"},
		{"Golden Lion", "the Golden Lion"},
		{"Bester Film", "the Bester Film"},
	} {
		if got := awardName(tc.category); got != tc.want {
			t.Errorf("awardName(%q) = %q, want %q", tc.category, got, tc.want)
		}
	}
}
