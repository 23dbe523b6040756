package cli

import (
	"context"
	"errors"
	"fmt"
	"html"
	"strings"
	"text/tabwriter"

	"marquee/internal/demo"
	"marquee/internal/search"
	"marquee/internal/store"
)

func runSearch(ctx context.Context, c *cmdContext) error {
	var q search.Query
	c.flags.StringVar(&q.Kind, "kind", "", "only hits of this kind: film, person, character, theme or dossier")
	c.flags.IntVar(&q.Limit, "limit", 20, "how many hits to print (at most 100)")
	c.flags.IntVar(&q.Filter.Decade, "decade", 0, "only films of this decade, e.g. 1990")
	c.flags.StringVar(&q.Filter.Genre, "genre", "", "only films of this genre, e.g. Drama")
	c.flags.StringVar(&q.Filter.Certification, "certification", "", "only films with this certification, e.g. R")
	c.flags.StringVar(&q.Filter.Director, "director", "", "only films by this director (person slug)")
	c.flags.StringVar(&q.Filter.Theme, "theme", "", "only films with this theme (theme slug)")
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) == 0 {
		return usageError("search needs a query")
	}
	q.Text = strings.Join(c.args, " ")
	st, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	if !c.cfg.NoDemo {
		// As serve does on first start, so that a fresh checkout answers.
		if _, err := demo.LoadIfEmpty(ctx, st); err != nil {
			return err
		}
	}
	res, err := search.New(st).Search(ctx, q)
	if errors.Is(err, search.ErrBadQuery) {
		return usageError("%v", err)
	}
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.Out, res)
	}
	if len(res.Results) == 0 {
		fmt.Fprintf(c.Out, "no results for %q\n", q.Text)
		return nil
	}
	w := tabwriter.NewWriter(c.Out, 0, 4, 2, ' ', 0)
	for _, r := range res.Results {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", r.Kind, label(r), year(r.Year), plain(r.Snippet))
	}
	return w.Flush()
}

func label(r search.Result) string { return r.Title }

func year(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprint(y)
}

// plain turns a snippet's HTML (escaped text and <mark>) into text.
func plain(s string) string {
	s = strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}
