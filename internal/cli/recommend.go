package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"marquee/internal/recommend"
)

func runRecommend(ctx context.Context, c *cmdContext) error {
	user := c.flags.String("user", "", "the person: a member's name, or ml:ID for a MovieLens user")
	limit := c.flags.Int("limit", 20, "how many films to recommend (at most 100)")
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 0 {
		return usageError("recommend takes no arguments; name the person with --user")
	}
	if strings.TrimSpace(*user) == "" {
		return usageError("recommend needs --user NAME or --user ml:ID")
	}
	if *limit < 1 || *limit > 100 {
		return usageError("--limit must be 1–100")
	}
	st, err := openRecommendStore(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	picks, err := recommend.ForPerson(ctx, st, *user, *limit)
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.Out, struct {
			User            string           `json:"user"`
			Recommendations []recommend.Pick `json:"recommendations"`
		}{*user, picks})
	}
	if len(picks) == 0 {
		fmt.Fprintf(c.Out, "nothing to recommend to %s yet: no rated films with similar lists\n", *user)
		return nil
	}
	w := tabwriter.NewWriter(c.Out, 0, 4, 2, ' ', 0)
	for _, p := range picks {
		fmt.Fprintf(w, "%s\t%s\t%s\n", p.Film.Title, year(p.Film.Year), strings.Join(p.Reasons, "; "))
	}
	return w.Flush()
}
