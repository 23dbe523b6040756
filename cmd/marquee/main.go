// Command marquee is a self-hosted film encyclopedia: a web site, a JSON
// API and the tools that fill its catalog. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"marquee/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], cli.Stdio())
	stop()
	os.Exit(code)
}
