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
	v := versionInfo()
	if c.json {
		return writeJSON(c.Out, v)
	}
	line := "marquee " + v.Version
	if v.Revision != "" {
		line += " (commit " + v.Revision
		if v.Modified {
			line += ", modified"
		}
		if v.Time != "" {
			line += ", " + v.Time
		}
		line += ")"
	} else {
		line += " (commit unknown: built without VCS stamping, e.g. -buildvcs=false)"
	}
	fmt.Fprintf(c.Out, "%s %s\n", line, v.Go)
	return nil
}

// buildVersion is what `marquee version` reports.
type buildVersion struct {
	Version  string `json:"version"`            // Version when set at build time, else the module's version
	Revision string `json:"revision,omitempty"` // the VCS commit the binary was built from
	Time     string `json:"time,omitempty"`     // the commit's time
	Modified bool   `json:"modified"`           // built from a tree with uncommitted changes
	Go       string `json:"go"`                 // the Go toolchain
}

// versionInfo reads the module version and commit the Go toolchain
// stamped into the binary (runtime/debug.ReadBuildInfo).
func versionInfo() buildVersion {
	v := buildVersion{Version: Version}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	v.Go = bi.GoVersion
	if v.Version == "dev" && bi.Main.Version != "" {
		v.Version = bi.Main.Version
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}
