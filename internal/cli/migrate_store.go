package cli

import (
	"context"
	"fmt"

	"marquee/internal/search"
	"marquee/internal/store"
)

func runMigrateStore(ctx context.Context, c *cmdContext) error {
	var from, to string
	c.flags.StringVar(&from, "from", "", "database to copy from: a SQLite path, sqlite:PATH or postgres://…")
	c.flags.StringVar(&to, "to", "", "new, empty database to copy into (created and migrated if need be)")
	if err := c.parse(c.raw, false, true); err != nil {
		return err
	}
	if from == "" || to == "" {
		return usageError("both --from and --to are required")
	}
	if len(c.args) > 0 {
		return usageError("migrate-store takes no arguments, got %q", c.args[0])
	}
	src, err := store.Open(ctx, from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := store.Open(ctx, to)
	if err != nil {
		return err
	}
	defer dst.Close()
	report := func(r store.TableReport) {
		if c.json {
			return
		}
		status := "ok"
		if !r.OK {
			status = "MISMATCH"
		}
		fmt.Fprintf(c.Out, "%-20s %9d rows  %s  %s\n", r.Table, r.Copied, r.Target.Digest[:16], status)
	}
	// Per-row upkeep of the search index would only slow the copy down:
	// suspend it for the copy. The search index is derived, so it is not
	// copied: it is rebuilt from the copied tables, most popular first.
	var reports []store.TableReport
	err = search.Bulk(ctx, dst, func(ctx context.Context) (err error) {
		reports, err = store.Transfer(ctx, src, dst, report)
		return err
	})
	if c.json {
		if jerr := writeJSON(c.Out, map[string]any{"from": src.DSN(), "to": dst.DSN(), "tables": reports, "ok": err == nil}); jerr != nil && err == nil {
			err = jerr
		}
	}
	if err != nil {
		return err
	}
	if !c.json {
		var rows int64
		for _, r := range reports {
			rows += r.Copied
		}
		fmt.Fprintf(c.Out, "copied %d tables, %d rows, from %s to %s; row counts and checksums match\n", len(reports), rows, src.DSN(), dst.DSN())
	}
	return nil
}
