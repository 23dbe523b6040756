package cli

import (
	"context"
	"fmt"
	"time"

	"marquee/internal/store"
)

func runKnowledgeRefresh(ctx context.Context, c *cmdContext) error {
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	st, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	var last time.Time
	opt := store.RefreshOptions{Films: c.args, Progress: func(done, total int) {
		switch {
		case c.IsTTY:
			fmt.Fprintf(c.Err, "\r\033[Kanswering films %s", bar(done, total))
		case time.Since(last) >= 5*time.Second || done == total:
			last = time.Now()
			fmt.Fprintf(c.Err, "answering films: %d of %d\n", done, total)
		}
	}}
	res, err := st.RefreshKnowledge(ctx, opt)
	if c.IsTTY {
		fmt.Fprintln(c.Err)
	}
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.Out, struct {
			store.KnowledgeResult
			ElapsedNS time.Duration `json:"elapsed_ns"`
		}{res, time.Since(start)})
	}
	fmt.Fprintf(c.Out, "%d films read; %d compared with their director's other films; %d with stored knowledge; %d prolific people; %d theme links read from dossiers and tags; %d themes, %d links between them (%s)\n",
		res.Films, res.Compared, res.Stored, res.People, res.DerivedTags, res.Themes, res.Edges, time.Since(start).Round(time.Millisecond))
	return nil
}

// bar is a 30-cell progress bar with counts.
func bar(done, total int) string {
	frac := 0.0
	if total > 0 {
		frac = min(1, float64(done)/float64(total))
	}
	cells := int(frac * 30)
	b := make([]rune, 0, 30)
	for i := 0; i < 30; i++ {
		if i < cells {
			b = append(b, '█')
		} else {
			b = append(b, '·')
		}
	}
	return fmt.Sprintf("[%s] %3.0f%% %d/%d", string(b), frac*100, done, total)
}
