package dossier

import (
	"strings"
	"testing"
)

// wordPieces is every line of the corpora, with pieces cut inside runes
// and words, and text built for the tokenizer's edge cases.
func wordPieces(t *testing.T) []string {
	t.Helper()
	lines := corpusLines(t)
	out := append([]string{}, lines...)
	for _, l := range lines {
		for k := 1; k < len(l); k += 7 {
			out = append(out, l[k:])
		}
	}
	return append(out, "Émile Zola’s J’accuse & Ürgüp", "A & B, AT&T and R&D", "Ōzu's de la Tour’ von Trier’s",
		"ßeta Ǆemal ǅemal Σίσυφος ΣΊΣΥΦΟΣ", "John C. Reilly, U.S. & U.K.", "l'Amour d’Été", "1954 A24 4K")
}

// TestTokenCapIsIsCap checks the capital flag the tokenizer sets against
// isCap on the word's text, in both tokenizers, and that no token is a
// bare "&" (which the old connector set held, and isConnector does not).
func TestTokenCapIsIsCap(t *testing.T) {
	n := 0
	for _, l := range wordPieces(t) {
		for _, ws := range [][]word{tokenize(l, nil), tokenizeCaps(l, nil)} {
			for _, w := range ws {
				n++
				if w.cap != isCap(w.s) {
					t.Fatalf("%q in %q: cap %v, isCap %v", w.s, l, w.cap, isCap(w.s))
				}
				if w.s == "&" {
					t.Fatalf("a bare & token in %q", l)
				}
			}
		}
	}
	if n < 10000 {
		t.Fatalf("only %d words tokenized: the test checks little", n)
	}
}

// TestClassWordsCoversRuns checks that classWords gives every word a
// capitalised run can hold the class wordClass gives it: harvestRun,
// run and person read the class from the word instead of looking it up.
func TestClassWordsCoversRuns(t *testing.T) {
	runs := 0
	for _, l := range wordPieces(t) {
		ws := tokenizeCaps(l, nil)
		classWords(ws)
		capRuns(l, ws, func(a, b int) {
			runs++
			for k := a; k < b; k++ {
				if ws[k].cls != wordClass[ws[k].s] {
					t.Fatalf("%q in %q: class %08b, wordClass %08b", ws[k].s, l, ws[k].cls, wordClass[ws[k].s])
				}
			}
		})
	}
	if runs < 1000 {
		t.Fatalf("only %d runs: the test checks little", runs)
	}
}

// TestConnectorsAreTheOldSet checks isConnector against the set capRuns
// looked up before (less "&", never a token).
func TestConnectorsAreTheOldSet(t *testing.T) {
	old := "of the de del van von da du la le der"
	for _, w := range strings.Fields(old) {
		if !isConnector(w) {
			t.Errorf("isConnector(%q) = false", w)
		}
	}
	for _, w := range []string{"Of", "The", "and", "a", "des", "&", ""} {
		if isConnector(w) {
			t.Errorf("isConnector(%q) = true", w)
		}
	}
}

// TestActorVerbGate checks actorVerb's first-byte gate against the plain
// search of every verb, after every word of the corpora and on built text.
func TestActorVerbGate(t *testing.T) {
	plain := func(s string) (int, bool) {
		for _, v := range actorVerbs {
			if strings.HasPrefix(s, v.text) {
				return len(v.text), v.strong
			}
		}
		return 0, false
	}
	cases := []string{" as ", " is", " is ", ", as ", ", who plays X", " plays", " plays ", " stars as ", " portrays ", " who plays ", "", " ", ",", ", "}
	for _, l := range wordPieces(t) {
		for _, w := range tokenize(l, nil) {
			cases = append(cases, l[w.end:])
		}
	}
	hits := 0
	for _, c := range cases {
		n, strong := actorVerb(c)
		if pn, ps := plain(c); n != pn || strong != ps {
			t.Fatalf("actorVerb(%q) = %d, %v; the plain search gives %d, %v", c, n, strong, pn, ps)
		}
		if n > 0 {
			hits++
		}
	}
	if hits < 20 {
		t.Fatalf("only %d verbs found: the test checks little", hits)
	}
}

// TestSplitLinesIsSplit checks splitLines against strings.Split on text
// without carriage returns (its fast path), pieces of the corpora
// included.
func TestSplitLinesIsSplit(t *testing.T) {
	cases := []string{"", "\n", "\n\n", "a", "a\n", "\na", "a\nb\n\nc"}
	for _, l := range wordPieces(t)[:2000] {
		l = strings.ReplaceAll(l, "\r", "")
		cases = append(cases, l, l+"\n"+l, "\n"+l+"\n")
	}
	for _, c := range cases {
		got, want := splitLines(c), strings.Split(c, "\n")
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") || len(got) != len(want) {
			t.Fatalf("splitLines(%q) = %q, want %q", c, got, want)
		}
	}
}

// TestSentenceCuesGate checks that every sentence sentenceCues turns
// away gives no fact through the full tests, on every sentence and piece
// of the corpora and on text built for the case-folding corners.
func TestSentenceCuesGate(t *testing.T) {
	cases := []string{"It WON THE Palme d'Or in 1994.", "NOMİNATED for two Oscars in 2001.", "A 120-MINUTE cut from 1999.",
		"It cost €3 million in 2003.", "RELEASED on 4 May 2012.", "Shown at the Berlin FESTIVAL in 1988.", "Runs 95 minutes.",
		"It grossed ₩13.5 billion.", "It made £2 in 1977.", "\u212aurosawa won 3 awards.", "Premiered in 2019.", "In 1954, Japan."}
	for _, l := range wordPieces(t) {
		cases = append(cases, l)
		cases = append(cases, sentences(l)...)
	}
	passed := 0
	for _, c := range cases {
		if sentenceCues(c) {
			passed++
			continue
		}
		if got := cuedSentenceFacts(c); len(got) > 0 {
			t.Fatalf("sentenceCues(%q) = false, but the full tests find %+v", c, got)
		}
	}
	if passed < 100 || passed == len(cases) {
		t.Fatalf("%d of %d cases let through: the test checks little", passed, len(cases))
	}
}

// FuzzSentenceCues checks the gate on any text: what sentenceCues turns
// away, the full tests find nothing in.
func FuzzSentenceCues(f *testing.F) {
	for _, s := range []string{"It won the Palme d'Or.", "NOMİNATED in 2001", "€3 million", "Runs 95 MINUTES", "\u212a 1954"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !sentenceCues(s) {
			if got := cuedSentenceFacts(s); len(got) > 0 {
				t.Fatalf("sentenceCues(%q) = false, but the full tests find %+v", s, got)
			}
		}
	})
}
