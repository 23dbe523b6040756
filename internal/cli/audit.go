package cli

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"marquee/internal/store"
)

func runAudit(ctx context.Context, c *cmdContext) error {
	limit := c.flags.Int("limit", 100, "how many entries, newest first")
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 0 {
		return usageError("audit takes no arguments")
	}
	if *limit < 1 {
		return usageError("--limit must be at least 1")
	}
	st, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.AuditLog(ctx, 0, *limit)
	if err != nil {
		return err
	}
	if c.json {
		if list == nil {
			list = []store.AuditEntry{}
		}
		return writeJSON(c.Out, list)
	}
	tw := tabwriter.NewWriter(c.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WHEN\tWHO\tWHAT\tON\tFROM\tBEFORE\tAFTER")
	for _, e := range list {
		who := e.Username
		if who == "" {
			who = "anonymous"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", time.Unix(e.At, 0).UTC().Format(time.RFC3339), who, e.Action, e.Target, e.Address, e.Before, e.After)
	}
	return tw.Flush()
}
