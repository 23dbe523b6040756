package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"marquee/internal/auth"
	"marquee/internal/member"
	"marquee/internal/store"
)

// TestBrowserMemberJourney is the "done when" in Chromium: a new
// member signs up, imports a Letterboxd export, rates and reviews Red
// Rocket with a spoiler, logs it, adds it to a list, follows another
// member and sees their activity.
func TestBrowserMemberJourney(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	exe := chromiumPath(t)
	st := newCorpusStore(t)
	ctx0 := context.Background()
	site, err := New(st, discardLog(), Options{Auth: auth.Options{Params: cheapParams}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { site.Close() })
	if err := site.Auth().SetSignupMode(ctx0, auth.SignupOpen); err != nil {
		t.Fatal(err)
	}
	bo := &store.User{Username: "bo", PasswordHash: "x", Role: "member"}
	if err := st.CreateUser(ctx0, bo); err != nil {
		t.Fatal(err)
	}
	r := member.Rating(9)
	if err := st.SetFilmLog(ctx0, bo.ID, "anora-2024", store.FilmLogChange{Rating: &r}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(site.Handler())
	t.Cleanup(srv.Close)
	base := srv.URL
	export := filepath.Join(t.TempDir(), "letterboxd-export.zip")
	if err := os.WriteFile(export, zipOf(t, map[string]string{
		"watched.csv": "Date,Name,Year,Letterboxd URI\n2024-11-02,Tangerine,2015,https://boxd.it/aaaa\n2024-11-06,A Film Nobody Has,1999,https://boxd.it/cccc\n",
	}), 0o600); err != nil {
		t.Fatal(err)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	text := func(sel string) string {
		t.Helper()
		tctx, c := context.WithTimeout(ctx, 20*time.Second)
		defer c()
		s, err := chromedp.Run(tctx, chromedp.Text(sel))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	film := base + "/films/red-rocket-2021"
	step(t, ctx, "open the sign-up page", chromedp.Navigate(base+"/signup"), chromedp.WaitVisible("#username"))
	submitted(t, ctx, "sign up",
		chromedp.SendKeys("#username", "newcomer"), chromedp.SendKeys("#password", "a long enough passphrase"),
		chromedp.Click(`form[action="/signup"] button`))
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.Contains(loc, "/settings") {
		t.Fatalf("after sign-up at %s: %q", loc, text("body"))
	}
	step(t, ctx, "import a Letterboxd export",
		chromedp.Navigate(base+"/settings/films"), chromedp.WaitVisible("#export"),
		chromedp.SetUploadFiles("#export", []string{export}), chromedp.Click(`form[action="/settings/import"] button`),
		chromedp.WaitVisible("table"))
	if got := text("main"); !strings.Contains(got, "1 film rows") || !strings.Contains(got, "1 rows wait") {
		t.Errorf("import page: %q", got)
	}
	openForms := chromedp.Evaluate[chromedp.Void](`document.querySelectorAll(".member-forms details").forEach(d=>d.open=true)`)
	step(t, ctx, "open Red Rocket", chromedp.Navigate(film), chromedp.WaitVisible("#rate-stars"))
	submitted(t, ctx, "rate Red Rocket",
		chromedp.SetValue("#rate-stars", "4.5"), chromedp.Click(`form[action$="/rate"] button`))
	submitted(t, ctx, "review it with a spoiler", openForms,
		chromedp.SendKeys("#review-body", "The donut shop **ending** breaks you."),
		chromedp.Click(`form[action$="/reviews"] input[name="spoiler"]`), chromedp.Click(`form[action$="/reviews"] button`))
	submitted(t, ctx, "log it", openForms,
		chromedp.SetValue("#log-date", "2024-06-01"), chromedp.Click(`form[action$="/diary"] button`))
	submitted(t, ctx, "add it to a list", openForms,
		chromedp.SendKeys("#list-new", "Baker best"), chromedp.Click(`form[action$="/lists"] button`))
	step(t, ctx, "the members' block", chromedp.WaitVisible("#members"))
	members := text(`section[aria-labelledby="members"]`)
	if !strings.Contains(members, "mean of 1 member rating") || !strings.Contains(members, "This review contains spoilers") {
		t.Errorf("members' block: %q", members)
	}
	hidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.querySelector("details.spoiler").open`))
	if err != nil || !hidden {
		t.Errorf("the spoiler is not hidden behind a click (%v)", err)
	}
	step(t, ctx, "reveal the spoiler", chromedp.Click("details.spoiler summary"))
	if shown, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("details.spoiler").open`)); !shown {
		t.Error("clicking the summary did not show the spoiler")
	}
	step(t, ctx, "open bo's profile", chromedp.Navigate(base+"/members/bo"), chromedp.WaitVisible("h1"))
	submitted(t, ctx, "follow bo", chromedp.Click(`form[action="/members/bo/follow"] button`))
	step(t, ctx, "bo is followed", chromedp.WaitReady(`form[action="/members/bo/follow"] input[name="on"][value="0"]`))
	step(t, ctx, "see bo's activity", chromedp.Navigate(base+"/following"), chromedp.WaitVisible("h1"))
	if got := text("main"); !strings.Contains(got, "bo rated Anora (2024) ★★★★½") {
		t.Errorf("following page: %q", got)
	}
	step(t, ctx, "the profile shows the diary and the list", chromedp.Navigate(base+"/members/newcomer"), chromedp.WaitVisible("h1"))
	if got := text("main"); !strings.Contains(got, "Baker best") || !strings.Contains(got, "2024-06-01") {
		t.Errorf("profile: %q", got)
	}
	lookAtMemberPages(t, ctx, base, []string{film + "#members", base + "/members/newcomer", base + "/members/newcomer/diary",
		base + "/members/newcomer/lists/baker-best", base + "/following", base + "/settings/films"})
}

// lookAtMemberPages opens each of a signed-in member's pages at 1280 and
// 390 px, saves a screenshot (member-N-WIDTH.png), checks that nothing
// scrolls sideways on a phone and runs axe-core on each.
func lookAtMemberPages(t *testing.T, ctx context.Context, base string, urls []string) {
	t.Helper()
	axe, dir := axeSource(t), artifactsDir(t)
	for _, width := range []int64{1280, 390} {
		vp := chromedp.EmulateViewport(width, 900)
		if width < 500 {
			vp = chromedp.EmulateViewport(width, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile)
		}
		for i, u := range urls {
			step(t, ctx, "open "+u, vp, chromedp.Navigate(u), chromedp.WaitVisible("h1"))
			if width < 500 {
				wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
				if err != nil || wide {
					t.Errorf("%s scrolls sideways at %d px (%v)", u, width, err)
				}
			}
			shot(t, ctx, filepath.Join(dir, fmt.Sprintf("member-%d-%d.png", i+1, width)))
			axeCheck(t, ctx, axe, strings.TrimPrefix(u, base)+" at "+fmt.Sprint(width)+" px")
		}
	}
}
