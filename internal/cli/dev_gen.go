package cli

import (
	"context"
	"fmt"
	"os"
	"sort"

	"marquee/internal/catalog/imdbgen"
)

func runDevGenIMDb(ctx context.Context, c *cmdContext) error {
	scale := c.flags.Float64("scale", 0.01, "size: 1 writes 1,000,000 titles, 1,500,000 names, ~8,000,000 principals")
	bad := c.flags.Float64("bad", 0, "fraction of rows to write malformed, e.g. 0.001")
	seed := c.flags.Uint64("seed", 1, "random seed; the same seed, scale and --bad write the same files")
	gz := c.flags.Bool("gzip", false, "write .tsv.gz instead of .tsv")
	if err := c.parse(c.raw, false, true); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("dev gen-imdb takes one output directory")
	}
	if *scale <= 0 || *scale > 100 {
		return usageError("--scale must be in (0, 100]")
	}
	if *bad < 0 || *bad > 1 {
		return usageError("--bad must be between 0 and 1")
	}
	if err := os.MkdirAll(c.args[0], 0o755); err != nil {
		return err
	}
	counts, err := imdbgen.Generate(c.args[0], imdbgen.Options{Scale: *scale, Bad: *bad, Seed: *seed, Gzip: *gz})
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.Out, counts)
	}
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(c.Out, "%-18s %12d rows\n", n, counts[n])
	}
	return nil
}
