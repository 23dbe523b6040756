package cli

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"

	"marquee/internal/catalog"
)

func TestProgressLine(t *testing.T) {
	p := catalog.Progress{File: "title.basics.tsv.gz", Phase: "load", Rows: 500000, Bytes: 50e6, Size: 100e6, Elapsed: 10 * time.Second}
	got := progressLine(p)
	for _, want := range []string{"title.basics.tsv.gz", " 50%", "500000 rows", "5.0 MB/s", "ETA 10s"} {
		if !strings.Contains(got, want) {
			t.Errorf("progressLine = %q, lacks %q", got, want)
		}
	}
}

// TestShowProgressTerminal checks that a terminal gets a redrawn bar and
// a pipe gets log lines, and that both end when the channel closes.
func TestShowProgressTerminal(t *testing.T) {
	for _, tty := range []bool{true, false} {
		var w bytes.Buffer
		ch := make(chan catalog.Progress, 4)
		ch <- catalog.Progress{File: "name.basics.tsv", Phase: "load", Rows: 10, Bytes: 1, Size: 2, Elapsed: time.Second}
		ch <- catalog.Progress{File: "name.basics.tsv", Phase: "done", Rows: 20, Bytes: 2, Size: 2, Elapsed: time.Second}
		close(ch)
		showProgress(&w, tty, slog.New(slog.NewTextHandler(&w, nil)), ch)
		out := w.String()
		if tty && !strings.Contains(out, "\r\033[K") {
			t.Errorf("terminal output has no redraw: %q", out)
		}
		if !tty && !strings.Contains(out, "import progress") {
			t.Errorf("log output has no progress line: %q", out)
		}
	}
}
