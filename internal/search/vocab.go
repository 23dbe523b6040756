package search

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// vocabTTL is how long a loaded vocabulary is used before it is read
// again. Words added since are still found (see known); they only miss
// out on being offered as typo corrections until the next load.
const vocabTTL = 15 * time.Minute

// vocab is the index's vocabulary held in memory, sorted, with document
// counts: one-typo expansion probes hundreds of neighbours of a word, far
// too many for per-word lookups in fts5vocab (tens of µs each).
type vocab struct {
	terms  []string
	counts []uint32
	loaded time.Time
}

func (v *vocab) find(w string) (int, bool) {
	i := sort.SearchStrings(v.terms, w)
	return i, i < len(v.terms) && v.terms[i] == w
}

func (v *vocab) count(w string) int {
	if i, ok := v.find(w); ok {
		return int(v.counts[i])
	}
	return 0
}

func (v *vocab) hasPrefix(p string) bool {
	i, _ := v.find(p)
	return i < len(v.terms) && strings.HasPrefix(v.terms[i], p)
}

// completions returns the words that begin with p, or nil when there
// are more than n.
func (v *vocab) completions(p string, n int) []string {
	i, _ := v.find(p)
	j := i
	for j < len(v.terms) && strings.HasPrefix(v.terms[j], p) {
		if j-i == n {
			return nil
		}
		j++
	}
	if j == i {
		return nil
	}
	return v.terms[i:j:j]
}

// vocabCache loads the vocabulary on first use and again after vocabTTL.
type vocabCache struct {
	mu sync.Mutex
	v  *vocab
}

func (c *vocabCache) get(ctx context.Context, e *Engine) (*vocab, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.v != nil && time.Since(c.v.loaded) < vocabTTL {
		return c.v, nil
	}
	v, err := e.loadVocab(ctx)
	if err != nil {
		return nil, err
	}
	c.v = v
	return v, nil
}

func (e *Engine) loadVocab(ctx context.Context) (*vocab, error) {
	rows, err := e.st.DB().QueryContext(ctx, "SELECT term, doc FROM search_vocab")
	if err != nil {
		return nil, fmt.Errorf("search: load vocabulary: %w", err)
	}
	defer rows.Close()
	v := &vocab{loaded: time.Now()}
	for rows.Next() {
		var (
			t string
			n uint32
		)
		if err := rows.Scan(&t, &n); err != nil {
			return nil, fmt.Errorf("search: load vocabulary: %w", err)
		}
		v.terms = append(v.terms, t)
		v.counts = append(v.counts, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: load vocabulary: %w", err)
	}
	if !sort.StringsAreSorted(v.terms) {
		sort.Sort(byTerm{v})
	}
	return v, nil
}

type byTerm struct{ v *vocab }

func (b byTerm) Len() int           { return len(b.v.terms) }
func (b byTerm) Less(i, j int) bool { return b.v.terms[i] < b.v.terms[j] }
func (b byTerm) Swap(i, j int) {
	b.v.terms[i], b.v.terms[j] = b.v.terms[j], b.v.terms[i]
	b.v.counts[i], b.v.counts[j] = b.v.counts[j], b.v.counts[i]
}

// Warm loads what the engine keeps in memory (the index vocabulary, for
// typo tolerance), so that the first query does not pay for it. Servers
// may call it at start; it is optional.
func (e *Engine) Warm(ctx context.Context) error {
	if e.st.Engine() != "sqlite" {
		return nil
	}
	_, err := e.vocab.get(ctx, e)
	return err
}
