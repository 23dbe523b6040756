package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"marquee/internal/store"
)

// runIn runs the CLI in-process with stdin as standard input.
func runIn(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	io := IO{In: strings.NewReader(stdin), Out: &out, Err: &errb, Getenv: func(string) string { return "" }}
	code = Main(context.Background(), args, io)
	return code, out.String(), errb.String()
}

func TestUserCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	mustRun := func(stdin string, args ...string) string {
		t.Helper()
		code, out, errOut := runIn(t, stdin, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		return out
	}
	mustRun("orchid-telescope-42\n", "user", "add", "--db", db, "--role", "admin", "Root")
	mustRun("velvet-mountain-77\n", "user", "add", "--db", db, "--display-name", "Mo <b>", "moira")
	if code, _, errOut := runIn(t, "password12\n", "user", "add", "--db", db, "weak"); code != 1 || !strings.Contains(errOut, "common passwords") {
		t.Errorf("common password: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runIn(t, "velvet-mountain-77\n", "user", "add", "--db", db, "MOIRA"); code != 1 || !strings.Contains(errOut, "taken") {
		t.Errorf("duplicate: exit %d, %q", code, errOut)
	}
	if code, _, _ := runIn(t, "", "user", "add", "--db", db, "--role", "king", "x"); code != 2 {
		t.Errorf("bad role: exit %d, want 2", code)
	}
	mustRun("", "user", "role", "--db", db, "moira", "editor")
	mustRun("", "user", "disable", "--db", db, "moira")
	var users []userJSON
	if err := json.Unmarshal([]byte(mustRun("", "user", "list", "--db", db, "--json")), &users); err != nil {
		t.Fatal(err)
	}
	if len(users) != 2 || users[0].Username != "moira" || users[0].Role != "editor" || !users[0].Disabled || users[1].Role != "admin" {
		t.Errorf("user list = %+v", users)
	}
	out := mustRun("", "user", "reset", "--db", db, "--base-url", "https://films.example.org", "root")
	if !strings.Contains(out, "https://films.example.org/reset/") {
		t.Errorf("reset printed %q", out)
	}
	var inv struct{ Link, Role string }
	if err := json.Unmarshal([]byte(mustRun("", "invite", "create", "--db", db, "--role", "editor", "--json")), &inv); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(inv.Link, "/signup?invite=") || inv.Role != "editor" {
		t.Errorf("invite = %+v", inv)
	}
	mustRun("", "signup", "--db", db, "open")
	if out := mustRun("", "signup", "--db", db); out != "sign-up is open\n" {
		t.Errorf("signup printed %q", out)
	}
	var log []store.AuditEntry
	if err := json.Unmarshal([]byte(mustRun("", "audit", "--db", db, "--json")), &log); err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range log {
		actions = append(actions, e.Action)
	}
	want := "signup mode,invite create,user reset,user disable,user role,user add,user add"
	if got := strings.Join(actions, ","); got != want {
		t.Errorf("audit actions = %s, want %s", got, want)
	}
	if log[4].Before != `{"role":"member"}` || log[4].After != `{"role":"editor"}` {
		t.Errorf("role change before/after = %s / %s", log[4].Before, log[4].After)
	}
}
