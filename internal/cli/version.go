package cli

import (
	"context"
	"fmt"
	"runtime/debug"
)

// Version is set at build time with -ldflags "-X marquee/internal/cli.Version=…".
var Version = "dev"

func runVersion(ctx context.Context, c *cmdContext) error {
	if err := c.parse(c.argsAfterName(), false, true); err != nil {
		return err
	}
	rev := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				rev = s.Value
			}
		}
	}
	if c.json {
		return writeJSON(c.Out, map[string]string{"version": Version, "revision": rev})
	}
	fmt.Fprintf(c.Out, "marquee %s %s\n", Version, rev)
	return nil
}
