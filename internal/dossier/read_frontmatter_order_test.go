package dossier

import (
	"slices"
	"testing"
)

// TestFrontMatterKeysInOneOrder checks that front matter whose keys fold to
// the same name, or that spreads tags over several keys, reads the same on
// every call: the keys are taken in sorted order, not the map's random one.
func TestFrontMatterKeysInOneOrder(t *testing.T) {
	raw := map[string]any{
		"Title": "Upper", "title": "Lower", "movie_title": "Red Rocket", "Movie Title": "Tangerine",
		"tags": []any{"a", "b"}, "categories": []any{"c"}, "tag": "d", "genres": []any{"e"},
	}
	first := metaFrom(raw)
	if first.Title != "Lower" || first.FilmTitle != "Red Rocket" {
		t.Fatalf("title %q, film %q: want the last key in sorted order (\"title\", \"movie_title\")", first.Title, first.FilmTitle)
	}
	for range 50 {
		got := metaFrom(raw)
		if got.Title != first.Title || got.FilmTitle != first.FilmTitle || !slices.Equal(got.Tags, first.Tags) {
			t.Fatalf("read differently: %+v, then %+v", first, got)
		}
	}
}
