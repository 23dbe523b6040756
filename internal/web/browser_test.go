package web

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"marquee/internal/search"
)

// chromiumPath finds a Chromium to drive. Without one the browser tests
// skip, except under CI (CI=true), where they must run.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" && os.Getenv("CI") != "false" {
		t.Fatal("CI is set but no chromium is installed: .ci/run must install it (apt-get install -y chromium)")
	}
	t.Skip("no chromium on PATH; install it (apt-get install -y chromium) to run the browser tests")
	return ""
}

// artifactsDir is where screenshots go: $MARQUEE_ARTIFACTS/screenshots, or
// artifacts/screenshots at the repository root.
func artifactsDir(t *testing.T) string {
	dir := os.Getenv("MARQUEE_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "..", "artifacts")
	}
	dir = filepath.Join(dir, "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// browser starts a headless Chromium against a test server with the
// demo catalog and returns a chromedp context and the server's URL. Every
// console message the pages write is collected; console returns them.
func browser(t *testing.T) (ctx context.Context, base string, console func() []string) {
	site, err := New(newCorpusStore(t), discardLog(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { site.Close() })
	srv := httptest.NewServer(site.Handler())
	t.Cleanup(srv.Close)
	return browserAt(t, srv.URL)
}

// browserAt starts a headless Chromium for the site at base; see browser.
func browserAt(t *testing.T, base string) (ctx context.Context, _ string, console func() []string) {
	exe := chromiumPath(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // start the browser without a timeout
		t.Fatalf("start chromium: %v", err)
	}
	var (
		mu   sync.Mutex
		msgs []string
	)
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				mu.Lock()
				msgs = append(msgs, m.String()+" ("+m.URL+")")
				mu.Unlock()
			}
		}
	}()
	return ctx, base, func() []string {
		time.Sleep(200 * time.Millisecond) // let late messages arrive
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), msgs...)
	}
}

func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// submitted runs actions that submit a form (a click on its button) and
// returns once the browser shows the page that answered: the document the
// click left is marked first, and the wait ends when the current document
// carries no mark and has loaded. A selector wait cannot tell the pages
// apart when both have the element, and chromedp's Poll does not survive the
// navigation, so each probe is a short evaluation retried until the
// deadline.
func submitted(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, append([]chromedp.Action[chromedp.Void]{
		chromedp.Evaluate[chromedp.Void](`window.__marqueeLeft = true`)}, actions...)...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	for {
		pctx, c := context.WithTimeout(tctx, 2*time.Second)
		done, err := chromedp.Run(pctx, chromedp.Evaluate[bool](`!window.__marqueeLeft && document.readyState === "complete"`))
		c()
		if err == nil && done {
			return
		}
		select {
		case <-tctx.Done():
			t.Fatalf("%s: the page after the submit did not load (%v)", what, err)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// TestBrowserFilmPage opens the Red Rocket page in Chromium, follows the
// table of contents to the FAQ, and saves screenshots at phone and desktop
// widths.
func TestBrowserFilmPage(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx, base, console := browser(t)
	dir := artifactsDir(t)
	step(t, ctx, "open the film page",
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(base+"/films/red-rocket-2021"),
		chromedp.WaitVisible("h1"))
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil || !strings.Contains(title, "Red Rocket") {
		t.Fatalf("title = %q, %v", title, err)
	}
	shot(t, ctx, filepath.Join(dir, "red-rocket-1280.png"))
	viewShot(t, ctx, filepath.Join(dir, "red-rocket-1280-top.png"))
	step(t, ctx, "scroll to a quote", chromedp.Evaluate[chromedp.Void](`(document.querySelector("figure.quote")||document.body).scrollIntoView({block:"center"})`))
	viewShot(t, ctx, filepath.Join(dir, "red-rocket-1280-quote.png"))
	step(t, ctx, "follow the contents to the FAQ", chromedp.Click(`nav.toc a[href="#faq"]`), chromedp.Sleep(300*time.Millisecond))
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !strings.HasSuffix(loc, "#faq") {
		t.Fatalf("after clicking FAQ, location = %q, %v", loc, err)
	}
	inView, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(function(){var r=document.getElementById("faq").getBoundingClientRect();return r.top>=-2&&r.top<window.innerHeight})()`))
	if err != nil || !inView {
		t.Errorf("FAQ heading not scrolled into view (%v)", err)
	}
	viewShot(t, ctx, filepath.Join(dir, "red-rocket-1280-faq.png"))
	questions, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("section.faq .qa h3").length`))
	if err != nil || questions < 3 {
		t.Errorf("the FAQ shows %d questions (%v); the article has more", questions, err)
	}
	step(t, ctx, "phone width",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate(base+"/films/red-rocket-2021"),
		chromedp.WaitVisible("h1"))
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if err != nil || wide {
		t.Errorf("the page scrolls sideways at 390 px (%v)", err)
	}
	shot(t, ctx, filepath.Join(dir, "red-rocket-390.png"))
	viewShot(t, ctx, filepath.Join(dir, "red-rocket-390-top.png"))
	step(t, ctx, "scroll to the dossier", chromedp.Evaluate[chromedp.Void](`document.querySelector(".dossier h2").scrollIntoView()`))
	viewShot(t, ctx, filepath.Join(dir, "red-rocket-390-dossier.png"))
	for _, p := range []string{"/people/sean-baker", "/compare/red-rocket-2021/anora-2024", "/browse"} {
		step(t, ctx, "open "+p, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+p), chromedp.WaitVisible("h1"))
		shot(t, ctx, filepath.Join(dir, strings.Trim(strings.ReplaceAll(p, "/", "-"), "-")+"-1280.png"))
	}
	// The 404 page logs its own status to the console, so check before it.
	if msgs := console(); len(msgs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(msgs, "\n"))
	}
	step(t, ctx, "open a missing page", chromedp.Navigate(base+"/films/red-rockit"), chromedp.WaitVisible("h1"))
	shot(t, ctx, filepath.Join(dir, "not-found-1280.png"))
}

