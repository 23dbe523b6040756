package knowledge

import "testing"

func TestKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"the American Dream", "american dream"},
		{"American dream", "american dream"},
		{"American Dreams", "american dream"},
		{"sex worker", "sex work"},
		{"Sex workers", "sex work"},
		{"Prostitution", "sex work"},
		{"Class", "class"},
		{"classes", "class"},
		{"Families", "family"},
		{"Coming-of-age", "coming of age"},
		{"coming of age", "coming of age"},
		{"Wigs", "wig"},
		{"a crisis", "crisis"},
		{"Politics", "politics"},
		{"Moonee’s castles", "moonee castle"},
		{"The", "the"},
		{"  ", ""},
		{"Amélie's wishes", "amelie wish"},
	} {
		if got := Key(tc.in); got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDisplayName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"the American Dream", "American Dream"},
		{"redemption", "Redemption"},
		{"  unchecked   ambition. ", "Unchecked ambition"},
		{"The", "The"},
	} {
		if got := DisplayName(tc.in); got != tc.want {
			t.Errorf("DisplayName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
