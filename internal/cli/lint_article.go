package cli

import (
	"context"
	"errors"
	"fmt"

	"marquee/internal/dossier"
	"marquee/internal/film"
	"marquee/internal/store"
)

// lintReport is the JSON form of one file's lint.
type lintReport struct {
	File     string            `json:"file"`
	Film     string            `json:"film,omitempty"`
	Findings []dossier.Finding `json:"findings"`
}

func runLintArticle(ctx context.Context, c *cmdContext) error {
	strict := c.flags.Bool("strict", false, "exit with status 1 when there are findings")
	noCatalog := c.flags.Bool("no-catalog", false, "do not check claims against the catalog's figures")
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) == 0 {
		return usageError("name at least one article file, or - for standard input")
	}
	var st *store.Store
	if !*noCatalog {
		var err error
		if st, err = store.Open(ctx, c.cfg.DB); err != nil {
			return err
		}
		defer st.Close()
	}
	var (
		reports []lintReport
		total   int
		failed  int
	)
	for _, name := range c.args {
		rep, err := lintOne(ctx, c, st, name)
		if err != nil {
			failed++
			fmt.Fprintln(c.Err, err)
			continue
		}
		total += len(rep.Findings)
		reports = append(reports, rep)
	}
	if c.json {
		if err := writeJSON(c.Out, reports); err != nil {
			return err
		}
	} else {
		for _, r := range reports {
			for _, f := range r.Findings {
				fmt.Fprintf(c.Out, "%s:%s\n", r.File, f)
			}
		}
		fmt.Fprintf(c.Err, "%d findings in %d files\n", total, len(reports))
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be read or parsed", failed, len(c.args))
	}
	if *strict && total > 0 {
		return errFindings
	}
	return nil
}

// errFindings makes lint --strict exit non-zero without another message.
var errFindings = errors.New("findings reported")

func lintOne(ctx context.Context, c *cmdContext, st *store.Store, name string) (lintReport, error) {
	rep := lintReport{File: name, Findings: []dossier.Finding{}}
	src, err := readArticle(c.In, name)
	if err != nil {
		return rep, err
	}
	opts := &dossier.Options{}
	if st != nil {
		opts.Catalog = st.Linker(ctx)
	}
	d, err := dossier.Parse(name, src, opts)
	if err != nil {
		return rep, err
	}
	facts := &dossier.LintFacts{}
	if st != nil && d.Film.Title != "" {
		if f, err := st.FilmByTitle(ctx, d.Film.Title, d.Film.Year); err == nil {
			rep.Film = f.Slug
			if f.Rating.Votes > 0 {
				facts.Rating = &f.Rating
			}
			bo, err := st.GetBoxOffice(ctx, f.Slug)
			switch {
			case err == nil:
				facts.BoxOffice = bo
			case !errors.Is(err, film.ErrNotFound):
				return rep, err
			}
		}
	}
	if fs := dossier.Lint(name, src, d, facts); fs != nil {
		rep.Findings = fs
	}
	return rep, nil
}
