package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"marquee/internal/search"
	"marquee/internal/store"
)

// timing is one query's measured durations, one per round.
type timing struct {
	Cat      string          `json:"cat"`
	Query    string          `json:"query"`
	Suggest  []time.Duration `json:"suggest_ns"`
	Search   []time.Duration `json:"search_ns"`
	Baseline []time.Duration `json:"baseline_ns"`
	First    string          `json:"first"`
	Want     string          `json:"want,omitempty"`
	Hit      int             `json:"hit"` // rank (1-based) of the wanted title or name in the top 3, or 0
}

// measure runs a warm-up round, then rounds of suggest, search with
// facets and the bare FTS5 baseline, interleaved query by query, single
// client.
func measure(ctx context.Context, st *store.Store, e *search.Engine, qs []query, rounds int, out string) error {
	ts := make([]timing, len(qs))
	for round := -1; round < rounds; round++ {
		for i, q := range qs {
			t := &ts[i]
			t.Cat, t.Query = q.cat, q.text
			start := time.Now()
			if _, err := e.Suggest(ctx, q.text, 8); err != nil {
				return fmt.Errorf("suggest %q: %w", q.text, err)
			}
			sug := time.Since(start)
			start = time.Now()
			res, err := e.Search(ctx, search.Query{Text: q.text})
			if err != nil {
				return fmt.Errorf("search %q: %w", q.text, err)
			}
			srch := time.Since(start)
			start = time.Now()
			if err := baseline(ctx, st, q.text); err != nil {
				return fmt.Errorf("baseline %q: %w", q.text, err)
			}
			base := time.Since(start)
			if round < 0 {
				if len(res.Results) > 0 {
					t.First = res.Results[0].Kind + " " + res.Results[0].Title
				}
				t.Want = q.want
				for i, r := range res.Results[:min(3, len(res.Results))] {
					got := strings.ToLower(r.Title)
					if r.Year != 0 && q.cat == "title year" {
						got += " " + strconv.Itoa(r.Year)
					}
					if t.Hit == 0 && got == strings.ToLower(q.want) {
						t.Hit = i + 1
					}
				}
				continue
			}
			t.Suggest = append(t.Suggest, sug)
			t.Search = append(t.Search, srch)
			t.Baseline = append(t.Baseline, base)
		}
	}
	report(ts)
	if out != "" {
		b, _ := json.MarshalIndent(ts, "", " ")
		return os.WriteFile(filepath.Join(out, "search-timings.json"), b, 0o644)
	}
	return nil
}

func baseline(ctx context.Context, st *store.Store, q string) error {
	expr := baselineExpr(q)
	if expr == "" {
		return nil
	}
	rows, err := st.DB().QueryContext(ctx, "SELECT rowid FROM search_fts WHERE search_fts MATCH $1 ORDER BY rank LIMIT 20", expr)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
	}
	return rows.Err()
}

func pct(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, int(p*float64(len(s))))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d)/1e6) }

func report(ts []timing) {
	cats := []string{"all"}
	seen := map[string]bool{}
	for _, t := range ts {
		if !seen[t.Cat] {
			seen[t.Cat] = true
			cats = append(cats, t.Cat)
		}
	}
	fmt.Println("\n| queries | n | suggest p50 / p99 | search+facets p50 / p99 | baseline p50 / p99 | search/baseline p50, p99 |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, c := range cats {
		var sug, srch, base []time.Duration
		n := 0
		for _, t := range ts {
			if c == "all" || t.Cat == c {
				n++
				sug = append(sug, t.Suggest...)
				srch = append(srch, t.Search...)
				base = append(base, t.Baseline...)
			}
		}
		fmt.Printf("| %s | %d | %s / %s | %s / %s | %s / %s | %.2f, %.2f |\n", c, n,
			ms(pct(sug, 0.5)), ms(pct(sug, 0.99)), ms(pct(srch, 0.5)), ms(pct(srch, 0.99)),
			ms(pct(base, 0.5)), ms(pct(base, 0.99)),
			float64(pct(srch, 0.5))/float64(pct(base, 0.5)), float64(pct(srch, 0.99))/float64(pct(base, 0.99)))
	}
	fmt.Println("\nper-query medians over the rounds, then percentiles across queries (less sensitive to a busy machine):")
	fmt.Println("\n| queries | n | suggest p50 / p99 | search+facets p50 / p99 | baseline p50 / p99 |")
	fmt.Println("|---|---|---|---|---|")
	for _, c := range cats {
		var sug, srch, base []time.Duration
		n := 0
		for _, t := range ts {
			if c == "all" || t.Cat == c {
				n++
				sug = append(sug, pct(t.Suggest, 0.5))
				srch = append(srch, pct(t.Search, 0.5))
				base = append(base, pct(t.Baseline, 0.5))
			}
		}
		fmt.Printf("| %s | %d | %s / %s | %s / %s | %s / %s |\n", c, n,
			ms(pct(sug, 0.5)), ms(pct(sug, 0.99)), ms(pct(srch, 0.5)), ms(pct(srch, 0.99)), ms(pct(base, 0.5)), ms(pct(base, 0.99)))
	}
	fmt.Println("\n| queries | n | hit@1 | hit@3 |\n|---|---|---|---|")
	for _, c := range cats {
		var n, at1, at3 int
		for _, t := range ts {
			if t.Want != "" && (c == "all" || t.Cat == c) {
				n++
				if t.Hit == 1 {
					at1++
				}
				if t.Hit >= 1 {
					at3++
				}
			}
		}
		if n > 0 {
			fmt.Printf("| %s | %d | %.2f | %.2f |\n", c, n, float64(at1)/float64(n), float64(at3)/float64(n))
		}
	}
	fmt.Println("\nmisses (wanted title or name not first):")
	for _, t := range ts {
		if t.Want != "" && t.Hit != 1 {
			fmt.Printf("  %-12s %-40q want %q, first: %s (hit %d)\n", t.Cat, t.Query, t.Want, t.First, t.Hit)
		}
	}
	fmt.Println("\nslowest searches:")
	sort.Slice(ts, func(i, j int) bool { return pct(ts[i].Search, 0.5) > pct(ts[j].Search, 0.5) })
	for _, t := range ts[:min(8, len(ts))] {
		fmt.Printf("  %-12s %-40q search %s ms, suggest %s ms, baseline %s ms, first: %s\n", t.Cat, t.Query,
			ms(pct(t.Search, 0.5)), ms(pct(t.Suggest, 0.5)), ms(pct(t.Baseline, 0.5)), t.First)
	}
}
