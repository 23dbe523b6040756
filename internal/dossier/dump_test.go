package dossier

import (
	"encoding/json"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(f)
	d, err := Parse(f, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range d.Sections {
		t.Logf("%-14s %q L%d", s.Kind, s.Heading, s.Line)
		for _, sub := range s.Subsections {
			t.Logf("     sub %q L%d", sub.Label, sub.Line)
		}
	}
	for _, f := range d.FAQ {
		t.Logf("Q %q\n  A %q", f.Question, f.Answer)
	}
	b, _ := json.MarshalIndent(struct{ F, C, Q, M, N, W any }{d.Film, d.Cast, d.Quotes, d.Mentions, d.Noise, d.Warnings}, "", " ")
	t.Logf("%s", b)
}

func TestDumpText(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(f)
	d, _ := Parse(f, src, nil)
	os.Stdout.Write(RenderText(d))
}
