package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// wrappedWords lists the elements matching sel whose text is one word (or
// one command) yet is laid out on more than one line.
const wrappedWords = `(sel, oneWord) => Array.from(document.querySelectorAll(sel)).filter(el => {
  const text = el.textContent.trim();
  if (oneWord && text.includes(" ")) return false;
  const r = document.createRange(); r.selectNodeContents(el);
  const tops = new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top)));
  return tops.size > 1;
}).map(el => el.textContent.trim())`

// TestBrowserNoWordBrokenInLabels: at 1280 and 390 px the infobox's
// one-word labels ("Cinematographer") stay on one line, and the command a
// film without a dossier names ("marquee import article") is not split
// inside a word.
func TestBrowserNoWordBrokenInLabels(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx, base, _ := browser(t)
	for _, width := range []int64{1280, 390} {
		vp := chromedp.EmulateViewport(width, 900)
		if width < 500 {
			vp = chromedp.EmulateViewport(width, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile)
		}
		step(t, ctx, "open Anora", vp, chromedp.Navigate(base+"/films/anora-2024"), chromedp.WaitVisible("h1"))
		labels, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".facts dt")).map(d => d.textContent.trim())`))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(labels, " "), "Cinematographer") {
			t.Fatalf("no Cinematographer label to check at %d px: %v", width, labels)
		}
		for _, c := range []struct {
			sel     string
			oneWord bool
		}{{".facts dt", true}, {".missing code", false}} {
			broken, err := chromedp.Run(ctx, chromedp.Evaluate[[]string]("("+wrappedWords+")("+jsString(c.sel)+", "+map[bool]string{true: "true", false: "false"}[c.oneWord]+")"))
			if err != nil {
				t.Fatal(err)
			}
			if len(broken) > 0 {
				t.Errorf("at %d px, %s broken across lines: %q", width, c.sel, broken)
			}
		}
	}
}

func jsString(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
