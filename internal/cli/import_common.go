package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"

	"marquee/internal/catalog"
	"marquee/internal/store"
)

// importFlags are the flags every import command shares.
type importFlags struct {
	dryRun      bool
	maxErrors   int
	metricsAddr string
	review      string
}

func (f *importFlags) bind(c *cmdContext) {
	c.flags.BoolVar(&f.dryRun, "dry-run", false, "read and validate everything, write nothing")
	c.flags.IntVar(&f.maxErrors, "max-errors", 1000, "stop, writing nothing, after more than this many malformed rows")
	c.flags.StringVar(&f.review, "review", "", "read match decisions from this CSV if it exists, and write the run's fuzzy and ambiguous title matches to it for review")
	c.flags.StringVar(&f.metricsAddr, "metrics-addr", "", "serve Prometheus metrics (import progress, DB pool) at http://HOST:PORT/metrics while importing")
}

// importMemoryLimit is the soft Go heap limit during imports.
const importMemoryLimit = 1 << 30

// runImport opens the store, runs imp with progress shown on stderr (a bar
// on a terminal, a log line every few seconds otherwise), then prints the
// summary, as JSON with --json.
func runImport(ctx context.Context, c *cmdContext, f importFlags, imp func(ctx context.Context, st *store.Store, opts catalog.Options) (*catalog.Summary, error)) error {
	if f.maxErrors < 0 {
		return usageError("--max-errors must not be negative")
	}
	log := newLogger(c.Err, c.cfg.Log, c.IsTTY)
	// A soft heap limit: at the real IMDb's size the importer's id tables
	// and slug hashes hold about 600 MB live, and the GC's default headroom
	// doubled that to 1.4 GB of RSS. Near the limit the GC works harder
	// instead; it never fails an allocation. A limit below the live heap
	// (448 MB was tried) makes the GC run constantly: 50 % more CPU.
	debug.SetMemoryLimit(importMemoryLimit)
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
	report, stopMetrics := progress, func() {}
	if f.metricsAddr != "" {
		if report, stopMetrics, err = serveImportMetrics(f.metricsAddr, importSource(c.cmd.name), st, progress, log); err != nil {
			close(progress)
			<-done
			return err
		}
	}
	opts := catalog.Options{DryRun: f.dryRun, MaxErrors: max(f.maxErrors, 0), Progress: report, Log: log}
	if f.maxErrors == 0 {
		opts.MaxErrors = -1 // the flag's 0 means "stop at the first"; Options' 0 means the default
	}
	if opts.Review, err = readReview(f.review); err != nil {
		close(report)
		stopMetrics()
		<-done
		return err
	}
	sum, err := imp(ctx, st, opts)
	close(report)
	stopMetrics()
	<-done
	if sum != nil && f.review != "" {
		if rerr := writeReview(f.review, sum.Matches, opts.Review); rerr != nil && err == nil {
			err = rerr
		}
	}
	if sum != nil {
		if c.json {
			if jerr := writeJSON(c.Out, sum); jerr != nil && err == nil {
				err = jerr
			}
		} else {
			printSummary(c.Out, sum)
		}
	}
	return err
}

// showProgress prints progress until ch closes.
func showProgress(w io.Writer, tty bool, log *slog.Logger, ch <-chan catalog.Progress) {
	var last time.Time
	bar := false
	for p := range ch {
		switch {
		case p.File == "":
			if bar {
				fmt.Fprintln(w)
				bar = false
			}
			log.Info("import phase", "phase", p.Phase)
		case tty:
			fmt.Fprintf(w, "\r\033[K%s", progressLine(p))
			bar = true
			if p.Phase == "done" {
				fmt.Fprintln(w)
				bar = false
			}
		case p.Phase == "done" || time.Since(last) >= 5*time.Second:
			last = time.Now()
			log.Info("import progress", "file", p.File, "rows", p.Rows, "mb_per_s", fmt.Sprintf("%.1f", mbps(p)), "eta", eta(p).String(), "phase", p.Phase)
		}
	}
	if bar {
		fmt.Fprintln(w)
	}
}

func mbps(p catalog.Progress) float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Bytes) / 1e6 / p.Elapsed.Seconds()
}

func eta(p catalog.Progress) time.Duration {
	if p.Bytes <= 0 || p.Size <= p.Bytes {
		return 0
	}
	return (time.Duration(float64(p.Elapsed) * float64(p.Size-p.Bytes) / float64(p.Bytes))).Round(time.Second)
}

// progressLine is one terminal line: a 30-cell bar, rows, MB/s and ETA.
func progressLine(p catalog.Progress) string {
	frac := 0.0
	if p.Size > 0 {
		frac = min(1, float64(p.Bytes)/float64(p.Size))
	}
	if p.Phase == "done" {
		frac = 1
	}
	cells := int(frac * 30)
	return fmt.Sprintf("%-22s [%s%s] %3.0f%% %11d rows %6.1f MB/s ETA %s",
		p.File, strings.Repeat("█", cells), strings.Repeat("·", 30-cells), frac*100, p.Rows, mbps(p), eta(p))
}

