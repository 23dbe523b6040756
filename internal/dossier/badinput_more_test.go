package dossier

import (
	"regexp"
	"strings"
	"testing"
)

// TestParseMixedEncodings reads a UTF-8 file into which a few Latin-1
// bytes were pasted (a common result of copying from an old page): the
// UTF-8 stays as it is, the stray bytes are read as Windows-1252, and the
// warning names the first bad line.
func TestParseMixedEncodings(t *testing.T) {
	src := []byte("# Amélie\n\nJean-Pierre Jeunet’s film follows Amélie Poulain.\n\nShe works in a caf\xe9 in Montmartre \x96 the Deux Moulins.\n")
	d, err := Parse("mixed.md", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	text := d.Sections[0].Text
	for _, want := range []string{"Jeunet’s film follows Amélie Poulain.", "She works in a café in Montmartre – the Deux Moulins."} {
		if !strings.Contains(text, want) {
			t.Errorf("text %q lacks %q", text, want)
		}
	}
	want := "mixed.md: not valid UTF-8 (2 bytes, first on line 5); read them as Latin-1/Windows-1252"
	if len(d.Warnings) != 1 || d.Warnings[0] != want {
		t.Errorf("warnings = %q, want [%q]", d.Warnings, want)
	}
}

// TestRenderMarkdownNoRawHTML exports articles that carry raw HTML in
// their Markdown (blocks, inline tags, comments, event attributes):
// the exported Markdown holds their text and never a tag.
func TestRenderMarkdownNoRawHTML(t *testing.T) {
	src := "# Fallen Leaves\n\n" +
		"<div class=\"intro\" onclick=\"track()\">Aki Kaurismäki's <b>Fallen Leaves</b> follows Ansa and Holappa through a Helsinki winter.</div>\n\n" +
		"Ansa <span style=\"color:red\">works</span> in a supermarket<br>until she is sacked. <!-- editor: check -->\n\n" +
		"<script>alert(1)</script>\n\n" +
		"<iframe src=\"https://example.org/trailer\"></iframe>\n\n" +
		"## Reception\n\n<p align=center>Critics praised its <i>deadpan</i> warmth.</p>\n"
	d, err := Parse("leaves.md", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	md := string(RenderMarkdown(d))
	if tag := regexp.MustCompile(`</?[a-zA-Z][^>]*>|<!--`).FindString(md); tag != "" {
		t.Errorf("exported Markdown re-emits %q:\n%s", tag, md)
	}
	for _, bad := range []string{"alert", "track()", "color:red", "example.org", "editor: check"} {
		if strings.Contains(md, bad) {
			t.Errorf("exported Markdown contains %q:\n%s", bad, md)
		}
	}
	for _, want := range []string{"follows Ansa and Holappa", "supermarket", "deadpan"} {
		if !strings.Contains(md, want) {
			t.Errorf("exported Markdown lost %q:\n%s", want, md)
		}
	}
}
