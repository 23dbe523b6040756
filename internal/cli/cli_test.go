package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// run runs the CLI in-process with env as its whole environment.
func run(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	io := IO{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(k string) string { return env[k] }}
	code = Main(context.Background(), args, io)
	return code, out.String(), errb.String()
}

func TestHelpListsEveryCommand(t *testing.T) {
	code, out, _ := run(t, nil, "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, c := range commands {
		if !strings.Contains(out, "  "+c.name) {
			t.Errorf("--help does not list %q:\n%s", c.name, out)
		}
	}
}

func TestEveryCommandHasHelp(t *testing.T) {
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			args := append(strings.Fields(c.name), "--help")
			code, _, errOut := run(t, nil, args...)
			if code != 0 {
				t.Fatalf("%s --help exit %d: %s", c.name, code, errOut)
			}
			if !strings.Contains(errOut, "Usage: marquee "+c.name) {
				t.Errorf("%s --help printed:\n%s", c.name, errOut)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, ""},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"serve", "--no-such-flag"}, 2, "flag provided but not defined"},
		{[]string{"serve", "extra"}, 2, "serve takes no arguments"},
		{[]string{"version", "--json", "x", "--db", "y"}, 2, "must come before the arguments"},
	}
	for _, tt := range tests {
		code, _, errOut := run(t, nil, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d containing %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}

func TestVersionJSON(t *testing.T) {
	code, out, _ := run(t, nil, "version", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil || v["version"] == nil {
		t.Errorf("version --json printed %q (%v)", out, err)
	}
}
