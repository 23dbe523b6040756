package dossier

import (
	"strings"
	"testing"
	"time"
)

// TestPathological parses inputs built to find super-linear corners: each
// must take about as long per byte as ordinary text.
func TestPathological(t *testing.T) {
	if testing.Short() {
		t.Skip("1 MB inputs")
	}
	const n = 1 << 20
	rep := func(s string) string { return strings.Repeat(s, n/len(s)) }
	inputs := map[string]string{
		"parens":        "Plot\n\n" + rep("("),
		"stars":         "Plot\n\n" + rep("*a "),
		"underscores":   "Plot\n\n" + rep("_a "),
		"straight":      "Plot\n\n" + rep("\" said Baker "),
		"curly open":    "Plot\n\n" + rep("“Red "),
		"caps run":      "Plot\n\n" + rep("Sean Baker Red Rocket "),
		"one word":      "Plot\n\n" + rep("a"),
		"pipes":         "Plot\n\n" + rep("a|b "),
		"headings":      rep("Plot Summary\n"),
		"questions":     rep("1. Why?\n"),
		"labels":        rep("Setting: x\n"),
		"brackets":      "Plot\n\n" + rep("[a]("),
		"backticks":     "Plot\n\n" + rep("`a "),
		"quotes said":   "Plot\n\n" + rep("he said, “It was a long day and a long night for us all.” "),
		"possessives":   "Plot\n\n" + rep("Baker’s "),
		"lists":         "Plot\n\n" + rep("- item\n  more\n"),
		"table":         "Plot\n\n" + rep("| a | b |\n"),
		"colons":        "Plot\n\n" + rep("A: "),
		"conclusions":   "Plot\n\n" + rep("In conclusion, x.\n\n"),
		"asterisk bold": "Plot\n\n" + rep("**a "),
	}
	// The read stage's inputs (HTML, front matter, wikitext, credits) are
	// a quarter of the size, so the whole test stays short on a busy
	// machine; a quadratic corner still shows at 256 KB.
	const small = n / 4
	rep = func(s string) string { return strings.Repeat(s, small/len(s)) }
	readInputs := map[string]string{
		"curly single":    "Plot\n\n" + rep("‘Red "),
		"straight single": "Plot\n\n" + rep(" 'Red "),
		"templates":       "Plot\n\n" + rep("{{sfn|"),
		"wikilinks":       "Plot\n\n" + rep("[[a|"),
		"footnotes":       "Plot\n\n" + rep("[^1"),
		"wiki headings":   rep("== a ==\n"),
		"br":              "Plot\n\n" + rep("a<br />"),
		"tags":            "Plot\n\n" + rep("<i>a "),
		"front matter":    "---\n" + rep("title: x\n"),
		"toml":            "+++\n" + rep("title = 'x'\n") + "+++\nBody text.\n",
		"credits":         rep("Director: A B\n"),
		"nav lines":       rep("Home\n"),
		"html divs":       "<html><body>" + rep("<div>") + "text",
		"html bold":       "<html><body><p>" + rep("<b>a "),
		"html paras":      "<html><body>" + rep("<p>Sean Baker’s “Red Rocket” is a film.</p>"),
		"html tables":     "<html><body><table>" + rep("<tr><td>a</td></tr>"),
		"html comments":   "<html><body>" + rep("<!-- a -->"),
		"directives":      "<%@ Page %>" + rep("<% a %>"),
	}
	// Compare with ordinary text of the same size rather than a fixed
	// time, so a busy machine slows both alike.
	for _, set := range []struct {
		size   int
		inputs map[string]string
	}{{n, inputs}, {small, readInputs}} {
		base := parseAndLint(t, repeatReference(t, set.size))
		for name, in := range set.inputs {
			el := parseAndLint(t, []byte(in))
			t.Logf("%s: %v (ordinary text: %v)", name, el, base)
			if el > 25*base+100*time.Millisecond {
				t.Errorf("%s: %d KB took %v, ordinary text %v", name, set.size>>10, el, base)
			}
		}
	}
}

// parseAndLint returns the CPU time of the better of two runs of Parse
// and Lint on src.
func parseAndLint(t *testing.T, src []byte) time.Duration {
	best := time.Duration(0)
	for range 2 {
		start := cpuTime()
		Parse("x.txt", src, nil)
		Lint("x.txt", src, nil, nil)
		if el := cpuTime() - start; best == 0 || el < best {
			best = el
		}
	}
	return best
}
