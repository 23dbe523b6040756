package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"marquee/internal/demo"
	"marquee/internal/film"
	"marquee/internal/store"
	"marquee/internal/store/storetest"
)

// startServe runs `marquee serve` in a child process on a free port and
// returns its base URL; the process is stopped when t ends.
func startServe(t *testing.T, db string, extra ...string) string {
	t.Helper()
	a, _ := startServeMetrics(t, db, extra...)
	return a
}

// startServeMetrics is startServe that also returns the base URL of the
// metrics listener ("" when serve runs none).
func startServeMetrics(t *testing.T, db string, extra ...string) (string, string) {
	t.Helper()
	args := append([]string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--log", "json"}, extra...)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envChildArgs+"="+strings.Join(args, "\x1f"))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	addr := make(chan [2]string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sent := false
		for sc.Scan() {
			var line struct{ Msg, Addr, Metrics string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "serving" && !sent {
				addr <- [2]string{line.Addr, line.Metrics}
				sent = true
			}
			if !sent {
				t.Logf("serve: %s", sc.Text())
			}
		}
		if !sent {
			close(addr)
		}
	}()
	select {
	case a, ok := <-addr:
		if !ok {
			t.Fatal("serve exited before listening")
		}
		return a[0], a[1]
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start within 30s")
	}
	return "", ""
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestTwoServeProcessesShareOneDatabase is the stateless-web-tier check:
// two serve processes on one database, and whatever is written to the
// database is served at once by both, with no cache to go stale.
func TestTwoServeProcessesShareOneDatabase(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db string) {
		ctx := context.Background()
		st, err := store.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if err := demo.Load(ctx, st); err != nil {
			t.Fatal(err)
		}
		a, metricsURL := startServeMetrics(t, db, "--no-demo", "--metrics-addr", "127.0.0.1:0")
		b := startServe(t, db, "--no-demo")
		const page = "/films/red-rocket-2021"
		for _, base := range []string{a, b} {
			if code, body := get(t, base+page); code != 200 || !strings.Contains(body, "Red Rocket") {
				t.Fatalf("%s%s = %d before any change", base, page, code)
			}
		}
		for i := 1; i <= 3; i++ {
			answer := fmt.Sprintf("Answer number %d, written once.", i)
			d := &film.Dossier{FAQ: []film.FAQ{{Question: "Where was it shot?", Answer: answer}}}
			if _, err := st.PutDossier(ctx, "red-rocket-2021", d, "test"); err != nil {
				t.Fatal(err)
			}
			f, err := st.GetFilm(ctx, "red-rocket-2021")
			if err != nil {
				t.Fatal(err)
			}
			f.Title = fmt.Sprintf("Red Rocket (cut %d)", i)
			if err := st.PutFilm(ctx, f); err != nil {
				t.Fatal(err)
			}
			for name, base := range map[string]string{"A": a, "B": b} {
				code, body := get(t, base+page)
				if code != 200 || !strings.Contains(body, answer) || !strings.Contains(body, f.Title) {
					t.Errorf("process %s after change %d: status %d, dossier answer shown %v, new title shown %v",
						name, i, code, strings.Contains(body, answer), strings.Contains(body, f.Title))
				}
			}
		}
		if code, _ := get(t, b+"/readyz"); code != 200 {
			t.Errorf("/readyz = %d", code)
		}
		if code, _ := get(t, a+"/metrics"); code != 404 {
			t.Errorf("/metrics on the public listener = %d, want 404", code)
		}
		code, metrics := get(t, metricsURL+"/metrics")
		if code != 200 || !strings.Contains(metrics, `marquee_http_requests_total{method="GET",route="/films/{slug}",code="200"} 4`) {
			t.Errorf("/metrics = %d:\n%s", code, metrics)
		}
	})
}