// TestBrowserSearch types "baker" in the search box, submits, and follows
// the result to Sean Baker's page.
func TestBrowserSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	probe := newTestStore(t)
	if _, err := search.New(probe).Search(context.Background(), search.Query{Text: "baker"}); err != nil && strings.Contains(err.Error(), "not built yet") {
		t.Skip("the search engine is not built in this tree yet")
	}
	ctx, base, console := browser(t)
	step(t, ctx, "search for baker",
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible("#q"),
		chromedp.SendKeys("#q", "baker"),
		chromedp.WaitVisible("#q-suggest a")) // suggestions as you type
	sug, err := chromedp.Run(ctx, chromedp.Text("#q-suggest"))
	if err != nil || !strings.Contains(sug, "Sean Baker") {
		t.Errorf("suggestions = %q, %v; want Sean Baker among them", sug, err)
	}
	viewShot(t, ctx, filepath.Join(artifactsDir(t), "suggest-1280.png"))
	step(t, ctx, "submit the search", chromedp.Submit("#q"), chromedp.WaitVisible("ol.results"))
	step(t, ctx, "follow the result to Sean Baker",
		chromedp.Click(`ol.results a[href="/people/sean-baker"]`),
		chromedp.WaitVisible("h1"))
	h1, err := chromedp.Run(ctx, chromedp.Text("h1"))
	if err != nil || strings.TrimSpace(h1) != "Sean Baker" {
		t.Fatalf("h1 = %q, %v", h1, err)
	}
	shot(t, ctx, filepath.Join(artifactsDir(t), "sean-baker-1280.png"))
	if msgs := console(); len(msgs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(msgs, "\n"))
	}
}

// viewShot saves what the viewport shows.
func viewShot(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", path, err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func shot(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	// Generous: a full-page capture of a long page on a loaded machine
	// has taken more than 30 s.
	tctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	png, err := chromedp.Run(tctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", path, err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}
