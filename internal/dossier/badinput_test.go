package dossier

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseBadInput(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
		want string // the error text, file and line included
	}{
		{"empty", nil, "empty.txt: empty file"},
		{"blank", []byte(" \n\r\n\t\n"), "blank.txt: empty file"},
		{"binary", []byte("Plot\n\nSome text\x00\x01\x02"), "binary.txt:3: binary data, not a text article"},
		{"control", bytes.Repeat([]byte{1, 2, 3, 'a'}, 100), "control.txt: binary data, not a text article"},
		{"table", []byte("| Title | Year |\n|---|---|\n| Red Rocket | 2021 |\n"), "table.txt:1: only a table, no article text"},
		{"noise", []byte("Advertisement\nShare this article\n"), "noise.txt: no article text (only page noise)"},
		{"title", []byte("# Red Rocket (2021)\n"), "title.txt:1: only a title, no article text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.name+".txt", tt.src, nil)
			var pe *ParseError
			if !errors.As(err, &pe) || d != nil {
				t.Fatalf("Parse = %v, %v; want a *ParseError", d, err)
			}
			if err.Error() != tt.want {
				t.Errorf("error = %q, want %q", err, tt.want)
			}
		})
	}
}

func TestParseLatin1(t *testing.T) {
	src := []byte("Synopsis\n\nAm\xe9lie (Audrey Tautou) works in a caf\xe9 in Montmartre.\n\nReception\n\nCritics loved it \x96 mostly.\n")
	d, err := Parse("amelie.txt", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Sections[0].Text; got != "Amélie (Audrey Tautou) works in a café in Montmartre." {
		t.Errorf("text = %q", got)
	}
	if got := d.Sections[1].Text; got != "Critics loved it – mostly." {
		t.Errorf("Windows-1252 dash: text = %q", got)
	}
	want := "amelie.txt: not valid UTF-8 (3 bytes, first on line 3); read them as Latin-1/Windows-1252"
	if len(d.Warnings) != 1 || d.Warnings[0] != want {
		t.Errorf("warnings = %q, want [%q]", d.Warnings, want)
	}
}

func TestParseTooLarge(t *testing.T) {
	src := bytes.Repeat([]byte("Plot\n\nWords and more words.\n\n"), 50<<20/29+1)[:50<<20]
	start := time.Now()
	_, err := Parse("huge.txt", src, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "huge.txt: file is 50.0 MB, over the 32.0 MB limit") {
		t.Errorf("err = %v", err)
	}
	if el := time.Since(start); el > time.Second {
		t.Errorf("rejecting 50 MB took %v", el)
	}
}

// TestParseLarge parses 50 MB when the caller allows it.
func TestParseLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 50 MB")
	}
	src := repeatReference(t, 50<<20)
	d, err := Parse("big.txt", src, &Options{MaxBytes: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sections) < 1000 {
		t.Errorf("only %d sections in 50 MB", len(d.Sections))
	}
}

// TestParseHostileHTML checks that scripts, styles and event attributes
// never reach a dossier, and that a 30 MB page parses in one pass.
func TestParseHostileHTML(t *testing.T) {
	page := `<html><head><style>p{color:red}</style><script>alert("head")</script></head><body onload="steal()">` +
		`<article><h1>Red Rocket</h1><p onclick="alert('x')">Sean Baker's <em>Red Rocket</em> follows Mikey Saber, a washed-up actor who returns to Texas City in 2016 and talks his way back into his estranged wife's house.</p>` +
		`<script>document.write("<p>injected</p>")</script><p>Simon Rex plays Mikey, and the film never asks us to like him, only to watch him sell himself again and again.</p>` +
		`<img src=x onerror="alert(1)"><iframe src="https://example.org/ad"></iframe></article></body></html>`
	d, err := Parse("hostile.html", []byte(page), nil)
	if err != nil {
		t.Fatal(err)
	}
	body := string(RenderMarkdown(d)) + string(RenderHTML(d))
	for _, bad := range []string{"alert", "steal", "injected", "color:red", "onclick", "onerror", "<script", "iframe"} {
		if strings.Contains(body, bad) {
			t.Errorf("rendered dossier contains %q", bad)
		}
	}
	if testing.Short() {
		return
	}
	var big strings.Builder
	big.WriteString("<html><body><article><h1>Red Rocket</h1>")
	para := "<p>Sean Baker's <em>Red Rocket</em> follows Mikey Saber back to Texas City, where nobody is pleased to see him and everybody is sold something.</p>\n"
	for big.Len() < 30<<20 {
		big.WriteString(para)
	}
	big.WriteString("</article></body></html>")
	if _, err := Parse("big.html", []byte(big.String()), nil); err != nil {
		t.Errorf("30 MB page: %v", err)
	}
}

// TestParseBrokenFrontMatter checks the warning names the file and line
// and the body is still read.
func TestParseBrokenFrontMatter(t *testing.T) {
	src := "---\ntitle: \"Unclosed\ntags: [a\n---\n\nSean Baker's *Red Rocket* follows Mikey Saber back to Texas City in 2016.\n"
	d, err := Parse("post.md", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Warnings) != 1 || !strings.HasPrefix(d.Warnings[0], "post.md:1: front matter does not parse") {
		t.Errorf("warnings = %q", d.Warnings)
	}
	if len(d.Sections) != 1 || !strings.Contains(d.Sections[0].Text, "Mikey Saber") || strings.Contains(d.Sections[0].Text, "title:") {
		t.Errorf("body not read as the article: %+v", d.Sections)
	}
}
