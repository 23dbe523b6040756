package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"marquee/internal/store"
)

// TestBrowserAdminChangesRole: an admin created with `marquee user add
// --role admin` signs in to a running `marquee serve` in Chromium and
// makes a member an editor; the member's sessions end with the change.
func TestBrowserAdminChangesRole(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	exe := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		if os.Getenv("CI") != "" && os.Getenv("CI") != "false" {
			t.Fatal("CI is set but no chromium is installed")
		}
		t.Skip("no chromium on PATH")
	}
	db := filepath.Join(t.TempDir(), "m.db")
	for _, u := range []struct{ pw, role, name string }{
		{"orchid-telescope-42\n", "admin", "ada"},
		{"velvet-mountain-77\n", "member", "milo"},
	} {
		if code, _, errOut := runIn(t, u.pw, "user", "add", "--db", db, "--role", u.role, u.name); code != 0 {
			t.Fatalf("user add %s: %s", u.name, errOut)
		}
	}
	base := startServe(t, db, "--no-demo")
	// milo is signed in elsewhere; the role change must end that session.
	if code, _ := signInAttempt(t, base, "milo", "velvet-mountain-77"); code != 303 {
		t.Fatalf("milo signs in = %d", code)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // start the browser outside any timeout
		t.Fatalf("start chromium: %v", err)
	}
	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		tctx, c := context.WithTimeout(ctx, 30*time.Second)
		defer c()
		if err := chromedp.Do(tctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	do("sign in as the admin",
		chromedp.Navigate(base+"/signin"),
		chromedp.WaitVisible("#username"),
		chromedp.SendKeys("#username", "ada"),
		chromedp.SendKeys("#password", "orchid-telescope-42"),
		chromedp.Submit("#password"),
		chromedp.WaitVisible(`nav.account a[href="/admin/users"]`))
	do("open the member list", chromedp.Click(`nav.account a[href="/admin/users"]`), chromedp.WaitVisible("#user-milo select"))
	do("make milo an editor",
		chromedp.SetValue("#user-milo select", "editor"),
		chromedp.Click("#user-milo form button"),
		chromedp.WaitVisible("p.notice"))
	if dir := os.Getenv("MARQUEE_ARTIFACTS"); dir != "" {
		if buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
			os.MkdirAll(filepath.Join(dir, "screenshots"), 0o755)
			os.WriteFile(filepath.Join(dir, "screenshots", "admin-users-1280.png"), buf, 0o644)
		}
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, err := st.UserByName(context.Background(), "milo")
	if err != nil || u.Role != "editor" {
		t.Fatalf("milo's role = %v (%v), want editor", u, err)
	}
	var sessions int
	st.DB().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM sessions WHERE user_id = $1`, u.ID).Scan(&sessions)
	if sessions != 0 {
		t.Errorf("milo has %d sessions after the role change, want 0 (rotated at privilege change)", sessions)
	}
	code, out, _ := runIn(t, "", "audit", "--db", db)
	if code != 0 || !strings.Contains(out, "POST /admin/users/{id}/role") || !strings.Contains(out, `{"role":"editor"}`) {
		t.Errorf("audit after the change:\n%s", out)
	}
}
