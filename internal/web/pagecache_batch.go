package web

import (
	"context"
	"sync"
)

// stampBatch reads the stamps of cached pages for many requests in one
// query (store.CacheStamps). On PostgreSQL every cached page is checked
// against its stamps on every request, and each check was a round trip of
// its own; a round trip on two shared cores costs a scheduler hop on each
// side. Requests that arrive while a query runs wait for the next one,
// which starts after they arrived: what it reads reflects every commit
// that finished before they asked, as a query of their own would.
type stampBatch struct {
	read func(ctx context.Context, filmIDs []int64) (catalog int64, films map[int64]int64, err error)

	mu      sync.Mutex // guards waiting and running
	waiting []stampAsk
	running bool
}

// stampAsk is one request's question: the stamps of film (0: none) and
// where to send them.
type stampAsk struct {
	film   int64
	answer chan stampAnswer
}

type stampAnswer struct {
	st  stamps
	err error
}

// stamps returns the catalog's stamp and film's member stamp (film 0:
// the catalog's alone).
func (b *stampBatch) stamps(ctx context.Context, film int64) (stamps, error) {
	ask := stampAsk{film, make(chan stampAnswer, 1)}
	b.mu.Lock()
	b.waiting = append(b.waiting, ask)
	lead := !b.running
	b.running = true
	b.mu.Unlock()
	if lead {
		go b.serve()
	}
	select {
	case a := <-ask.answer:
		return a.st, a.err
	case <-ctx.Done():
		return stamps{}, ctx.Err()
	}
}

// serve answers the waiting requests batch by batch until none is left.
// Each batch is taken before its query starts.
func (b *stampBatch) serve() {
	for {
		b.mu.Lock()
		batch := b.waiting
		b.waiting = nil
		if len(batch) == 0 {
			b.running = false
			b.mu.Unlock()
			return
		}
		b.mu.Unlock()
		ids := make([]int64, 0, len(batch))
		for _, a := range batch {
			if a.film != 0 {
				ids = append(ids, a.film)
			}
		}
		// Not a request's context: the query answers many, and one that
		// went away must not fail the others.
		cat, films, err := b.read(context.Background(), ids)
		for _, a := range batch {
			a.answer <- stampAnswer{stamps{cat, films[a.film]}, err}
		}
	}
}
