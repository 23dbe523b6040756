package web

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserAccount: in Chromium a new visitor signs up, signs out,
// signs in again, and deletes their account, which then cannot sign in.
func TestBrowserAccount(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	s := newAuthSite(t, filepath.Join(t.TempDir(), "b.db"))
	ctx, base, console := browserAt(t, s.srv.URL)
	dir := artifactsDir(t)
	text := func(sel string) string {
		t.Helper()
		tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		v, err := chromedp.Run(tctx, chromedp.Text(sel))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return v
	}
	step(t, ctx, "open the sign-up page from the header",
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(base+"/"),
		chromedp.Click(`nav.account a[href="/signin"]`),
		chromedp.WaitVisible(`a[href="/signup"]`),
		chromedp.Click(`main a[href="/signup"]`),
		chromedp.WaitVisible("#username"))
	step(t, ctx, "sign up",
		chromedp.SendKeys("#username", "Juno"),
		chromedp.SendKeys("#display_name", "Juno <b>Reyes</b>"),
		chromedp.SendKeys("#password", "saffron-quarry-lantern"),
		chromedp.Submit("#password"),
		chromedp.WaitVisible(`p.notice`))
	viewShot(t, ctx, filepath.Join(dir, "account-welcome-1280.png"))
	if got := text("nav.account"); !strings.Contains(got, "Juno <b>Reyes</b>") {
		t.Errorf("header after sign-up = %q, want the display name shown as text", got)
	}
	step(t, ctx, "sign out", chromedp.Click(`form.signout button`), chromedp.WaitVisible(`nav.account a[href="/signin"]`))
	step(t, ctx, "sign in",
		chromedp.Click(`nav.account a[href="/signin"]`),
		chromedp.WaitVisible("#username"),
		chromedp.SendKeys("#username", "juno"),
		chromedp.SendKeys("#password", "saffron-quarry-lantern"),
		chromedp.Submit("#password"),
		chromedp.WaitVisible(`nav.account a[href="/settings"]`))
	step(t, ctx, "delete the account",
		chromedp.Click(`nav.account a[href="/settings"]`),
		chromedp.WaitVisible("#delete-password"),
		chromedp.Click("#content-remove"),
		chromedp.SendKeys("#delete-password", "saffron-quarry-lantern"),
		chromedp.Submit("#delete-password"),
		chromedp.WaitVisible(`nav.account a[href="/signin"]`))
	if n, err := s.st.CountUsers(context.Background()); err != nil || n != 0 {
		t.Errorf("accounts after deletion: %d (%v), want 0", n, err)
	}
	step(t, ctx, "the deleted account cannot sign in",
		chromedp.Navigate(base+"/signin"),
		chromedp.WaitVisible("#username"),
		chromedp.SendKeys("#username", "juno"),
		chromedp.SendKeys("#password", "saffron-quarry-lantern"),
		chromedp.Submit("#password"),
		chromedp.WaitVisible("#form-error"))
	viewShot(t, ctx, filepath.Join(dir, "account-signin-refused-1280.png"))
	if got := text("#form-error"); !strings.Contains(got, "wrong") {
		t.Errorf("sign-in error = %q", got)
	}
	if msgs := console(); len(msgs) > 0 {
		// The refused sign-in answers 401, which Chromium logs; nothing else may.
		var other []string
		for _, m := range msgs {
			if !strings.Contains(m, "401") {
				other = append(other, m)
			}
		}
		if len(other) > 0 {
			t.Errorf("console errors:\n%s", strings.Join(other, "\n"))
		}
	}
}
