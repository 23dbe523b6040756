package ops

import (
	"bufio"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// buckets are the upper bounds, in seconds, of the latency histogram.
var buckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5}

type requestKey struct {
	method, route string
	code          int
}

type requestStats struct {
	count   int64
	sum     float64
	buckets []int64 // cumulative counts are computed at exposition
}

// Middleware counts and times every request handled by next, labelled by
// method, the ServeMux pattern that matched (so /films/{slug} is one
// series, not one per film) and status code. next must be, or wrap, the
// *http.ServeMux that routes the request, which records the pattern on it.
func (m *Metrics) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		m.observe(r.Method, route(r.Pattern), rec.status, time.Since(start).Seconds())
	})
}

// route turns "GET /films/{slug}" into "/films/{slug}".
func route(pattern string) string {
	if pattern == "" {
		return "unmatched"
	}
	if _, path, ok := strings.Cut(pattern, " "); ok {
		return path
	}
	return pattern
}

func (m *Metrics) observe(method, route string, code int, seconds float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := requestKey{method, route, code}
	st := m.requests[k]
	if st == nil {
		st = &requestStats{buckets: make([]int64, len(buckets))}
		m.requests[k] = st
	}
	st.count++
	st.sum += seconds
	for i, b := range buckets {
		if seconds <= b {
			st.buckets[i]++
			break
		}
	}
}

func (m *Metrics) writeRequests(w *bufio.Writer) {
	keys := make([]requestKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.route != b.route {
			return a.route < b.route
		}
		if a.method != b.method {
			return a.method < b.method
		}
		return a.code < b.code
	})
	family(w, "marquee_http_requests_total", "counter", "HTTP requests by method, route pattern and status code.")
	for _, k := range keys {
		sample(w, "marquee_http_requests_total", []string{"method", k.method, "route", k.route, "code", strconv.Itoa(k.code)}, float64(m.requests[k].count))
	}
	// The histogram is per method and route; status codes are summed.
	type mr struct{ method, route string }
	merged := map[mr]*requestStats{}
	var order []mr
	for _, k := range keys {
		key := mr{k.method, k.route}
		agg := merged[key]
		if agg == nil {
			agg = &requestStats{buckets: make([]int64, len(buckets))}
			merged[key] = agg
			order = append(order, key)
		}
		st := m.requests[k]
		agg.count += st.count
		agg.sum += st.sum
		for i := range st.buckets {
			agg.buckets[i] += st.buckets[i]
		}
	}
	const name = "marquee_http_request_duration_seconds"
	family(w, name, "histogram", "HTTP request latency by method and route pattern.")
	for _, key := range order {
		st := merged[key]
		var cum int64
		for i, b := range buckets {
			cum += st.buckets[i]
			sample(w, name+"_bucket", []string{"method", key.method, "route", key.route, "le", strconv.FormatFloat(b, 'g', -1, 64)}, float64(cum))
		}
		sample(w, name+"_bucket", []string{"method", key.method, "route", key.route, "le", "+Inf"}, float64(st.count))
		sample(w, name+"_sum", []string{"method", key.method, "route", key.route}, st.sum)
		sample(w, name+"_count", []string{"method", key.method, "route", key.route}, float64(st.count))
	}
}

// statusRecorder remembers the status code a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status      int
	wroteHeader bool
}

func (r *statusRecorder) WriteHeader(code int) {
	if !r.wroteHeader {
		r.status, r.wroteHeader = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	r.wroteHeader = true
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
