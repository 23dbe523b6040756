package recommend

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"marquee/internal/store"
)

// Refresher keeps the stored similar lists current as members rate
// films. Member rating writes queue (member, film) in the database in
// their own transaction (migration 0017), whichever process makes them;
// Flush applies the queue to a model held in memory, recomputing only the
// lists the changes touch (Model.Refresh), and Run flushes in the
// background. The model is built on first use, from the store, which
// costs one full build; later flushes cost only what changed.
//
// Of several processes on one database, only the one holding the store's
// RefreshLead flushes: the others would apply changes to models that miss
// what the leader took from the queue.
//
// A Refresher is safe for concurrent use; flushes and rebuilds run one at
// a time. Close gives up the lead.
type Refresher struct {
	st   *store.Store
	opt  Options
	lead *store.RefreshLead
	mu   sync.Mutex // guards md; held through a flush or rebuild
	md   *Model
}

// NewRefresher returns a Refresher on st building with opt.
func NewRefresher(st *store.Store, opt Options) *Refresher {
	return &Refresher{st: st, opt: opt, lead: st.RefreshLead()}
}

// Close gives up the refresh's lead, for another process to take; call it
// before closing the store.
func (r *Refresher) Close() error { return r.lead.Close() }

// flushBatch bounds the queued changes one flush applies.
const flushBatch = 50_000

// Rebuild recomputes and stores every list, as the package's Rebuild
// does, and keeps the model for later flushes.
func (r *Refresher) Rebuild(ctx context.Context) (Stats, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	md, stats, err := rebuild(ctx, r.st, r.opt)
	if err != nil {
		return stats, err
	}
	r.md = md
	return stats, nil
}

// Flush applies the queued rating changes and returns how many films'
// lists it rewrote. With nothing queued, or on a catalog whose lists were
// never built in full (`marquee recommend build`, a ratings import), it
// does nothing: there are no lists to keep current, and the model a first
// flush loads costs a full build's reading (on the 1 M-title catalog,
// most of a core for minutes, in every serve process). The queue stays
// for the first build, which clears it up to where it starts reading.
// Nor does it while another process leads the refresh.
func (r *Refresher) Flush(ctx context.Context) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if lead, err := r.lead.Held(ctx); err != nil || !lead {
		r.md = nil // the leader's flushes pass this model by: reload on taking the lead
		return 0, err
	}
	if r.md == nil {
		built, err := r.st.SimilarListsBuilt(ctx)
		if err != nil || !built {
			return 0, err
		}
	}
	total := 0
	for {
		changes, upTo, err := r.st.PendingRatingChanges(ctx, flushBatch)
		if err != nil || upTo == 0 {
			return total, err
		}
		n, err := r.apply(ctx, changes)
		if err != nil {
			return total, fmt.Errorf("refresh similar lists: %w", err)
		}
		total += n
		if err := r.st.ClearRatingChanges(ctx, upTo); err != nil {
			return total, err
		}
		if len(changes) < flushBatch {
			return total, nil
		}
	}
}

// apply brings the model up to date with changes and stores the lists
// they touched.
func (r *Refresher) apply(ctx context.Context, changes []store.RatingChange) (int, error) {
	if len(changes) == 0 {
		return 0, nil
	}
	var lists map[int64][]store.SimilarRow
	if r.md == nil {
		// The model read now already holds the changes: store the lists
		// of the films they touched.
		md, err := LoadModel(ctx, r.st, r.opt)
		if err != nil {
			return 0, err
		}
		set := map[int32]bool{}
		for _, c := range changes {
			if i, ok := md.Index[c.FilmID]; ok {
				set[i] = true
			}
		}
		if lists, err = md.Lists(ctx, sortedItems(set)); err != nil {
			return 0, err
		}
		r.md = md
	} else {
		add := make([]Triple, 0, len(changes))
		for _, c := range changes {
			i, ok := r.md.Index[c.FilmID]
			if !ok {
				continue // a film added since the model was built: the next full build takes it in
			}
			add = append(add, Triple{r.md.userRow(c.User), i, float32(c.Stars)})
		}
		var err error
		if lists, err = r.md.Refresh(ctx, add); err != nil {
			return 0, err
		}
	}
	if err := r.st.ReplaceSimilar(ctx, lists, false); err != nil {
		return 0, err
	}
	return len(lists), nil
}

// Run flushes every interval until ctx is done, logging failures (a
// failed flush leaves the queue as it was, so the next one retries).
func (r *Refresher) Run(ctx context.Context, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		start := time.Now()
		n, err := r.Flush(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			log.Error("refresh similar lists", "err", err)
		case n > 0:
			log.Info("refreshed similar lists", "films", n, "took", time.Since(start).Round(time.Millisecond))
		}
	}
}
