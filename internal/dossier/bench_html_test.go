package dossier

import (
	"bytes"
	"runtime"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// BenchmarkHTMLCeiling times, on the development corpus's HTML group and
// in the same loop, what bounds an HTML reader built on x/net/html:
// the bare tokenizer (every token read, nothing kept), Parse's read stage
// alone (decoding, the reader's tree, the content pass: what Parse does
// before structure and extraction), and the whole Parse, each against
// goldmark building its tree of the same bytes. x-goldmark-tokenizer is
// the highest ratio any reader that tokenizes the page can reach.
func BenchmarkHTMLCeiling(b *testing.B) {
	docs := devCorpusByFormat(b, 256<<10)[formatHTML]
	md := goldmark.New()
	size := groupBytes(docs)
	b.SetBytes(size)
	var tok, rd, parse, gm time.Duration
	timed := func(d *time.Duration, fn func()) {
		start := time.Now()
		fn()
		runtime.GC()
		*d += time.Since(start)
	}
	for b.Loop() {
		timed(&tok, func() {
			for _, src := range docs {
				z := html.NewTokenizer(bytes.NewReader(src))
				for z.Next() != html.ErrorToken {
				}
			}
		})
		timed(&rd, func() {
			for _, src := range docs {
				if _, err := read("bench", src, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
		timed(&parse, func() {
			for _, src := range docs {
				if _, err := Parse("bench", src, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
		timed(&gm, func() {
			for _, src := range docs {
				md.Parser().Parse(text.NewReader(src))
			}
		})
	}
	b.ReportMetric(gm.Seconds()/tok.Seconds(), "x-goldmark-tokenizer")
	b.ReportMetric(gm.Seconds()/rd.Seconds(), "x-goldmark-read")
	b.ReportMetric(gm.Seconds()/parse.Seconds(), "x-goldmark-parse")
}
