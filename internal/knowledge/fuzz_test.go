package knowledge

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzText feeds arbitrary text to the readers of prose: they must not
// panic, and what they return must be usable (valid UTF-8, short keys,
// known categories).
func FuzzText(f *testing.F) {
	for _, s := range []string{
		"It delves into a myriad of themes, including redemption, identity, the pursuit of the American Dream.",
		"Scenes depicting drug use and sexual content have sparked debates.",
		"themes of , , and and or", "is about —", "explores \xff\xfe", "The the THE", "a meditation on",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, fd := range ThemesInText(s) {
			if fd.Key == "" || len(strings.Fields(fd.Key)) > maxWords || !utf8.ValidString(fd.Key) {
				t.Fatalf("bad theme %q from %q", fd.Key, s)
			}
		}
		for _, a := range AdvisoriesInText(s) {
			if err := a.Validate(); err != nil {
				t.Fatalf("invalid advisory %+v from %q: %v", a, s, err)
			}
		}
		k := Key(s)
		if !utf8.ValidString(k) || strings.Contains(k, "  ") {
			t.Fatalf("Key(%q) = %q", s, k)
		}
		_ = DisplayName(s)
		_ = Mentions(s, map[string]bool{"american dream": true, "sex work": true}, nil)
	})
}
