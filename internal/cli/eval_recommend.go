package cli

import (
	"context"
	"errors"
	"fmt"
	"text/tabwriter"

	"marquee/internal/recommend"
	"marquee/internal/recommend/mlgen"
)

func runEvalRecommend(ctx context.Context, c *cmdContext) error {
	var opt recommend.EvalOptions
	c.flags.Float64Var(&opt.Split, "split", 0.8, "share of each user's ratings used for training")
	c.flags.Uint64Var(&opt.Seed, "seed", 1, "seed of the random split")
	c.flags.IntVar(&opt.Workers, "workers", 2, "parallel workers")
	dir := c.flags.String("ratings", "", "MovieLens directory: ratings.csv, u.data (100K) or ratings.dat (1M)")
	if err := c.parse(c.raw, false, true); err != nil {
		return err
	}
	if len(c.args) == 1 && *dir == "" {
		*dir = c.args[0]
	} else if len(c.args) != 0 {
		return usageError("eval recommend takes the ratings directory as --ratings DIR")
	}
	if *dir == "" {
		return usageError("eval recommend needs --ratings DIR")
	}
	if !(opt.Split > 0 && opt.Split < 1) {
		return usageError("--split must be between 0 and 1, got %v", opt.Split)
	}
	ds, err := recommend.ReadMovieLens(*dir)
	if err != nil {
		return err
	}
	if !c.json {
		opt.Progress = func(stage string) {
			if c.IsTTY {
				fmt.Fprintf(c.Err, "\r\033[K%s…", stage)
			}
		}
	}
	rep, err := recommend.Evaluate(ctx, ds, opt)
	if c.IsTTY && !c.json {
		fmt.Fprint(c.Err, "\r\033[K")
	}
	if errors.Is(err, recommend.ErrNoTestItems) {
		return usageError("%v", err)
	}
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.Out, rep)
	}
	fmt.Fprintf(c.Out, "%d users, %d items, %d ratings: %d for training, %d for test (%d users); split %g, seed %d\n",
		rep.Users, rep.Items, rep.Ratings, rep.TrainRatings, rep.TestRatings, rep.TestUsers, rep.Split, rep.Seed)
	w := tabwriter.NewWriter(c.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "model\tRecall@10\tNDCG@10\tPrecision@10\tfit\tchosen on validation")
	for _, m := range rep.Models {
		fmt.Fprintf(w, "%s\t%.4f\t%.4f\t%.4f\t%.1fs\t%s\n", m.Name, m.Recall, m.NDCG, m.Precision, m.Seconds, m.Params)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(c.Out, "protocol: %s\n", rep.Protocol)
	return nil
}

func runDevGenMovieLens(ctx context.Context, c *cmdContext) error {
	seed := c.flags.Uint64("seed", 1, "seed; the same seed writes the same files")
	if err := c.parse(c.raw, false, false); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("dev gen-movielens needs an output directory")
	}
	cfg := mlgen.ML100K(*seed)
	s := mlgen.Generate(cfg)
	if err := s.WriteML100K(c.args[0]); err != nil {
		return err
	}
	fmt.Fprintf(c.Out, "wrote %d ratings by %d users of %d items to %s (u.data, u.item)\n", len(s.User), cfg.Users, cfg.Items, c.args[0])
	return nil
}
