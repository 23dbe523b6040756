package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"marquee/internal/demo"
	"marquee/internal/recommend"
	"marquee/internal/store"
)

func runSimilar(ctx context.Context, c *cmdContext) error {
	limit := c.flags.Int("limit", 12, "how many similar films to print (at most 30)")
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("similar needs one film slug")
	}
	if *limit < 1 || *limit > 30 {
		return usageError("--limit must be 1–30")
	}
	st, err := openRecommendStore(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	ref, list, err := st.SimilarFilms(ctx, c.args[0], *limit)
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.Out, struct {
			Film    store.RecFilm       `json:"film"`
			Similar []store.SimilarFilm `json:"similar"`
		}{ref, nonNilSimilar(list)})
	}
	if len(list) == 0 {
		fmt.Fprintf(c.Out, "no similar films for %s yet; run 'marquee recommend build'\n", ref.Title)
		return nil
	}
	w := tabwriter.NewWriter(c.Out, 0, 4, 2, ' ', 0)
	for _, s := range list {
		fmt.Fprintf(w, "%s\t%s\t%.3f\t%s\n", s.Film.Title, year(s.Film.Year), s.Score, strings.Join(s.Reasons, "; "))
	}
	return w.Flush()
}

func nonNilSimilar(l []store.SimilarFilm) []store.SimilarFilm {
	if l == nil {
		return []store.SimilarFilm{}
	}
	return l
}

// openRecommendStore opens the store and, as serve does on first start,
// loads the demo catalog into an empty one and builds its lists, so a
// fresh checkout answers.
func openRecommendStore(ctx context.Context, c *cmdContext) (*store.Store, error) {
	st, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return nil, err
	}
	if !c.cfg.NoDemo {
		loaded, err := demo.LoadIfEmpty(ctx, st)
		if err == nil && loaded {
			_, err = recommend.Rebuild(ctx, st, recommend.DefaultOptions())
		}
		if err != nil {
			st.Close()
			return nil, err
		}
	}
	return st, nil
}

func runRecommendBuild(ctx context.Context, c *cmdContext) error {
	opt := recommend.DefaultOptions()
	c.flags.IntVar(&opt.Workers, "workers", opt.Workers, "parallel workers")
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 0 {
		return usageError("recommend build takes no arguments")
	}
	st, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	if !c.json {
		opt.Progress = stageProgress(c.Err, c.IsTTY)
	}
	stats, err := recommend.Rebuild(ctx, st, opt)
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.Out, stats)
	}
	fmt.Fprintf(c.Out, "similar lists: %d films, %d entries stored, from %d ratings by %d people, in %s\n",
		stats.Films, stats.Rows, stats.Ratings, stats.Users, time.Since(start).Round(time.Millisecond))
	return nil
}

// stageProgress prints "stage done/total" lines, redrawn in place on a
// terminal.
func stageProgress(w io.Writer, tty bool) func(stage string, done, total int) {
	last := ""
	return func(stage string, done, total int) {
		line := fmt.Sprintf("%s %d/%d", stage, done, total)
		switch {
		case tty:
			fmt.Fprintf(w, "\r\033[K%s", line)
			if done == total {
				fmt.Fprintln(w)
			}
		case done == total && line != last:
			fmt.Fprintln(w, line)
		}
		last = line
	}
}
