// Command tracequeue reads an execution trace written by bench/web/profile
// (-trace) and splits each request's server-side time into where it was
// spent: waiting on the run queue after its connection became readable,
// reading the request, and the handler (the "handler" trace region), with
// the time the handler's goroutine waited for a processor. It also prints
// the scheduling latency by what made a goroutine runnable, and how many
// goroutines were started and from where. Usage:
//
//	go run ./bench/web/tracequeue trace.out   (from bench/web/tracequeue: go run . FILE)
//
// It is a module of its own so that golang.org/x/exp/trace, the trace
// parser, is not a dependency of Marquee.
package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/exp/trace"
)

// goState follows one goroutine through the trace.
type goState struct {
	waitReason string     // why it last blocked
	cause      string     // what last made it runnable
	runnable   trace.Time // when it last became runnable
	readable   trace.Time // when its connection last became readable, outside a handler
	firstRun   trace.Time // when it first ran after that
	inHandler  bool
	start      trace.Time
	schedWait  time.Duration // waiting for a processor inside the handler
	sentBack   int           // preempted or returned from cgo without a processor, inside the handler
}

// request is one request's split.
type request struct {
	queue, read, handler, schedWait time.Duration
	sentBack                        int
}

// tally collects the trace's figures.
type tally struct {
	goroutines map[trace.GoID]*goState
	requests   []request
	latency    map[string][]time.Duration // scheduling latency by cause
	inHandler  map[string]time.Duration
	created    map[string]int // goroutines started, by their first function
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: tracequeue TRACE")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "tracequeue:", err)
		os.Exit(1)
	}
	defer f.Close()
	t := &tally{goroutines: map[trace.GoID]*goState{}, latency: map[string][]time.Duration{},
		inHandler: map[string]time.Duration{}, created: map[string]int{}}
	if err := t.read(f); err != nil {
		fmt.Fprintf(os.Stderr, "tracequeue: %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	t.print()
}

func (t *tally) goroutine(id trace.GoID) *goState {
	g := t.goroutines[id]
	if g == nil {
		g = &goState{}
		t.goroutines[id] = g
	}
	return g
}

func (t *tally) read(f io.Reader) error {
	r, err := trace.NewReader(f)
	if err != nil {
		return err
	}
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch ev.Kind() {
		case trace.EventStateTransition:
			t.transition(ev)
		case trace.EventRegionBegin, trace.EventRegionEnd:
			if ev.Region().Type == "handler" {
				t.region(ev)
			}
		}
	}
}

func (t *tally) transition(ev trace.Event) {
	st := ev.StateTransition()
	if st.Resource.Kind != trace.ResourceGoroutine {
		return
	}
	g := t.goroutine(st.Resource.Goroutine())
	from, to := st.Goroutine()
	now := ev.Time()
	switch {
	case to == trace.GoWaiting:
		g.waitReason = st.Reason
	case to == trace.GoRunnable:
		g.runnable = now
		g.cause = t.cause(ev, st, from, g)
		if from == trace.GoWaiting && g.waitReason == "network" && !g.inHandler {
			g.readable, g.firstRun = now, 0
		}
	case from == trace.GoRunnable && to == trace.GoRunning:
		d := time.Duration(now - g.runnable)
		t.latency[g.cause] = append(t.latency[g.cause], d)
		if g.inHandler {
			t.inHandler[g.cause] += d
			g.schedWait += d
			if g.cause == causePreempted || g.cause == causeSyscall {
				g.sentBack++
			}
		}
		if g.readable != 0 && g.firstRun == 0 {
			g.firstRun = now
		}
	}
}

const (
	causePreempted = "preempted or yielded"
	causeSyscall   = "back from a syscall or cgo call without its processor"
)

// cause names what made a goroutine runnable; for the network poller it
// tells a poll by a processor's scheduler from one without a processor
// (sysmon's, every 10 ms at most, onto the global run queue).
func (t *tally) cause(ev trace.Event, st trace.StateTransition, from trace.GoState, g *goState) string {
	switch from {
	case trace.GoRunning:
		return causePreempted
	case trace.GoSyscall:
		return causeSyscall
	case trace.GoNotExist:
		name := "?"
		for fr := range st.Stack.Frames() {
			name = fr.Func
			break
		}
		t.created[name]++
		return "created"
	case trace.GoWaiting:
		if g.waitReason != "network" {
			return "woken from " + g.waitReason
		}
		switch {
		case ev.Proc() == trace.NoProc:
			return "network, polled without a processor (sysmon)"
		case ev.Goroutine() != trace.NoGoroutine:
			return "network, woken by a goroutine (deadline)"
		}
		return "network, polled by a processor's scheduler"
	}
	return "from " + from.String()
}

func (t *tally) region(ev trace.Event) {
	g := t.goroutine(ev.Goroutine())
	if ev.Kind() == trace.EventRegionBegin {
		g.inHandler, g.start, g.schedWait, g.sentBack = true, ev.Time(), 0, 0
		return
	}
	g.inHandler = false
	if g.readable == 0 || g.firstRun == 0 {
		return // a request whose bytes were already there when its goroutine read
	}
	t.requests = append(t.requests, request{queue: time.Duration(g.firstRun - g.readable),
		read: time.Duration(g.start - g.firstRun), handler: time.Duration(ev.Time() - g.start),
		schedWait: g.schedWait, sentBack: g.sentBack})
	g.readable = 0
}
