package catalog

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCharactersAndJobs(t *testing.T) {
	chars := []struct {
		in   string
		want []string
	}{
		{`\N`, nil},
		{`["Mikey Saber"]`, []string{"Mikey Saber"}},
		{`["Ani","Anora \"Ani\" Mikheeva"]`, []string{"Ani", `Anora "Ani" Mikheeva`}},
		{`["Himself - Host "," ","Himself - Host"]`, []string{"Himself - Host"}},
		{`[" "]`, nil},
	}
	for _, tt := range chars {
		got, err := characters([]byte(tt.in))
		if err != nil || !cmp.Equal(got, tt.want) {
			t.Errorf("characters(%s) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	jobs := []struct{ category, job, want string }{
		{"cinematographer", "director of photography", "director of photography"},
		{"producer", "producer", ""},
		{"producer", "executive producer", "executive producer"},
		{"writer", "screenplay", "screenplay"},
		{"production_designer", `\N`, "production designer"},
		{"casting_director", "casting", "casting"},
		{"actor", `\N`, ""},
	}
	for _, tt := range jobs {
		if got, ok := jobOf([]byte(tt.category), []byte(tt.job)); !ok || got != tt.want {
			t.Errorf("jobOf(%s, %s) = %q, %v; want %q", tt.category, tt.job, got, ok, tt.want)
		}
	}
}

// FuzzCharacters: the principals' characters field never panics and gives
// trimmed, distinct, non-empty names.
func FuzzCharacters(f *testing.F) {
	for _, s := range []string{`\N`, `["A"]`, `["A","B"]`, `["A \"B\""," "]`, `[`, `["\u00e9"]`, `[1]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := characters(b)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, c := range got {
			if c == "" || c != strings.TrimSpace(c) || seen[c] {
				t.Fatalf("characters(%q) = %q", b, got)
			}
			seen[c] = true
		}
	})
}
