package cli

import (
	"context"

	"marquee/internal/catalog"
	"marquee/internal/store"
)

func runImportAwards(ctx context.Context, c *cmdContext) error {
	var f importFlags
	f.bind(c)
	format := c.flags.String("format", "", "csv or json; detected from the file when empty")
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("import awards takes one file: a CSV with a header or a JSON array (format: docs/awards.md)")
	}
	switch *format {
	case "", "csv", "json":
	default:
		return usageError("--format must be csv or json")
	}
	return runImport(ctx, c, f, func(ctx context.Context, st *store.Store, o catalog.Options) (*catalog.Summary, error) {
		return catalog.ImportAwards(ctx, st, c.args[0], catalog.AwardsOptions{Options: o, Format: *format})
	})
}
