package cli

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"marquee/internal/store"
)

// An IMDb file that is a FIFO is refused before it is opened: opening one
// with no writer blocks for ever, past SIGINT and SIGTERM.
func TestImportMemberIMDbRefusesFIFO(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.WriteDB().ExecContext(ctx, "INSERT INTO users (username, created_at) VALUES ($1, 1)", "ana"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	fifo := filepath.Join(dir, "ratings.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan struct{})
	var code int
	var stderr string
	go func() {
		code, _, stderr = run(t, map[string]string{"MARQUEE_DB": db}, "import", "member-imdb", "--user", "ana", fifo)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("import member-imdb of a FIFO still blocked after 20 s")
	}
	if code == 0 || !strings.Contains(stderr, "FIFO") {
		t.Errorf("exit %d, stderr %q; want a refusal naming the FIFO", code, stderr)
	}
}
