package dossier

import (
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

// BenchmarkBaselineGoldmark parses the same input as BenchmarkParse with
// goldmark, a CommonMark parser that builds a block and inline tree but
// knows nothing of sections, FAQs, quotes or people. It is the peer
// baseline for the parser's throughput: run both in one command and
// compare MB/s (see docs/benchmarks.md).
func BenchmarkBaselineGoldmark(b *testing.B) {
	src := repeatReference(b, 5<<20)
	md := goldmark.New()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		doc := md.Parser().Parse(text.NewReader(src))
		if doc.ChildCount() == 0 {
			b.Fatal("goldmark parsed nothing")
		}
	}
}
