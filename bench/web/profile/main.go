// Command profile serves the site like `marquee serve` (the same guard and
// handler) with a CPU profile and, optionally, an execution trace written
// on exit, to see where a load test's time goes. On exit it prints the
// server-side latency of the requests it answered (from the handler's
// start to its return), to tell time spent serving from time spent
// before the handler or in the load generator. Usage:
//
//	go run ./bench/web/profile -db DB -addr 127.0.0.1:18494 -cpuprofile cpu.prof -trace trace.out -for 10s
//
// Each request runs in a "handler" trace region, so bench/web/tracequeue can
// split its time into the run queue before it, the handler, and the
// processor waits inside.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"sync"
	"time"

	"marquee/internal/store"
	"marquee/internal/web"
)

func main() {
	db := flag.String("db", "", "database")
	addr := flag.String("addr", "127.0.0.1:18494", "listen address")
	out := flag.String("cpuprofile", "", "CPU profile file")
	traceOut := flag.String("trace", "", "execution trace file")
	dur := flag.Duration("for", 10*time.Second, "how long to serve")
	noCache := flag.Bool("no-cache", false, "render every request (no page cache)")
	flag.Parse()
	ctx := context.Background()
	st, err := store.Open(ctx, *db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer st.Close()
	site, err := web.New(st, slog.New(slog.NewTextHandler(os.Stderr, nil)), web.Options{NoCache: *noCache})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer site.Close()
	var lat latencies
	h := site.Guard(site.Handler())
	srv := &http.Server{Addr: *addr, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		trace.WithRegion(r.Context(), "handler", func() { h.ServeHTTP(w, r) })
		lat.add(time.Since(start))
	})}
	go srv.ListenAndServe()
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if *traceOut != "" {
		f, err := os.Create(*traceOut)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer f.Close()
		trace.Start(f)
		defer trace.Stop()
	}
	time.Sleep(*dur)
	srv.Close()
	fmt.Println(lat.summary())
}

// latencies collects how long the handler took for each request.
type latencies struct {
	mu sync.Mutex
	d  []time.Duration
}

func (l *latencies) add(d time.Duration) {
	l.mu.Lock()
	l.d = append(l.d, d)
	l.mu.Unlock()
}

func (l *latencies) summary() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.d) == 0 {
		return "no requests"
	}
	slices.Sort(l.d)
	at := func(q float64) time.Duration { return l.d[int(q*float64(len(l.d)-1))].Round(10 * time.Microsecond) }
	return fmt.Sprintf("server-side: %d requests, p50 %v, p90 %v, p99 %v, max %v", len(l.d), at(0.5), at(0.9), at(0.99), l.d[len(l.d)-1].Round(time.Millisecond))
}
