package cli

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/catalog/imdbgen"
	"marquee/internal/demo"
	"marquee/internal/store"
)

// tableChecksums returns every table's row count and digest, but for
// the import ledger, which records a run as running before its
// transaction begins (so that a killed import is told apart), and the
// page cache's stamp, which that record moves.
func tableChecksums(t *testing.T, db string) map[string]store.Checksum {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tables, err := st.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]store.Checksum{}
	for _, tb := range tables {
		if tb.Name == "import_runs" || tb.Name == "cache_generations" {
			continue
		}
		c, err := st.TableChecksum(ctx, tb.Name, tb.ColumnNames())
		if err != nil {
			t.Fatal(err)
		}
		out[tb.Name] = c
	}
	return out
}

// restored restores backup into a new database and returns its checksums.
func restored(t *testing.T, backup string) map[string]store.Checksum {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "restored.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Restore(ctx, backup); err != nil {
		t.Fatal(err)
	}
	st.Close()
	return tableChecksums(t, db)
}

// While `marquee import imdb` runs in another process and holds the
// writer — stopped mid-load with SIGSTOP, so the overlap does not depend
// on timing — serve answers pages, and backup, export and search work; a
// backup taken during the import restores to the catalog exactly as it
// was before it, and one taken as it finishes to before or after.
func TestCommandsDuringImport(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.LoadIfEmpty(ctx, st); err != nil {
		t.Fatal(err)
	}
	var slug string
	if err := st.DB().QueryRowContext(ctx, `SELECT f.slug FROM films f JOIN dossier_sections s ON s.film_id = f.id ORDER BY f.id LIMIT 1`).Scan(&slug); err != nil {
		t.Fatal(err)
	}
	st.Close()
	data := filepath.Join(dir, "imdb")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := imdbgen.Generate(data, imdbgen.Options{Scale: 0.01, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	before := tableChecksums(t, db)

	imp := exec.Command(os.Args[0], "-test.run=^$")
	imp.Env = append(os.Environ(), "MARQUEE_LOG=json", envChildArgs+"="+strings.Join([]string{"import", "imdb", "--db", db, data}, "\x1f"))
	stderr, err := imp.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := imp.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	loading := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stderr)
		seen := false
		for sc.Scan() {
			// title.basics: the transaction is open and rows are going in.
			if !seen && strings.Contains(sc.Text(), `"msg":"loading"`) && strings.Contains(sc.Text(), "title.basics") {
				seen = true
				imp.Process.Signal(syscall.SIGSTOP)
				close(loading)
			}
		}
		io.Copy(io.Discard, stderr)
		exited <- imp.Wait()
	}()
	t.Cleanup(func() { imp.Process.Signal(syscall.SIGCONT); imp.Process.Kill() })
	select {
	case <-loading:
	case err := <-exited:
		t.Fatalf("import ended (%v) before loading title.basics", err)
	case <-time.After(2 * time.Minute):
		t.Fatal("import never reached title.basics")
	}

	env := map[string]string{"MARQUEE_DB": db}
	t.Run("serve", func(t *testing.T) {
		base := startServe(t, db)
		for _, p := range []string{"/", "/films/" + slug, "/search?q=" + slug[:4]} {
			resp, err := http.Get(base + p)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("GET %s during the import: %d", p, resp.StatusCode)
			}
		}
	})
	during := filepath.Join(dir, "during.db")
	if code, _, errOut := run(t, env, "backup", during); code != 0 {
		t.Errorf("backup during the import: exit %d: %s", code, errOut)
	}
	if code, out, errOut := run(t, env, "export", "article", slug); code != 0 || len(out) < 100 {
		t.Errorf("export article during the import: exit %d, %d bytes: %s", code, len(out), errOut)
	}
	if code, out, errOut := run(t, env, "search", "--json", slug[:4]); code != 0 || !strings.Contains(out, slug) {
		t.Errorf("search during the import: exit %d: %s %s", code, out, errOut)
	}
	select {
	case err := <-exited:
		t.Fatalf("the import ended (%v) before the commands ran: they did not overlap", err)
	default:
	}

	// Let the import go on, and back up again while it finishes.
	imp.Process.Signal(syscall.SIGCONT)
	ending := filepath.Join(dir, "ending.db")
	if code, _, errOut := run(t, env, "backup", ending); code != 0 {
		t.Errorf("backup as the import ends: exit %d: %s", code, errOut)
	}
	if err := <-exited; err != nil {
		t.Fatalf("import: %v", err)
	}
	after := tableChecksums(t, db)
	if cmp.Equal(before, after) {
		t.Fatal("the import changed nothing; the test proves nothing")
	}
	if diff := cmp.Diff(before, restored(t, during)); diff != "" {
		t.Errorf("backup taken during the import is not the catalog before it (-before +restored):\n%s", diff)
	}
	if got := restored(t, ending); !cmp.Equal(got, before) && !cmp.Equal(got, after) {
		t.Errorf("backup taken as the import ended is neither before nor after it (-after +restored):\n%s", cmp.Diff(after, got))
	}
}
