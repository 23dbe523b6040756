package web

import "context"

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
