package web

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestRenderGate(t *testing.T) {
	g := newRenderGate(2)
	ctx := context.Background()
	for range 2 {
		if err := g.enter(ctx); err != nil {
			t.Fatalf("enter with a free slot: %v", err)
		}
	}
	// Full: a third waits until its context ends.
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := g.enter(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("enter on a full gate = %v, want the context's deadline", err)
	}
	// A freed slot admits the next.
	g.leave()
	if err := g.enter(ctx); err != nil {
		t.Fatalf("enter after leave: %v", err)
	}
	if newRenderGate(0) != nil {
		t.Error("a pool without a limit got a gate")
	}
	var none renderGate
	if err := none.enter(ctx); err != nil {
		t.Errorf("no gate: enter = %v", err)
	}
	none.leave()
}
