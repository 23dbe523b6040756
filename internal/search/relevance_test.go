package search

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// relevanceCase is one line of testdata/relevance.tsv.
type relevanceCase struct {
	query, want, filter, why string
	within                   int
}

func readRelevance(t *testing.T) []relevanceCase {
	f, err := os.Open("testdata/relevance.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []relevanceCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 5 {
			t.Fatalf("relevance.tsv: %q has %d columns, want 5", line, len(cols))
		}
		n, err := strconv.Atoi(cols[2])
		if err != nil {
			t.Fatalf("relevance.tsv: %q: %v", line, err)
		}
		out = append(out, relevanceCase{query: cols[0], want: cols[1], within: n, filter: cols[3], why: cols[4]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func hitKey(r Result) string {
	if r.Kind == KindDossier {
		return r.Kind + "/" + r.FilmSlug
	}
	return r.Kind + "/" + r.Slug
}

func TestRelevance(t *testing.T) {
	cases := readRelevance(t)
	if len(cases) < 40 {
		t.Errorf("relevance set has %d queries, want at least 40", len(cases))
	}
	e := New(testCatalog(t))
	passed := 0
	for _, c := range cases {
		q := Query{Text: c.query}
		if kind, ok := strings.CutPrefix(c.filter, "kind="); ok {
			q.Kind = kind
		}
		res, err := e.Search(context.Background(), q)
		if err != nil {
			t.Errorf("%q: %v", c.query, err)
			continue
		}
		var got []string
		found := false
		for i, r := range res.Results[:min(len(res.Results), max(c.within, 5))] {
			got = append(got, fmt.Sprintf("%s(%.1f)", hitKey(r), r.Score))
			if i < c.within && hitKey(r) == c.want {
				found = true
			}
		}
		if !found {
			t.Errorf("%q (%s): want %s within the top %d, got %v", c.query, c.why, c.want, c.within, got)
			continue
		}
		passed++
	}
	t.Logf("relevance: %d/%d queries pass", passed, len(cases))
}
