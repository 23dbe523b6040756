package dossier

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
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

// flatYAMLSeeds are headers of the shapes flatYAML reads or must refuse.
var flatYAMLSeeds = []string{
	"title: Red Rocket\ndate: 2021-12-10\nyear: 2021\ntags: [review, drama]",
	"layout: post\ntitle: \"Review: Aftersun (2022)\"\nauthor: 'Jane Doe'\ncategories:\n  - reviews\n  - drama",
	"title: Review: Aftersun", "title: x # note", "title: true", "title: ~", "year: 0123", "year: 09", "year: 1_000",
	"date: 2021-6-1", "date: 2021-06-01 10:00:00", "date: 2021-13-40", "tags: [a, b,]", "tags: []", "tags: [\"a, b\", c]",
	"tags:\n- a\n- b\nnext: x", "tags:\n  - a\n   - b", "tags:\n\n  - a", "title: Red\n  Rocket", "title: a\ntitle: b",
	"Title: a\ntitle: b", "movie title: Parasite", "movie_title: Parasite", "a:b: c", "key:value", "  title: x",
	"title: \"a\\\"b\"", "title: 'it''s'", "title: \"\"", "title: ''", "title: é", "title: \u00a0x", "title: x\u2028y",
	"title: \ufeffx", "title: x\ty", "title:", "title:   ", "- a", "? a", "&a title: x", "title: *a", "title: !!str 5",
	"title: [a, [b]]", "title: {a: b}", "title: a:", "title: 12345678901234567890", "title: -5", "title: .5", "null: x",
	"tags:\n  - \"x\"\n  - 'y'\n  - 3", "", "\n\n", "title: x\n\n\nauthor: y", "title: C# and F#", "title: [a]b]",
}

// FuzzFlatYAML checks that every header flatYAML reads, yaml.Unmarshal
// reads without error into the same map; a header it refuses goes to
// yaml.Unmarshal, so refusals are always safe.
func FuzzFlatYAML(f *testing.F) {
	for _, s := range flatYAMLSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		checkFlatYAML(t, body)
	})
}

func checkFlatYAML(t *testing.T, body string) {
	t.Helper()
	got, ok := flatYAML(strings.Split(body, "\n"))
	if !ok {
		return
	}
	want := map[string]any{}
	if err := yaml.Unmarshal([]byte(body), &want); err != nil {
		t.Fatalf("flatYAML read %q, yaml.Unmarshal refuses it: %v", body, err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("flatYAML(%q) (-yaml +flat):\n%s", body, diff)
	}
}

// TestFlatYAMLReadsCommonHeaders checks the fast path is taken for the
// headers posts usually have (or it would save nothing), and that the
// corpora's headers and the seeds read as yaml.Unmarshal reads them.
func TestFlatYAMLReadsCommonHeaders(t *testing.T) {
	for _, s := range flatYAMLSeeds {
		checkFlatYAML(t, s)
	}
	for _, s := range flatYAMLSeeds[:2] {
		if _, ok := flatYAML(strings.Split(s, "\n")); !ok {
			t.Errorf("flatYAML refused a common header:\n%s", s)
		}
	}
	taken := 0
	for _, dir := range []string{"corpus", "articles", "dev", "real"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
		for _, f := range files {
			src, _ := os.ReadFile(f)
			lines := strings.Split(string(src), "\n")
			if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
				continue
			}
			for i := 1; i < len(lines) && i < maxFrontMatterLines; i++ {
				if strings.TrimRight(lines[i], " \t") == "---" {
					checkFlatYAML(t, strings.Join(lines[1:i], "\n"))
					if _, ok := flatYAML(lines[1:i]); ok {
						taken++
					}
					break
				}
			}
		}
	}
	t.Logf("fast path taken for %d corpus headers", taken)
}

// TestOnePassScansMatchTheirCues checks factSigns and wikiMarks, each
// one pass over a line, against the substring tests they replace, on
// every line of the corpora and on lines built around each cue.
func TestOnePassScansMatchTheirCues(t *testing.T) {
	facts := []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "won", "Won", "nomin", "Nomin", "ward", "rize", "Festival", "Palme", "Lion", "Bear"}
	wiki := []string{"{{", "[[", "{.", "{#", "[^", "\"wikilink\"", "''"}
	lines := corpusLines(t)
	for _, c := range append(append([]string{}, facts...), wiki...) {
		lines = append(lines, c, "x"+c, c+"x", "a "+c[:len(c)-1], c[1:]+" b", "=="+c, "="+c)
	}
	lines = append(lines, "", "=", "==", "== Plot ==", "{", "[", "'", "\"wikilink", "wo n", "Lio n")
	for _, l := range lines {
		want := false
		for _, c := range facts {
			want = want || strings.Contains(l, c)
		}
		if got := factSigns(l); got != want {
			t.Errorf("factSigns(%q) = %v, want %v", l, got, want)
		}
		want = strings.HasPrefix(l, "==")
		for _, c := range wiki {
			want = want || strings.Contains(l, c)
		}
		if got := wikiMarks(l); got != want {
			t.Errorf("wikiMarks(%q) = %v, want %v", l, got, want)
		}
	}
}

