package cli

import (
	"context"

	"marquee/internal/catalog"
	"marquee/internal/store"
)

func runImportLetterboxd(ctx context.Context, c *cmdContext) error {
	var f importFlags
	f.bind(c)
	user := c.flags.String("user", "", "the Letterboxd member the export belongs to (required)")
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("import letterboxd takes one export: the .zip as downloaded, or its unpacked directory")
	}
	if *user == "" {
		return usageError("--user NAME is required")
	}
	return runImport(ctx, c, f, func(ctx context.Context, st *store.Store, opts catalog.Options) (*catalog.Summary, error) {
		return catalog.ImportLetterboxd(ctx, st, c.args[0], *user, opts)
	})
}
