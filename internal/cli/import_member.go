package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"marquee/internal/catalog"
	"marquee/internal/member"
	"marquee/internal/memberio"
)

func printCounts(c *cmdContext, n member.ImportCounts) {
	fmt.Fprintf(c.Out, "imported: %d film rows (%d ratings, %d likes), %d diary entries, %d reviews, %d watchlist, %d lists; %d rows already there\n",
		n.Films, n.Ratings, n.Likes, n.Diary, n.Reviews, n.Watchlist, n.Lists, n.Unchanged)
}

func runImportMemberLetterboxd(ctx context.Context, c *cmdContext) error {
	user := memberFlag(c)
	dry := c.flags.Bool("dry-run", false, "read and match everything, write nothing")
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("import member-letterboxd takes one export: the .zip as downloaded, or its unpacked directory")
	}
	st, uid, err := openMember(ctx, c, *user)
	if err != nil {
		return err
	}
	defer st.Close()
	if fi, err := os.Stat(c.args[0]); err == nil && !fi.IsDir() {
		b, err := os.ReadFile(c.args[0])
		if err != nil {
			return err
		}
		if err := catalog.CheckLetterboxdZip(b, 1<<30); err != nil {
			return fmt.Errorf("%s: %w", filepath.Base(c.args[0]), err)
		}
	}
	sum, err := catalog.ImportMemberLetterboxd(ctx, st, c.args[0], uid, catalog.Options{DryRun: *dry})
	if c.json {
		if jerr := writeJSON(c.Out, sum); jerr != nil {
			return jerr
		}
		return err
	}
	for _, e := range sum.RowErrors {
		fmt.Fprintf(c.Err, "%v\n", e)
	}
	if err != nil {
		return err
	}
	printCounts(c, sum.Counts)
	for _, u := range sum.Unmatched {
		fmt.Fprintf(c.Out, "  unmatched %s line %d: %s\n", u.File, u.Line, titleYear(u.Title, u.Year))
	}
	for _, u := range sum.Fuzzy {
		fmt.Fprintf(c.Out, "  fuzzy %s line %d: %s\n", u.File, u.Line, titleYear(u.Title, u.Year))
	}
	if sum.Pending > 0 {
		fmt.Fprintf(c.Out, "%d rows wait for %s to pick their film at /settings/import\n", sum.Pending, *user)
	}
	return nil
}

func runImportMemberIMDb(ctx context.Context, c *cmdContext) error {
	user := memberFlag(c)
	watchlist := c.flags.Bool("watchlist", false, "the file is an IMDb watchlist export, not ratings")
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("import member-imdb takes one CSV file")
	}
	st, uid, err := openMember(ctx, c, *user)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := catalog.CheckRegular(c.args[0]); err != nil {
		return err
	}
	f, err := os.Open(c.args[0])
	if err != nil {
		return err
	}
	defer f.Close()
	sum, err := memberio.ImportIMDb(ctx, st, uid, f, filepath.Base(c.args[0]), !*watchlist)
	if c.json {
		if jerr := writeJSON(c.Out, sum); jerr != nil {
			return jerr
		}
		return err
	}
	for _, e := range sum.Errors {
		fmt.Fprintf(c.Err, "%v\n", e)
	}
	if err != nil {
		return err
	}
	printCounts(c, sum.Counts)
	for _, u := range sum.Unmatched {
		fmt.Fprintf(c.Out, "  unmatched line %d: %s %s\n", u.Line, u.Const, titleYear(u.Title, u.Year))
	}
	return nil
}
