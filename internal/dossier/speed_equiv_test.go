package dossier

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// wordPrefix is the plain form of what firstKeyword does for one
// keyword: whether w occurs in s at the start of a word.
func wordPrefix(s, w string) bool {
	for i := 0; i+len(w) <= len(s); {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		if i+j == 0 || s[i+j-1] == ' ' {
			return true
		}
		i += j + 1
	}
	return false
}

// corpusLines returns every line of the corpora, each folded as a
// heading: the inputs the fast paths below see.
func corpusLines(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, dir := range []string{"corpus", "articles", "dev", "real"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, strings.Split(string(src), "\n")...)
		}
	}
	return out
}

// TestFirstKeywordIsWordPrefixInOrder checks the indexed keyword search
// against trying each keyword in order, on every line of the corpora
// (folded as headings) and on cases built to catch an off-by-one.
func TestFirstKeywordIsWordPrefixInOrder(t *testing.T) {
	cases := []string{"", "plot", "the plot", "xplot", "box-office", "plot synopsis", "synopsis plot", "release history",
		"final thoughts on the music", "a cast of characters", "sound and vision", "questions", "q", "faq faq", " faq"}
	for _, l := range corpusLines(t) {
		cases = append(cases, normHeading(l), l)
	}
	for _, s := range cases {
		want := -1
		for i, kw := range keywords {
			if wordPrefix(s, kw.word) {
				want = i
				break
			}
		}
		if got := firstKeyword(s); got != want {
			t.Errorf("firstKeyword(%q) = %d, want %d", s, got, want)
		}
	}
}
