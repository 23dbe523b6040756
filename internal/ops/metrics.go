// Package ops holds what operators watch: request counts and latencies by
// route, database pool statistics and import progress, exposed at
// /metrics in the Prometheus text format. The exposition is written by
// hand with the standard library; no client library is needed for a
// handful of counters.
package ops

import (
	"bufio"
	"database/sql"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Metrics collects one process's metrics. It is safe for concurrent use;
// the zero value is not usable, call New.
type Metrics struct {
	mu       sync.Mutex
	requests map[requestKey]*requestStats
	imports  map[importKey]int64
	pools    []poolSource
	started  time.Time
}

// New returns an empty Metrics.
func New() *Metrics {
	return &Metrics{
		requests: map[requestKey]*requestStats{},
		imports:  map[importKey]int64{},
		started:  time.Now(),
	}
}

type poolSource struct {
	name  string
	stats func() map[string]sql.DBStats
}

// WatchDB adds a database whose pool statistics are read at every scrape.
// stats returns one sql.DBStats per pool, keyed by the pool's name
// ("read", "write").
func (m *Metrics) WatchDB(engine string, stats func() map[string]sql.DBStats) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pools = append(m.pools, poolSource{engine, stats})
}

type importKey struct{ source, file string }

// ImportProgress records that an import from source has processed rows
// rows of the input file so far. Importers call it as progress arrives.
func (m *Metrics) ImportProgress(source, file string, rows int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.imports[importKey{source, file}] = rows
}

// Handler serves the metrics in the Prometheus text format, version 0.0.4.
func (m *Metrics) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		bw := bufio.NewWriter(w)
		m.write(bw)
		bw.Flush()
	})
}

func (m *Metrics) write(w *bufio.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	family(w, "marquee_uptime_seconds", "gauge", "Seconds since the process started.")
	sample(w, "marquee_uptime_seconds", nil, time.Since(m.started).Seconds())
	m.writeRequests(w)
	m.writePools(w)
	family(w, "marquee_import_rows", "gauge", "Input rows processed so far by an import, by source and file.")
	keys := make([]importKey, 0, len(m.imports))
	for k := range m.imports {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].source+"\x00"+keys[i].file < keys[j].source+"\x00"+keys[j].file
	})
	for _, k := range keys {
		sample(w, "marquee_import_rows", []string{"source", k.source, "file", k.file}, float64(m.imports[k]))
	}
}

func (m *Metrics) writePools(w *bufio.Writer) {
	type stat struct {
		name, typ, help string
		value           func(s sql.DBStats) float64
	}
	stats := []stat{
		{"marquee_db_max_open_connections", "gauge", "Maximum open connections of the pool.", func(s sql.DBStats) float64 { return float64(s.MaxOpenConnections) }},
		{"marquee_db_open_connections", "gauge", "Open connections, in use or idle.", func(s sql.DBStats) float64 { return float64(s.OpenConnections) }},
		{"marquee_db_in_use_connections", "gauge", "Connections in use.", func(s sql.DBStats) float64 { return float64(s.InUse) }},
		{"marquee_db_idle_connections", "gauge", "Idle connections.", func(s sql.DBStats) float64 { return float64(s.Idle) }},
		{"marquee_db_wait_count_total", "counter", "Connections waited for.", func(s sql.DBStats) float64 { return float64(s.WaitCount) }},
		{"marquee_db_wait_seconds_total", "counter", "Time spent waiting for a connection.", func(s sql.DBStats) float64 { return s.WaitDuration.Seconds() }},
	}
	type row struct {
		engine, pool string
		s            sql.DBStats
	}
	var rows []row
	for _, src := range m.pools {
		byPool := src.stats()
		names := make([]string, 0, len(byPool))
		for n := range byPool {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			rows = append(rows, row{src.name, n, byPool[n]})
		}
	}
	for _, st := range stats {
		family(w, st.name, st.typ, st.help)
		for _, r := range rows {
			sample(w, st.name, []string{"engine", r.engine, "pool", r.pool}, st.value(r.s))
		}
	}
}

func family(w *bufio.Writer, name, typ, help string) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, typ)
}

// sample writes one line; labels alternate names and values.
func sample(w *bufio.Writer, name string, labels []string, v float64) {
	w.WriteString(name)
	if len(labels) > 0 {
		w.WriteByte('{')
		for i := 0; i+1 < len(labels); i += 2 {
			if i > 0 {
				w.WriteByte(',')
			}
			w.WriteString(labels[i])
			w.WriteString(`="`)
			w.WriteString(escapeLabel(labels[i+1]))
			w.WriteByte('"')
		}
		w.WriteByte('}')
	}
	w.WriteByte(' ')
	w.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	w.WriteByte('\n')
}

var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

func escapeLabel(s string) string { return labelEscaper.Replace(s) }
