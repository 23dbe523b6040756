package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"marquee/internal/catalog"
	"marquee/internal/store"
)

func runImportImages(ctx context.Context, c *cmdContext) error {
	var f importFlags
	f.bind(c)
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("import images takes one folder of pictures named by IMDb id (tt…, nm…) or slug")
	}
	return runPictureImport(ctx, c, f, func(ctx context.Context, st *store.Store, opts catalog.Options) (any, error) {
		sum, err := catalog.ImportImages(ctx, st, c.args[0], opts)
		if sum != nil && !c.json {
			printImagesSummary(c.Out, sum)
		}
		return sum, err
	})
}

func printImagesSummary(w io.Writer, s *catalog.ImagesSummary) {
	head := "images import"
	if s.DryRun {
		head += " (dry run, nothing written)"
	}
	fmt.Fprintf(w, "%s: %d picture files in %s\n", head, s.Files, s.Elapsed.Round(time.Millisecond))
	printImageCounts(w, s.Images, s.DryRun)
	for _, u := range s.Unmatched {
		fmt.Fprintf(w, "  not filed: %s: %s\n", u.File, u.Reason)
	}
	if len(s.Ignored) > 0 {
		fmt.Fprintf(w, "  %d other files ignored (not .jpg, .jpeg, .png or .webp)\n", len(s.Ignored))
	}
}