func printSummary(w io.Writer, s *catalog.Summary) {
	verb := "imported"
	switch {
	case s.DryRun:
		verb = "valid (dry run, nothing written)"
	case !s.Committed:
		fmt.Fprintf(w, "%s import failed: nothing was written\n", s.Source)
	}
	fmt.Fprintf(w, "%s import: %d rows read, %d %s, %d updated, %d matched nothing, %d skipped, %d malformed, in %s\n",
		s.Source, s.Read, s.Imported, verb, s.Updated, s.MatchedNothing, s.Skipped, s.Errors, s.Elapsed.Round(time.Millisecond))
	if s.Unchanged > 0 {
		fmt.Fprintf(w, "  %d rows were already in the catalog as they are (unchanged)\n", s.Unchanged)
	}
	for _, f := range s.Files {
		fmt.Fprintf(w, "  %-24s %10d read %10d imported %8d updated %8d matched nothing %8d skipped\n",
			f.File, f.Read, f.Imported, f.Updated, f.MatchedNothing, f.Skipped)
	}
	if rs := s.Reasons(); len(rs) > 0 {
		fmt.Fprintln(w, "skipped by reason:")
		for _, r := range rs {
			fmt.Fprintf(w, "  %8d  %s\n", r.Rows, r.Reason)
		}
	}
	for _, e := range s.RowErrors {
		fmt.Fprintf(w, "  error: %v\n", e)
	}
	if s.Errors > len(s.RowErrors) {
		fmt.Fprintf(w, "  … and %d more errors (use --json for the listed ones)\n", s.Errors-len(s.RowErrors))
	}
	if s.MatchedByID+s.MatchedByTitle > 0 || len(s.Matches) > 0 {
		fmt.Fprintf(w, "films found: %d by id, %d by exact title and year, %d by fuzzy title match or ambiguous (listed below; --review FILE to decide)\n",
			s.MatchedByID, s.MatchedByTitle, len(s.Matches))
	}
	for i, m := range s.Matches {
		if i == 20 {
			fmt.Fprintf(w, "  … and %d more (use --json or --review FILE)\n", len(s.Matches)-i)
			break
		}
		target := m.FilmSlug
		if !m.Matched {
			target = "not matched (" + target + ")"
		}
		fmt.Fprintf(w, "  %s:%d  %s → %s  score %.2f, %s\n", m.File, m.Line, titleYear(m.Title, m.Year), target, m.Score, m.How)
	}
	if s.FilmsCreated > 0 {
		fmt.Fprintf(w, "films created: %d\n", s.FilmsCreated)
		for i, f := range s.Created {
			if i == 20 {
				fmt.Fprintf(w, "  … and %d more (use --json)\n", s.FilmsCreated-int64(i))
				break
			}
			fmt.Fprintf(w, "  %s  %s\n", f.Slug, titleYear(f.Title, f.Year))
		}
	}
	if s.FilmsRenamed > 0 {
		fmt.Fprintf(w, "films renamed: %d (new title or year; their old addresses redirect)\n", s.FilmsRenamed)
	}
	printReplaced(w, s)
	for _, n := range s.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	if len(s.Unmatched) > 0 {
		fmt.Fprintf(w, "unmatched films (%d):\n", len(s.Unmatched))
		for _, u := range s.Unmatched {
			fmt.Fprintf(w, "  %s:%d  %s\n", u.File, u.Line, titleYear(u.Title, u.Year))
		}
	}
}

// titleYear is "Title (1995)", or the bare title of a film without a year.
func titleYear(title string, year int) string {
	if year == 0 {
		return title
	}
	return fmt.Sprintf("%s (%d)", title, year)
}

// printReplaced lists the credits a renamed character replaced, the
// characters removed with them and those kept.
func printReplaced(w io.Writer, s *catalog.Summary) {
	lists := []struct {
		head  string
		n     int64
		names []string
	}{
		{"credits replaced (the source renamed their character)", s.CreditsReplaced, s.Replaced},
		{"characters removed (no credit names them now)", s.CharactersDropped, s.Dropped},
		{"characters kept (a description or the dossier refers to them)", int64(len(s.CharactersKept)), s.CharactersKept},
	}
	for _, l := range lists {
		if l.n == 0 {
			continue
		}
		fmt.Fprintf(w, "%s: %d\n", l.head, l.n)
		for i, n := range l.names {
			if i == 20 {
				fmt.Fprintf(w, "  … and %d more (use --json)\n", l.n-int64(i))
				break
			}
			fmt.Fprintf(w, "  %s\n", n)
		}
	}
}
