package web

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"marquee/internal/auth"
)

// TestBrowserFavouritesSuggest signs up, types "ano" in the first
// favourite field, picks Anora from the suggest box (which fills in its
// address), saves, and finds Anora among the favourites on the profile.
func TestBrowserFavouritesSuggest(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	site, ctx, base, console := browserOn(t, newCorpusStore(t), Options{Auth: auth.Options{Params: cheapParams}})
	if err := site.Auth().SetSignupMode(context.Background(), auth.SignupOpen); err != nil {
		t.Fatal(err)
	}
	step(t, ctx, "open the sign-up page", chromedp.Navigate(base+"/signup"), chromedp.WaitVisible("#username"))
	submitted(t, ctx, "sign up",
		chromedp.SendKeys("#username", "fan"), chromedp.SendKeys("#password", "a long enough passphrase"),
		chromedp.Click(`form[action="/signup"] button`))
	step(t, ctx, "type a favourite",
		chromedp.Navigate(base+"/settings/films"), chromedp.WaitVisible("#fav1"),
		chromedp.SendKeys("#fav1", "ano"),
		chromedp.WaitVisible(`#fav1-suggest a[data-slug="anora-2024"]`))
	viewShot(t, ctx, filepath.Join(artifactsDir(t), "favourites-suggest-1280.png"))
	step(t, ctx, "pick Anora", chromedp.Click(`#fav1-suggest a[data-slug="anora-2024"]`))
	v, err := chromedp.Run(ctx, chromedp.Value("#fav1"))
	if err != nil || v != "anora-2024" {
		t.Fatalf("after picking Anora the field holds %q (%v)", v, err)
	}
	submitted(t, ctx, "save", chromedp.Click(`form[action="/settings/privacy"] button`))
	step(t, ctx, "open the profile", chromedp.Navigate(base+"/members/fan"), chromedp.WaitVisible("h1"))
	main, err := chromedp.Run(ctx, chromedp.Text("main"))
	if err != nil || !strings.Contains(main, "Anora") {
		t.Errorf("the profile does not show the favourite: %q (%v)", main, err)
	}
	if msgs := console(); len(msgs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(msgs, "\n"))
	}
}
