package cli

import (
	"context"
	"strings"

	"marquee/internal/catalog"
	"marquee/internal/store"
)

func runImportIMDb(ctx context.Context, c *cmdContext) error {
	var f importFlags
	f.bind(c)
	skip := c.flags.Bool("skip-similar", false, "do not rebuild the similar lists after the import, even when they were built before")
	types := c.flags.String("types", strings.Join(catalog.DefaultTypes, ","), `title types to keep, comma-separated (IMDb titleType values), or "all"`)
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("import imdb takes one directory of IMDb .tsv.gz or .tsv files")
	}
	var list []string
	for _, t := range strings.Split(*types, ",") {
		if t = strings.TrimSpace(t); t != "" {
			list = append(list, t)
		}
	}
	if len(list) == 0 {
		return usageError("--types is empty")
	}
	return runImport(ctx, c, f, func(ctx context.Context, st *store.Store, opts catalog.Options) (*catalog.Summary, error) {
		sum, err := catalog.ImportIMDb(ctx, st, c.args[0], catalog.IMDbOptions{Options: opts, Types: list})
		if err == nil && !*skip {
			err = rebuildSimilarAfterImport(ctx, c, st, sum, false)
		}
		return sum, err
	})
}
