package cli

import (
	"context"
	"fmt"
	"io"
	"sort"
	"time"

	"marquee/internal/catalog"
	"marquee/internal/store"
)

func runImportNFO(ctx context.Context, c *cmdContext) error {
	var f importFlags
	f.bind(c)
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("import nfo takes one media library folder (Kodi, Jellyfin or Emby: movie.nfo or NAME.nfo beside each film)")
	}
	return runPictureImport(ctx, c, f, func(ctx context.Context, st *store.Store, opts catalog.Options) (any, error) {
		sum, err := catalog.ImportNFO(ctx, st, c.args[0], opts)
		if sum != nil && !c.json {
			printNFOSummary(c.Out, sum)
		}
		return sum, err
	})
}

// runPictureImport is runImport for the importers whose summaries are
// their own (NFO libraries, image folders): it opens the store, shows
// progress, runs imp and prints its summary as JSON with --json (imp
// prints the text form itself).
func runPictureImport(ctx context.Context, c *cmdContext, f importFlags, imp func(ctx context.Context, st *store.Store, opts catalog.Options) (any, error)) error {
	if f.maxErrors < 0 {
		return usageError("--max-errors must not be negative")
	}
	log := newLogger(c.Err, c.cfg.Log, c.IsTTY)
	st, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	progress := make(chan catalog.Progress, 64)
	done := make(chan struct{})
	go func() {
		showProgress(c.Err, c.IsTTY, log, progress)
		close(done)
	}()
	opts := catalog.Options{DryRun: f.dryRun, MaxErrors: f.maxErrors, Progress: progress, Log: log}
	if f.maxErrors == 0 {
		opts.MaxErrors = -1 // the flag's 0 means "stop at the first"
	}
	sum, err := imp(ctx, st, opts)
	close(progress)
	<-done
	if c.json && sum != nil {
		if jerr := writeJSON(c.Out, sum); jerr != nil && err == nil {
			err = jerr
		}
	}
	return err
}

func printNFOSummary(w io.Writer, s *catalog.NFOSummary) {
	head := "nfo import"
	if s.DryRun {
		head += " (dry run, nothing written; created and matched are what would happen)"
	}
	fmt.Fprintf(w, "%s: %d NFO files, %d films read in %s\n", head, s.NFOs, s.Films, s.Elapsed.Round(time.Millisecond))
	fmt.Fprintf(w, "  films: %d created, %d matched (%d of them updated)\n", s.Created, s.Matched, s.Updated)
	if !s.DryRun {
		fmt.Fprintf(w, "  people: %d created; credits: %d added\n", s.PeopleCreated, s.CreditsAdded)
	}
	if s.PersonNFOs > 0 {
		fmt.Fprintf(w, "  person NFOs: %d read", s.PersonNFOs)
		if !s.DryRun {
			fmt.Fprintf(w, ", %d matched to catalog people; biographies: %d stored, %d unchanged",
				s.PeopleMatched, s.Biographies, s.BiographiesUnchanged)
		}
		fmt.Fprintln(w)
	}
	printImageCounts(w, s.Images, s.DryRun)
	for _, m := range s.PeopleUnmatched {
		fmt.Fprintf(w, "  person not filed: %s: %s\n", m.File, m.Reason)
	}
	for _, d := range s.Duplicates {
		fmt.Fprintf(w, "  duplicate: %s names the same film as %s (%s)\n", d.File, d.Of, d.Film)
	}
	for _, k := range s.Skipped {
		fmt.Fprintf(w, "  skipped: %s: %s\n", k.File, k.Reason)
	}
	for _, p := range s.NoPoster {
		fmt.Fprintf(w, "  no poster: %s\n", p)
	}
	for _, n := range s.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
	if s.Errors > 0 {
		fmt.Fprintf(w, "  %d broken NFO files (not imported):\n", s.Errors)
		for _, e := range s.RowErrors {
			fmt.Fprintf(w, "    %s\n", e.Error())
		}
	}
}

func printImageCounts(w io.Writer, c catalog.ImageCounts, dry bool) {
	if dry {
		fmt.Fprintf(w, "  images: %d refused\n", c.Refused)
	} else {
		fmt.Fprintf(w, "  images: %d stored, %d already stored, %d pictures set, %d unchanged, %d refused\n",
			c.Stored, c.Reused, c.Linked, c.Unchanged, c.Refused)
	}
	reasons := make([]string, 0, len(c.RefusedBy))
	for r := range c.RefusedBy {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		fmt.Fprintf(w, "    %-16s %d\n", r+":", c.RefusedBy[r])
	}
	for _, r := range c.RefusedImages {
		fmt.Fprintf(w, "  refused: %s: %s", r.File, r.Reason)
		if r.Detail != "" {
			fmt.Fprintf(w, " (%s)", r.Detail)
		}
		fmt.Fprintln(w)
	}
}
