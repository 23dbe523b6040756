package web

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"marquee/internal/auth"
	"marquee/internal/demo"
)

// TestBrowserWikiStory is issue 14's story in Chromium, with one browser
// per person: a member posts a theory on Red Rocket, another votes and
// replies; two editors edit the Fan Theories section at once, the
// second save is refused with a merged proposal and saved from it; the
// first editor's change is undone; history, diff and recent changes show
// every step.
func TestBrowserWikiStory(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	exe := chromiumPath(t)
	site := newAuthSite(t, filepath.Join(t.TempDir(), "wiki.db"))
	if err := demo.Load(context.Background(), site.st); err != nil {
		t.Fatal(err)
	}
	const pw = "correct horse battery staple"
	site.addUser("ann", auth.RoleMember, pw)
	site.addUser("ed", auth.RoleEditor, pw)
	site.addUser("eve", auth.RoleEditor, pw)
	base := site.srv.URL
	dir := artifactsDir(t)

	// One Chromium per person: each has its own cookies, and each page is
	// in the foreground of its own browser, so it renders.
	person := func(name string) context.Context {
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
			chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
			chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
		ctx, cancel := chromedp.NewContext(actx)
		t.Cleanup(func() { cancel(); cancelAlloc() })
		if err := chromedp.Do(ctx); err != nil {
			t.Fatalf("start chromium: %v", err)
		}
		step(t, ctx, name+" opens the sign-in page",
			chromedp.EmulateViewport(1280, 900),
			chromedp.Navigate(base+"/signin"), chromedp.WaitVisible("#username"))
		submitted(t, ctx, name+" signs in",
			chromedp.SendKeys("#username", name), chromedp.SendKeys("#password", pw), chromedp.Submit("#password"))
		return ctx
	}
	text := func(ctx context.Context, sel string) string {
		t.Helper()
		tctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		s, err := chromedp.Run(tctx, chromedp.Text(sel))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	// ed votes and replies as any member would, then edits as an editor.
	ann, ed, eve := person("ann"), person("ed"), person("eve")
	bob := ed

	step(t, ann, "ann posts a theory",
		chromedp.Navigate(base+"/films/red-rocket-2021/theories"), chromedp.WaitVisible("#theory-title"),
		chromedp.SendKeys("#theory-title", "Strawberry was always one step ahead"),
		chromedp.SendKeys("#theory-body", "Watch her face in the *last* shot: she has already left."),
		chromedp.Click(`form[action$="/theories"] button[type=submit]`), chromedp.WaitVisible("article.theory h1"))
	theoryURL, err := chromedp.Run(ann, chromedp.Location())
	if err != nil || !strings.Contains(theoryURL, "/theories/") {
		t.Fatalf("after posting, ann is at %q (%v)", theoryURL, err)
	}
	step(t, bob, "ed votes up and replies",
		chromedp.Navigate(theoryURL), chromedp.WaitVisible(".votes"),
		// Wait for the page after the vote (its Up button pressed), not the
		// old page's heading, before typing into the reply box.
		chromedp.Click(`.votes form:first-child button`), chromedp.WaitVisible(`.votes button[aria-pressed="true"]`),
		chromedp.SendKeys("#comment-new", "The donut shop scene says the same."),
		chromedp.Click(`form.new-comment button`), chromedp.WaitVisible("ol.comments li.comment"))
	if got := text(bob, "article.theory header .muted"); !strings.Contains(got, "score 1") {
		t.Errorf("after bob's vote the theory says %q", got)
	}
	if got := text(bob, "ol.comments"); !strings.Contains(got, "donut shop scene") {
		t.Errorf("bob's reply is not shown: %q", got)
	}
	viewShot(t, bob, filepath.Join(dir, "wiki-theory-1280.png"))

	// Both editors open the Fan Theories section before either saves.
	openSection := func(ctx context.Context, who string) {
		step(t, ctx, who+" opens the editor",
			chromedp.Navigate(base+"/films/red-rocket-2021/edit"), chromedp.WaitVisible("#edit-text"))
		submitted(t, ctx, who+" opens the Fan Theories section",
			chromedp.Evaluate[chromedp.Void](`location.href = Array.from(document.querySelectorAll("details.sections a")).find(a => /fan theor/i.test(a.textContent)).href`))
		step(t, ctx, who+" sees the section's text", chromedp.WaitVisible("#edit-text"))
		if k := text(ctx, "header.page-head .kicker"); !strings.Contains(strings.ToLower(k), "fan theor") {
			t.Fatalf("%s is not editing the Fan Theories section: %q", who, k)
		}
	}
	openSection(ed, "ed")
	openSection(eve, "eve")
	step(t, ed, "ed adds a paragraph and saves",
		chromedp.Evaluate[chromedp.Void](`document.getElementById("edit-text").value += "\n\nEd's addition: the pink donut sign is the film's last joke.\n"`),
		chromedp.SendKeys("#edit-summary", "ed: the donut sign"),
		chromedp.Click(`button[name=save]`), chromedp.WaitVisible("table.history"))
	step(t, eve, "eve changes the first paragraph and saves over ed",
		chromedp.Evaluate[chromedp.Void](`(function(){var t=document.getElementById("edit-text");var p=t.value.split("\n\n");p[1]+=" Eve's note on the theory.";t.value=p.join("\n\n")})()`),
		chromedp.SendKeys("#edit-summary", "eve: a note"),
		chromedp.Click(`button[name=save]`), chromedp.WaitVisible("section.conflict"))
	proposal, err := chromedp.Run(eve, chromedp.Value("#edit-text"))
	if err != nil || !strings.Contains(proposal, "Ed's addition") || !strings.Contains(proposal, "Eve's note on the theory.") {
		t.Fatalf("the merge proposal lacks one edit (%v)", err)
	}
	viewShot(t, eve, filepath.Join(dir, "wiki-conflict-1280.png"))
	step(t, eve, "eve saves the proposal", chromedp.Click(`button[name=save]`), chromedp.WaitVisible("table.history"))

	// Ed's revision is the one with his summary; undo it from the history.
	step(t, ed, "ed opens the history",
		chromedp.Navigate(base+"/films/red-rocket-2021/history"), chromedp.WaitVisible("table.history"))
	submitted(t, ed, "ed's change is undone",
		chromedp.Evaluate[chromedp.Void](`(function(){var row=Array.from(document.querySelectorAll("table.history tbody tr")).find(r=>r.textContent.includes("ed: the donut sign"));row.querySelector("button.linkish").click()})()`))
	step(t, ed, "the history after the undo", chromedp.WaitVisible("table.history"))
	hist := text(ed, "table.history")
	for _, want := range []string{"ed: the donut sign", "eve: a note", "Undo revision"} {
		if !strings.Contains(hist, want) {
			t.Errorf("history lacks %q", want)
		}
	}
	viewShot(t, ed, filepath.Join(dir, "wiki-history-1280.png"))
	step(t, ed, "the latest diff", chromedp.Click(`form.history > button[type=submit]`), chromedp.WaitVisible(".diff"))
	if d := text(ed, ".diff"); !strings.Contains(d, "Ed's addition") {
		t.Errorf("the diff of the undo does not show ed's paragraph removed: %q", d)
	}
	viewShot(t, ed, filepath.Join(dir, "wiki-diff-1280.png"))
	step(t, ed, "recent changes", chromedp.Navigate(base+"/recent-changes"), chromedp.WaitVisible("ol.changes"))
	rc := text(ed, "ol.changes")
	for _, want := range []string{"new theory on", "comment on", "ed", "eve", "Strawberry was always one step ahead"} {
		if !strings.Contains(rc, want) {
			t.Errorf("recent changes lacks %q", want)
		}
	}
	shot(t, ed, filepath.Join(dir, "wiki-recent-changes-1280.png"))
	step(t, ann, "phone width theory page",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate(theoryURL), chromedp.WaitVisible("h1"))
	if wide, err := chromedp.Run(ann, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`)); err != nil || wide {
		t.Errorf("the theory page scrolls sideways at 390 px (%v)", err)
	}
	viewShot(t, ann, filepath.Join(dir, "wiki-theory-390.png"))
}
