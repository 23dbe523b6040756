package web

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserPictures opens Red Rocket's page, with a stored poster, in
// Chromium at desktop and phone widths, checks that the poster really
// loaded from srcset (the rendition the layout asks for, not the SVG
// fallback), and saves screenshots.
func TestBrowserPictures(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	exe := chromiumPath(t)
	st := newTestStore(t)
	withPictures(t, st)
	site, err := New(st, discardLog(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { site.Close() })
	srv := httptest.NewServer(site.Handler())
	t.Cleanup(srv.Close)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	dir := artifactsDir(t)
	for _, vp := range []struct {
		name        string
		w, h        int64
		mobile      bool
		minRendered int // the poster's CSS width: 220 px on desktop, 150 on a phone
	}{
		{"1280", 1280, 900, false, 220},
		{"390", 390, 844, true, 150},
	} {
		opts := []chromedp.EmulateViewportOption{}
		if vp.mobile {
			opts = append(opts, chromedp.EmulateScale(2), chromedp.EmulateMobile)
		}
		step(t, ctx, "open the film page at "+vp.name,
			chromedp.EmulateViewport(vp.w, vp.h, opts...),
			chromedp.Navigate(srv.URL+"/films/red-rocket-2021"),
			chromedp.WaitVisible("img.poster"),
			chromedp.Poll[chromedp.Void](`document.querySelector("img.poster").complete`))
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function(){var i=document.querySelector("img.poster");
			return i.naturalWidth+" "+Math.round(i.getBoundingClientRect().width)+" "+i.currentSrc})()`))
		if err != nil {
			t.Fatal(err)
		}
		f := strings.Fields(got)
		if len(f) != 3 || f[0] == "0" || f[1] != itoa(vp.minRendered) || !strings.Contains(f[2], "/images/") {
			t.Errorf("at %s px the poster is %q (natural width, rendered width, source); want it loaded from /images/ at %d px", vp.name, got, vp.minRendered)
		}
		viewShot(t, ctx, filepath.Join(dir, "picture-red-rocket-"+vp.name+".png"))
	}
	step(t, ctx, "open the person page",
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(srv.URL+"/people/simon-rex"),
		chromedp.WaitVisible("img.portrait"),
		chromedp.Poll[chromedp.Void](`document.querySelector("img.portrait").complete`))
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelector("img.portrait").naturalWidth`))
	if err != nil || loaded == 0 {
		t.Errorf("headshot did not load: %d, %v", loaded, err)
	}
	viewShot(t, ctx, filepath.Join(dir, "picture-simon-rex-1280.png"))
}
