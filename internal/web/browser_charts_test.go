package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"marquee/internal/film"
	"marquee/internal/store"
)

// browserOn serves st with opts and starts a headless Chromium for it
// (see browserAt); it returns the site too, for its settings.
func browserOn(t *testing.T, st *store.Store, opts Options) (*Server, context.Context, string, func() []string) {
	site, err := New(st, discardLog(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { site.Close() })
	srv := httptest.NewServer(site.Handler())
	t.Cleanup(srv.Close)
	ctx, base, console := browserAt(t, srv.URL)
	return site, ctx, base, console
}

// prolific credits one person on 150 films over 30 years, up to eight in a
// year, as director, writer and actor: the career that smeared the dots.
func prolific(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	if err := st.PutPerson(ctx, &film.Person{Slug: "pat-prolific", Name: "Pat Prolific"}); err != nil {
		t.Fatal(err)
	}
	for i := range 150 {
		f := &film.Film{Slug: fmt.Sprintf("busy-%d", i), Title: fmt.Sprintf("Busy Film %d", i), Year: 1990 + i%30}
		if err := st.PutFilm(ctx, f); err != nil {
			t.Fatal(err)
		}
		role, char := film.RoleCast, fmt.Sprintf("Part %d", i)
		switch i % 5 {
		case 0:
			role, char = film.RoleDirector, ""
		case 1:
			role, char = film.RoleWriter, ""
		}
		if err := st.PutCredit(ctx, film.Credit{FilmSlug: f.Slug, PersonSlug: "pat-prolific", Role: role, Character: char, Billing: 1}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBrowserChartsFit opens the box-office chart and a 150-film career
// timeline at phone and desktop widths: neither scrolls sideways, inside
// its figure or on the page, and their labels show at 11 px or more.
func TestBrowserChartsFit(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	st := newCorpusStore(t)
	prolific(t, st)
	_, ctx, base, _ := browserOn(t, st, Options{})
	dir := artifactsDir(t)
	for _, page := range []struct{ path, figure string }{
		{"/films/anora-2024", "#boxoffice-figure"},
		{"/people/pat-prolific", "#timeline-figure"},
	} {
		for _, w := range []int64{390, 1280} {
			opts := []chromedp.EmulateViewportOption{}
			if w < 640 {
				opts = append(opts, chromedp.EmulateScale(2), chromedp.EmulateMobile)
			}
			step(t, ctx, "open "+page.path,
				chromedp.EmulateViewport(w, 900, opts...),
				chromedp.Navigate(base+page.path),
				chromedp.WaitVisible(page.figure+" svg"),
				chromedp.Evaluate[chromedp.Void](`document.querySelector("`+page.figure+`").scrollIntoView()`))
			fit, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]float64](`(function(){
				var f = document.querySelector("`+page.figure+`"), box = f.querySelector(".chart-scroll"), svg = f.querySelector("svg");
				var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width, least = 1e9;
				svg.querySelectorAll("text").forEach(function(t){ least = Math.min(least, parseFloat(getComputedStyle(t).fontSize) * scale); });
				return {inner: box.scrollWidth - box.clientWidth, page: document.documentElement.scrollWidth - window.innerWidth, font: least};
			})()`))
			if err != nil {
				t.Fatalf("%s at %d px: %v", page.path, w, err)
			}
			if fit["inner"] > 1 || fit["page"] > 1 {
				t.Errorf("%s at %d px: scrolls sideways by %.0f px in its figure, %.0f px on the page", page.path, w, fit["inner"], fit["page"])
			}
			if fit["font"] < 11 {
				t.Errorf("%s at %d px: the smallest chart label is %.1f px", page.path, w, fit["font"])
			}
			viewShot(t, ctx, filepath.Join(dir, fmt.Sprintf("chart-%s-%d.png", page.figure[1:], w)))
		}
	}
}
