package cli

import (
	"context"

	"marquee/internal/catalog"
	"marquee/internal/store"
)

func runImportMovieLens(ctx context.Context, c *cmdContext) error {
	var f importFlags
	f.bind(c)
	skip := c.flags.Bool("skip-similar", false, "do not rebuild the similar lists after the import (run 'marquee recommend build' later)")
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("import movielens takes one MovieLens release: its folder (CSV, 1M or 100K files), a folder holding it, or the GroupLens .zip")
	}
	return runImport(ctx, c, f, func(ctx context.Context, st *store.Store, opts catalog.Options) (*catalog.Summary, error) {
		sum, err := catalog.ImportMovieLens(ctx, st, c.args[0], opts)
		if err == nil && !*skip {
			err = rebuildSimilarAfterImport(ctx, c, st, sum, true)
		}
		return sum, err
	})
}
