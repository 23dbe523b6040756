package dossier

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

// devCorpusByFormat returns the development corpus (testdata/dev) grouped
// by the format Parse reads each file as, each group repeated to about n
// bytes as separate articles.
func devCorpusByFormat(tb testing.TB, n int) map[string][][]byte {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "dev", "*"))
	if err != nil {
		tb.Fatal(err)
	}
	groups := map[string][][]byte{}
	for _, f := range files {
		if filepath.Base(f) == "README.md" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		d, err := Parse(filepath.Base(f), src, nil)
		if err != nil {
			continue // the all-navigation page: refused, not timed
		}
		groups[d.Format] = append(groups[d.Format], src)
	}
	for k, docs := range groups {
		size := 0
		for _, d := range docs {
			size += len(d)
		}
		var out [][]byte
		for total := 0; total < n; total += size {
			out = append(out, docs...)
		}
		groups[k] = out
	}
	return groups
}

func groupBytes(docs [][]byte) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d))
	}
	return n
}

// BenchmarkDevCorpus parses the development corpus by format — the whole
// pipeline: decoding, front matter, readability for HTML, structure,
// extraction — and, on the same bytes, goldmark building its tree
// (BenchmarkDevCorpus/goldmark-*), the peer baseline of the speed target
// (at least 0.4× goldmark's MB/s; see docs/benchmarks.md).
func BenchmarkDevCorpus(b *testing.B) {
	groups := devCorpusByFormat(b, 1<<20)
	for _, format := range []string{formatMarkdown, formatText, formatWiki, formatHTML} {
		docs := groups[format]
		if len(docs) == 0 {
			continue
		}
		b.Run("parse-"+format, func(b *testing.B) {
			b.SetBytes(groupBytes(docs))
			b.ReportAllocs()
			for b.Loop() {
				for _, src := range docs {
					if _, err := Parse("bench", src, nil); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		b.Run("goldmark-"+format, func(b *testing.B) {
			md := goldmark.New()
			b.SetBytes(groupBytes(docs))
			b.ReportAllocs()
			for b.Loop() {
				for _, src := range docs {
					md.Parser().Parse(text.NewReader(src))
				}
			}
		})
	}
}

// TestDevCorpusBenchInput checks the benchmark times every format.
func TestDevCorpusBenchInput(t *testing.T) {
	groups := devCorpusByFormat(t, 1)
	for _, f := range []string{formatMarkdown, formatText, formatWiki, formatHTML} {
		if len(groups[f]) == 0 || !bytes.Contains(bytes.Join(groups[f], nil), []byte(" ")) {
			t.Errorf("no %s articles in the development corpus", f)
		}
	}
}
