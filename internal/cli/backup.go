package cli

import (
	"context"
	"fmt"

	"marquee/internal/store"
)

func runBackup(ctx context.Context, c *cmdContext) error {
	if err := c.parse(c.raw, true, false); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("backup takes one argument, the file to write")
	}
	st, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, c.args[0]); err != nil {
		return err
	}
	fmt.Fprintf(c.Out, "backed up %s to %s\n", st.DSN(), c.args[0])
	return nil
}

func runRestore(ctx context.Context, c *cmdContext) error {
	if err := c.parse(c.raw, true, false); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("restore takes one argument, the backup file to read")
	}
	st, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Restore(ctx, c.args[0]); err != nil {
		return err
	}
	fmt.Fprintf(c.Out, "restored %s from %s\n", st.DSN(), c.args[0])
	return nil
}
