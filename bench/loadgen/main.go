// Command loadgen is a small closed-loop HTTP load generator for Marquee's
// benchmarks: a fixed number of workers request one path, spread round
// robin over one or more servers, for a fixed time, and it prints the
// rate and latency percentiles as one JSON line.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

func main() {
	var (
		bases    = flag.String("servers", "http://127.0.0.1:8080", "comma-separated base URLs, used round robin")
		path     = flag.String("path", "/films/red-rocket-2021", "path to request")
		workers  = flag.Int("c", 16, "concurrent workers")
		duration = flag.Duration("d", 10*time.Second, "how long to run")
		warmup   = flag.Duration("warmup", 2*time.Second, "unmeasured time before measuring")
	)
	flag.Parse()
	servers := strings.Split(*bases, ",")
	tr := &http.Transport{MaxIdleConnsPerHost: *workers, MaxConnsPerHost: *workers}
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}

	var (
		mu        sync.Mutex
		latencies []time.Duration
		errors    int
	)
	start := time.Now()
	measureFrom := start.Add(*warmup)
	end := measureFrom.Add(*duration)
	var wg sync.WaitGroup
	for w := range *workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			bad := 0
			for i := w; ; i++ {
				t0 := time.Now()
				if t0.After(end) {
					break
				}
				resp, err := client.Get(servers[i%len(servers)] + *path)
				ok := err == nil && resp.StatusCode == http.StatusOK
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				if t0.Before(measureFrom) {
					continue
				}
				if !ok {
					bad++
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			errors += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	slices.Sort(latencies)
	pct := func(p float64) float64 {
		if len(latencies) == 0 {
			return 0
		}
		return float64(latencies[int(p*float64(len(latencies)-1))].Microseconds()) / 1000
	}
	out := map[string]any{
		"servers":  len(servers),
		"workers":  *workers,
		"requests": len(latencies),
		"errors":   errors,
		"rps":      float64(len(latencies)) / duration.Seconds(),
		"p50_ms":   pct(0.50),
		"p99_ms":   pct(0.99),
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if len(latencies) == 0 {
		os.Exit(1)
	}
}
