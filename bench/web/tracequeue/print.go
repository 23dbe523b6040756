package main

import (
	"fmt"
	"slices"
	"time"
)

func (t *tally) print() {
	if len(t.requests) == 0 {
		fmt.Println("no requests in a \"handler\" region: was the trace written by bench/web/profile?")
		return
	}
	fmt.Printf("%d requests whose connection became readable while their goroutine waited for it\n", len(t.requests))
	t.split("readable -> running (run queue)", func(q request) time.Duration { return q.queue })
	t.split("running -> handler (read, parse)", func(q request) time.Duration { return q.read })
	t.split("handler", func(q request) time.Duration { return q.handler })
	t.split("  of it waiting for a processor", func(q request) time.Duration { return q.schedWait })
	t.split("readable -> handler's end", func(q request) time.Duration { return q.queue + q.read + q.handler })
	var total []time.Duration
	for _, q := range t.requests {
		total = append(total, q.queue+q.read+q.handler)
	}
	slices.Sort(total)
	cut := total[len(total)*99/100]
	sent, slow, slowSent := 0, 0, 0
	for _, q := range t.requests {
		if q.sentBack > 0 {
			sent++
		}
		if q.queue+q.read+q.handler >= cut {
			slow++
			if q.sentBack > 0 {
				slowSent++
			}
		}
	}
	fmt.Printf("handlers preempted or back from cgo without a processor: %d of %d (%.1f%%); among the slowest 1%% (≥ %v): %d of %d\n",
		sent, len(t.requests), 100*float64(sent)/float64(len(t.requests)), cut.Round(time.Millisecond), slowSent, slow)
	for name, n := range t.created {
		if n >= len(t.requests)/10 {
			fmt.Printf("goroutines started at %s: %d\n", name, n)
		}
	}
	var causes []string
	for c := range t.latency {
		causes = append(causes, c)
	}
	slices.Sort(causes)
	for _, c := range causes {
		d := t.latency[c]
		if len(d) < 100 {
			continue
		}
		slices.Sort(d)
		var sum time.Duration
		for _, x := range d {
			sum += x
		}
		fmt.Printf("runnable after %-55s n %7d  p50 %9v  p99 %9v  total %9v  in handlers %v\n", c, len(d),
			d[len(d)/2].Round(time.Microsecond), d[len(d)*99/100].Round(time.Microsecond), sum.Round(time.Millisecond), t.inHandler[c].Round(time.Millisecond))
	}
}

// split prints the distribution of one part of the requests' time.
func (t *tally) split(name string, part func(request) time.Duration) {
	var d []time.Duration
	var sum time.Duration
	for _, q := range t.requests {
		d = append(d, part(q))
		sum += part(q)
	}
	slices.Sort(d)
	at := func(p float64) time.Duration { return d[int(p*float64(len(d)-1))].Round(10 * time.Microsecond) }
	fmt.Printf("%-34s p50 %9v  p90 %9v  p99 %9v  max %9v  mean %9v\n", name, at(.5), at(.9), at(.99),
		d[len(d)-1].Round(time.Microsecond), (sum / time.Duration(len(d))).Round(10*time.Microsecond))
}
