package web

import "testing"

func TestByteSize(t *testing.T) {
	for n, want := range map[int64]string{1 << 20: "1 MiB", 32 << 20: "32 MiB", 512 << 10: "512 KiB", 1000: "1,000 bytes", 1: "1 byte", 1<<20 + 1: "1,048,577 bytes"} {
		if got := byteSize(n); got != want {
			t.Errorf("byteSize(%d) = %q, want %q", n, got, want)
		}
	}
}
