package dossier

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
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
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := Parse("bench.txt", src, nil); err != nil {
			b.Fatal(err)
		}
	}
	// On a shared machine wall time includes waiting for a core; the
	// process's CPU time (GC included) says what parsing itself costs.
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(len(src))*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// cpuTime is the user and system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestParseLinear checks that 8× the input takes well under 20× the time.
// It measures CPU time, not wall time, and keeps the best of three runs,
// so a busy machine does not make it flaky.
func TestParseLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	best := func(src []byte) time.Duration {
		var m time.Duration
		for range 3 {
			start := cpuTime()
			if _, err := Parse("x.txt", src, nil); err != nil {
				t.Fatal(err)
			}
			if el := cpuTime() - start; m == 0 || el < m {
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