// TestGazetteerRunGate checks that gating the gazetteer look-up on the
// run's first word never changes its answer, on every capitalised run
// of the corpora and on every name of the gazetteer itself.
func TestGazetteerRunGate(t *testing.T) {
	lines := corpusLines(t)
	for _, set := range []map[string]bool{places, publications} {
		for name := range set {
			lines = append(lines, "In "+name+" and "+name+"’s streets")
		}
	}
	hits := 0
	for _, l := range lines {
		ws := tokenize(l, nil)
		for a := range ws {
			for b := a + 1; b <= len(ws) && b <= a+6; b++ {
				want := isGazetteer(joinWords(ws, a, b))
				if got := isGazetteerRun(ws, a, b); got != want {
					t.Fatalf("isGazetteerRun(%q, %d, %d) = %v, want %v", l, a, b, got, want)
				}
				if want {
					hits++
				}
			}
		}
	}
	if hits == 0 {
		t.Fatal("no gazetteer name found: the test checks nothing")
	}
}

// TestWordClassMatchesTheSets checks the one look-up harvestRun makes
// against the sets it stands for, on every word of the corpora and of
// the sets.
func TestWordClassMatchesTheSets(t *testing.T) {
	var words []string
	for _, l := range corpusLines(t) {
		for _, w := range tokenize(l, nil) {
			words = append(words, w.s)
		}
	}
	for _, set := range []map[string]bool{stopCaps, orgWords, firstNames} {
		for w := range set {
			words = append(words, w)
		}
	}
	for w := range gazetteerWords {
		words = append(words, w)
	}
	for _, w := range words {
		c := wordClass[w]
		if c&wcStop != 0 != stopCaps[w] || c&wcOrg != 0 != orgWords[w] || c&wcGiven != 0 != firstNames[w] ||
			c&wcGazetteer != 0 != (gazetteerWords[w] > 0) || int(c>>wcGazShift) != gazetteerWords[w] {
			t.Fatalf("wordClass[%q] = %04b, disagrees with the sets", w, c)
		}
	}
}

// TestLowerTextIsToLower checks lowerText against strings.ToLower on
// every line of the corpora, their pieces cut at every few bytes (so
// inside runes too), and text built to catch the special cases.
func TestLowerTextIsToLower(t *testing.T) {
	cases := []string{"", "abc", "ABC", "Émile ZOLA’s “Nana”", "\xff\xfeA", "A\xc3", "İstanbul", "ΣΊΣΥΦΟΣ", "\ufffdA", "KELVIN \u212a", "ǅ Dž", "ß ẞ"}
	for _, l := range corpusLines(t) {
		cases = append(cases, l)
		for i := 0; i < len(l); i += 7 {
			cases = append(cases, l[i:], l[:i])
		}
	}
	for _, s := range cases {
		if got, want := lowerText(s), strings.ToLower(s); got != want {
			t.Fatalf("lowerText(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestTrimNoiseMarksIsTrim checks the shortcut against strings.Trim on
// every line of the corpora and on lines opening or closing with each mark.
func TestTrimNoiseMarksIsTrim(t *testing.T) {
	lines := corpusLines(t)
	for _, m := range []string{"*", "_", "#", ">", "[", "]", "(", ")", " ", "\t", "-", "–", "—", "é", "\xe2"} {
		lines = append(lines, m, m+"Home"+m, m+"Home", "Home"+m)
	}
	for _, l := range append(lines, "") {
		if got, want := trimNoiseMarks(l), strings.Trim(l, "*_#>[]() \t-–—"); got != want {
			t.Fatalf("trimNoiseMarks(%q) = %q, want %q", l, got, want)
		}
	}
}

// TestCitationHeadMatchesWholeText checks that the citation regexp gives
// the same answer on citationHead(s) as on s, for every paragraph-sized
// line of the corpora and for entries built to match.
func TestCitationHeadMatchesWholeText(t *testing.T) {
	lines := append(corpusLines(t), "Bragg, Melvyn (1998). The Seventh Seal (Det Sjunde Inseglet). BFI Publishing.",
		"Bergman, Ingmar (1960). Four Screenplays.", "Bergman Ingmar, (1960).", "Élodie, Ångström (2001a). X", "O’Hara, J. (1999).")
	matched := 0
	for _, l := range lines {
		want := citationEntry.MatchString(l)
		if got := citationEntry.MatchString(citationHead(l)); got != want {
			t.Fatalf("citationHead(%q): match %v, whole text %v", l, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 3 {
		t.Fatalf("only %d citations matched: the test checks little", matched)
	}
}

// TestNormHeadingByteLoop checks normHeading, which reads ASCII a byte
// at a time, against the same normalisation done rune by rune, on every
// line of the corpora and on invalid UTF-8.
func TestNormHeadingByteLoop(t *testing.T) {
	ref := func(s string) string {
		s, _ = headingText(s)
		s = fold(s)
		var b strings.Builder
		space := false
		for _, r := range s {
			switch {
			case r == '&':
				if b.Len() > 0 {
					b.WriteString(" and")
				}
				space = true
				continue
			case r == '\'' || r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '"':
			default:
				space = true
				continue
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
		return strings.TrimPrefix(b.String(), "the ")
	}
	for _, l := range append(corpusLines(t), "2. PLOT & SYNOPSIS:", "The \xffEnd\xc3", "Amélie’s “Paris”", "\ufffd&\ufffd") {
		if got, want := normHeading(l), ref(l); got != want {
			t.Fatalf("normHeading(%q) = %q, want %q", l, got, want)
		}
	}
}
