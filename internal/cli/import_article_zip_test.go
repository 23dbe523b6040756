package cli

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportArticleZip imports a zip of posts: each entry is imported or
// refused on its own line, and one bad post does not stop the others.
func TestImportArticleZip(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"MARQUEE_DB": filepath.Join(dir, "m.db")}
	archive := filepath.Join(dir, "posts.zip")
	f, err := os.Create(archive)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, body := range map[string]string{
		"_posts/2019-10-12-parasite.md": "---\nlayout: post\ntitle: \"Parasite review\"\nmovie title: Parasite\nyear: 2019\ndirector: Bong Joon-ho\n---\n\n" +
			"Bong Joon-ho's *Parasite* follows the Kim family as they work their way into the Park household. " +
			"It is a comedy until it is not, and the turn is earned.\n",
		"_posts/empty.md":  "",
		"_posts/.DS_Store": "\x00\x01",
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	f.Close()
	code, out, errOut := run(t, env, "import", "article", archive)
	if code != 1 {
		t.Errorf("exit %d, want 1 (one entry refused)", code)
	}
	if !strings.Contains(out, "posts.zip:_posts/2019-10-12-parasite.md → parasite-2019") {
		t.Errorf("the good post is not reported as stored:\n%s", out)
	}
	if !strings.Contains(errOut, "posts.zip:_posts/empty.md: empty file") {
		t.Errorf("the empty post is not refused on its own line:\n%s", errOut)
	}
	if strings.Contains(errOut+out, "DS_Store") {
		t.Errorf("a hidden file was read:\n%s%s", out, errOut)
	}
	if !strings.Contains(errOut, "1 of 2 files failed") {
		t.Errorf("the count of failures is wrong:\n%s", errOut)
	}
}
