package imdbgen

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestDeterministic checks that the same options write the same bytes,
// which the benchmark and the kill test rely on.
func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	opts := Options{Scale: 0.0005, Bad: 0.01, Seed: 7}
	if _, err := Generate(a, opts); err != nil {
		t.Fatal(err)
	}
	counts, err := Generate(b, opts)
	if err != nil {
		t.Fatal(err)
	}
	if counts["title.basics"] != 500 || counts["name.basics"] != 750 {
		t.Errorf("counts = %v, want 500 titles and 750 names", counts)
	}
	for name := range Headers {
		x, _ := os.ReadFile(filepath.Join(a, name+".tsv"))
		y, _ := os.ReadFile(filepath.Join(b, name+".tsv"))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s differs between runs with the same seed (or is empty)", name)
		}
	}
}
