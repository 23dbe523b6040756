package web

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeSource is axe-core's axe.min.js, from $MARQUEE_AXE (.ci/run installs
// it). Without it the check is skipped, except under CI, where it must run.
func axeSource(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("MARQUEE_AXE"); p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("MARQUEE_AXE: %v", err)
		}
		return string(b)
	}
	if os.Getenv("CI") != "" && os.Getenv("CI") != "false" {
		t.Fatal("CI is set but MARQUEE_AXE is not: .ci/run must install axe-core")
	}
	return ""
}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// axeCheck runs axe-core on the page shown and fails on any serious or
// critical violation.
func axeCheck(t *testing.T, ctx context.Context, axe, page string) {
	t.Helper()
	if axe == "" {
		return
	}
	step(t, ctx, "inject axe-core into "+page, chromedp.Evaluate[chromedp.Void](axe+";0"))
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document).then(r => JSON.stringify(r.violations))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe on %s: %v", page, err)
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatalf("axe on %s: %v", page, err)
	}
	for _, v := range vs {
		if v.Impact == "serious" || v.Impact == "critical" {
			var where []string
			for _, n := range v.Nodes[:min(3, len(v.Nodes))] {
				b, _ := json.Marshal(n.Target)
				where = append(where, string(b))
			}
			t.Errorf("axe on %s: %s (%s): %s at %s", page, v.ID, v.Impact, v.Help, strings.Join(where, ", "))
		}
	}
}

// TestBrowserWalk walks home → search → film → person → character →
// compare → lists → theme → history as a reader would, at 1280 and 390 px, saving a screenshot of
// each page, checking nothing scrolls sideways on a phone, and running
// axe-core on every page type at both widths.
func TestBrowserWalk(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	axe := axeSource(t)
	ctx, base, _ := browser(t)
	dir := artifactsDir(t)
	pages := []struct{ name, path, wait string }{
		{"home", "/", "h1"},
		{"search", "/search?q=moonee", "ol.results"},
		{"search-films", "/search?q=baker&kind=film", "ol.results"},
		{"film", "/films/the-florida-project-2017", "h1"},
		{"person", "/people/sean-baker", "h1"},
		{"character", "/films/the-florida-project-2017/characters/moonee", "h1"},
		{"compare-form", "/compare", "h1"},
		{"compare", "/compare/red-rocket-2021/the-florida-project-2017", "h1"},
		{"films", "/films?genre=Drama&decade=2010&sort=year", "nav.facets"},
		{"people", "/people", "h1"},
		{"theme", "/themes/american-dream", "h1"},
		{"history", "/films/red-rocket-2021/history", "table.history"},
	}
	for _, width := range []int64{1280, 390} {
		for _, p := range pages {
			vp := chromedp.EmulateViewport(width, 900)
			if width < 500 {
				vp = chromedp.EmulateViewport(width, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile)
			}
			step(t, ctx, "open "+p.path, vp, chromedp.Navigate(base+p.path), chromedp.WaitVisible(p.wait))
			if width < 500 {
				wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
				if err != nil || wide {
					t.Errorf("%s scrolls sideways at %d px (%v)", p.path, width, err)
				}
			}
			if width == 1280 {
				shot(t, ctx, filepath.Join(dir, "walk-"+p.name+"-1280.png"))
			} else {
				viewShot(t, ctx, filepath.Join(dir, "walk-"+p.name+"-390.png"))
			}
			axeCheck(t, ctx, axe, p.path+" at "+strconv.Itoa(int(width))+" px")
			if p.name == "film" {
				tocFold(t, ctx, width)
			}
		}
	}
}

// tocFold checks the film page's contents list: open at 1280 px, folded
// at 390 px until its summary is clicked.
func tocFold(t *testing.T, ctx context.Context, width int64) {
	t.Helper()
	shown := `document.querySelector(".toc-fold ol").checkVisibility()`
	visible, err := chromedp.Run(ctx, chromedp.Evaluate[bool](shown))
	if err != nil {
		t.Fatalf("contents list: %v", err)
	}
	if width >= 900 {
		if !visible {
			t.Errorf("the contents list is folded at %d px", width)
		}
		return
	}
	if visible {
		t.Errorf("the contents list is open at %d px; it should be folded", width)
	}
	step(t, ctx, "open the contents", chromedp.Click(".toc-fold > summary"))
	if visible, err = chromedp.Run(ctx, chromedp.Evaluate[bool](shown)); err != nil || !visible {
		t.Errorf("the contents list stays folded after a click at %d px (%v)", width, err)
	}
}
