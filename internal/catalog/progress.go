package catalog

import "time"

// Progress is a snapshot of an import, sent on Options.Progress. Bytes and
// Size are of the file on disk (compressed, for .gz), so Bytes/Size is the
// fraction done.
type Progress struct {
	File    string        `json:"file"`
	Phase   string        `json:"phase"` // "load", then "index", "analyze", "search"; "done" ends a file
	Rows    int64         `json:"rows"`
	Bytes   int64         `json:"bytes"`
	Size    int64         `json:"size"`
	Elapsed time.Duration `json:"elapsed_ns"` // since the file or phase began
}

// progressEvery is how many rows pass between progress reports.
const progressEvery = 1 << 14

// reporter sends progress without ever blocking the import: a receiver
// that falls behind misses snapshots, not rows.
type reporter struct {
	ch    chan<- Progress
	file  string
	in    *input
	start time.Time
	rows  int64
}

func newReporter(ch chan<- Progress, file string, in *input) *reporter {
	return &reporter{ch: ch, file: file, in: in, start: time.Now()}
}

// row counts one row and reports every progressEvery rows.
func (r *reporter) row() {
	r.rows++
	if r.rows%progressEvery == 0 {
		r.send("load")
	}
}

func (r *reporter) send(phase string) {
	if r.ch == nil {
		return
	}
	p := Progress{File: r.file, Phase: phase, Rows: r.rows, Elapsed: time.Since(r.start)}
	if r.in != nil {
		p.Bytes, p.Size = r.in.pos(), r.in.size
	}
	select {
	case r.ch <- p:
	default:
	}
}

// phase reports a whole-import phase (index builds, ANALYZE, search).
func phase(ch chan<- Progress, name string) {
	if ch == nil {
		return
	}
	select {
	case ch <- Progress{Phase: name}:
	default:
	}
}
