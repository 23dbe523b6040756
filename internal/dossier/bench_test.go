package dossier

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// repeatReference returns the reference article repeated to about n bytes.
func repeatReference(tb testing.TB, n int) []byte {
	tb.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "corpus", "red-rocket.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return bytes.Repeat(append(src, "\n\n"...), n/(len(src)+2)+1)
}

func BenchmarkParse(b *testing.B) {
	src := repeatReference(b, 5<<20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("bench.txt", src, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// TestParseLinear checks that 8× the input takes well under 20× the time:
// the best of three runs each, so a busy machine does not make it flaky.
func TestParseLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	best := func(src []byte) time.Duration {
		var m time.Duration
		for range 3 {
			start := time.Now()
			if _, err := Parse("x.txt", src, nil); err != nil {
				t.Fatal(err)
			}
			if el := time.Since(start); m == 0 || el < m {
				m = el
			}
		}
		return m
	}
	small, large := best(repeatReference(t, 256<<10)), best(repeatReference(t, 2<<20))
	if large > 20*small {
		t.Errorf("8× input took %v, %.1f× the %v of 1×", large, float64(large)/float64(small), small)
	}
}
