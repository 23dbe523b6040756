package cli

import (
	"context"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"testing"
)

// envChildArgs, when set, makes the test binary run marquee itself with
// these arguments (separated by \x1f), so tests can start real serve
// processes without building the binary.
const envChildArgs = "MARQUEE_TEST_CHILD_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(envChildArgs); args != "" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := Main(ctx, strings.Split(args, "\x1f"), Stdio())
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}
