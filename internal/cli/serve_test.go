package cli

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestServeDemo starts serve on an empty database, as the README's run
// command does, and checks that the Red Rocket page is served with its
// facts within 30 seconds (5 on an idle machine), then that serve stops cleanly when cancelled.
func TestServeDemo(t *testing.T) {
	addr := freeAddr(t)
	db := filepath.Join(t.TempDir(), "marquee.db")
	ctx, cancel := context.WithCancel(context.Background())
	var errb bytes.Buffer
	done := make(chan int, 1)
	start := time.Now()
	go func() {
		env := map[string]string{"MARQUEE_DB": db}
		done <- Main(ctx, []string{"serve", "--addr", addr}, IO{Out: io.Discard, Err: &errb, Getenv: func(k string) string { return env[k] }})
	}()
	var body string
	for time.Since(start) < 30*time.Second { // a loaded CI machine: the demo load runs first
		resp, err := http.Get("http://" + addr + "/films/red-rocket-2021")
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 {
				body = string(b)
				break
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	if body == "" {
		cancel()
		t.Fatalf("Red Rocket page not served within 30 s; serve said:\n%s", errb.String())
	}
	for _, want := range []string{"Red Rocket", "2021", "Sean Baker", "Simon Rex", "Mikey Saber"} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for path, status := range map[string]int{"/healthz": 200, "/": 200, "/people/sean-baker": 200, "/films/no-such-film": 404} {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != status {
			t.Errorf("GET %s = %d, want %d", path, resp.StatusCode, status)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d after cancel: %s", code, errb.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop within 10 s of cancel")
	}
}
