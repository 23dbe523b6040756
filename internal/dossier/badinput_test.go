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
