package web

import (
	"context"
	"net/http"
)

// renderGate admits at most as many page renderings at once as the read
// pool has connections for, and lets the others wait in arrival order.
//
// Without it, 64 concurrent uncached film pages wait for the read pool's
// connections inside database/sql, which hands a freed connection to a
// random waiter (connRequestSet.TakeRandom). A page takes a connection two
// or three times (the cache stamps, the film's read transaction, a part it
// has), so some lose the draw again and again: on the 1 M-title catalog the
// median page took 20 ms and the slowest hundredth 265 ms, and an execution
// trace put 77% of the handlers' blocked time in DB.conn. Waiting here
// instead, on a channel whose waiters are served first come first served,
// bounds every page's wait by the queue ahead of it.
type renderGate chan struct{}

// newRenderGate returns a gate of n slots; n ≤ 0 (a pool without a limit)
// gives no gate.
func newRenderGate(n int) renderGate {
	if n <= 0 {
		return nil
	}
	return make(renderGate, n)
}

// enter waits for a slot, in arrival order; it fails when ctx ends first.
func (g renderGate) enter(ctx context.Context) error {
	if g == nil {
		return nil
	}
	select {
	case g <- struct{}{}:
		return nil
	default:
	}
	select {
	case g <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// leave frees the slot enter took.
func (g renderGate) leave() {
	if g != nil {
		<-g
	}
}

// renderRequest returns r with a context that is never canceled (its
// values kept), for a page rendering that has passed the gate.
//
// database/sql starts a goroutine for every transaction and every query
// whose context can be canceled (Tx.awaitDone, Rows.awaitDone), and the
// SQLite driver one for every Exec: seven or eight for one film page.
// Each is created, scheduled, woken again when its query ends and
// scheduled once more, on the run queue ahead of the connections whose
// next request has arrived. Under saturation that queue is where the
// page latency's tail was (see docs/benchmarks.md, "Fifth session").
// Giving the rendering a context without cancellation drops those
// goroutines. A client that goes away while its page waits for the gate
// still stops it there; once admitted, a rendering runs to its end, a
// bounded cost (a page's reads are a few milliseconds).
func renderRequest(r *http.Request) *http.Request {
	if r.Context().Done() == nil {
		return r
	}
	return r.WithContext(context.WithoutCancel(r.Context()))
}
