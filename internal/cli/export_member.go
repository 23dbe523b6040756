package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"marquee/internal/memberio"
	"marquee/internal/store"
)

// writeFileAtomic writes b to path through a temporary file in the same
// folder, so a failed export never leaves a half-written file.
func writeFileAtomic(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".marquee-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func memberFlag(c *cmdContext) *string {
	return c.flags.String("user", "", "the Marquee member (username) whose data this is (required)")
}

func openMember(ctx context.Context, c *cmdContext, user string) (*store.Store, int64, error) {
	if user == "" {
		return nil, 0, usageError("--user NAME is required")
	}
	st, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return nil, 0, err
	}
	uid, err := st.MemberID(ctx, user)
	if err != nil {
		st.Close()
		return nil, 0, fmt.Errorf("no member named %q: %w", user, err)
	}
	return st, uid, nil
}

func runExportLetterboxd(ctx context.Context, c *cmdContext) error {
	user := memberFlag(c)
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("export letterboxd takes one output file, e.g. letterboxd.zip")
	}
	st, uid, err := openMember(ctx, c, *user)
	if err != nil {
		return err
	}
	defer st.Close()
	d, err := st.MemberExport(ctx, uid)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := memberio.WriteLetterboxd(&buf, d, time.Now()); err != nil {
		return err
	}
	if err := writeFileAtomic(c.args[0], buf.Bytes()); err != nil {
		return err
	}
	out := map[string]int{"films": len(d.Films), "diary": len(d.Diary), "reviews": len(d.Reviews), "watchlist": len(d.Watchlist), "lists": len(d.Lists)}
	if c.json {
		return writeJSON(c.Out, map[string]any{"file": c.args[0], "bytes": buf.Len(), "rows": out})
	}
	fmt.Fprintf(c.Out, "wrote %s (%d bytes): %d films, %d diary entries, %d reviews, %d on the watchlist, %d lists\n",
		c.args[0], buf.Len(), out["films"], out["diary"], out["reviews"], out["watchlist"], out["lists"])
	return nil
}

func runExportIMDb(ctx context.Context, c *cmdContext) error {
	user := memberFlag(c)
	watchlist := c.flags.Bool("watchlist", false, "write the watchlist instead of the ratings")
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("export imdb takes one output file, e.g. ratings.csv")
	}
	st, uid, err := openMember(ctx, c, *user)
	if err != nil {
		return err
	}
	defer st.Close()
	var buf bytes.Buffer
	rows, skipped, err := memberio.ExportIMDb(ctx, st, uid, &buf, !*watchlist)
	if err != nil {
		return err
	}
	if err := writeFileAtomic(c.args[0], buf.Bytes()); err != nil {
		return err
	}
	if skipped == nil {
		skipped = []string{}
	}
	if c.json {
		return writeJSON(c.Out, map[string]any{"file": c.args[0], "rows": rows, "skipped_without_imdb_id": skipped})
	}
	fmt.Fprintf(c.Out, "wrote %s: %d rows\n", c.args[0], rows)
	for _, s := range skipped {
		fmt.Fprintf(c.Out, "  skipped %s: no IMDb id\n", s)
	}
	return nil
}
