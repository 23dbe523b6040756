package catalog

import (
	"database/sql/driver"
	"strings"
)

// writeCounts is what a counted row writer wrote: rows added, and rows
// already there whose values it changed. Rows it was given beyond these
// were already there as they are.
type writeCounts struct{ inserted, updated int64 }

// keyedSpec is a bulk upsert keyed on its conflict columns that sets
// update (nil: DO NOTHING) on a row already there. Unlike a plain
// insertSpec it can be written counted: a row already there with the
// same values is neither written nor counted as updated.
type keyedSpec struct {
	table, cols, conflict string
	update                []string
}

// plain is the spec written without counting: for rows known to be new.
func (k keyedSpec) plain() insertSpec {
	action := "DO NOTHING"
	if len(k.update) > 0 {
		set := make([]string, len(k.update))
		for i, c := range k.update {
			set[i] = c + " = excluded." + c
		}
		action = "DO UPDATE SET " + strings.Join(set, ", ")
	}
	return insertSpec{table: k.table, cols: k.cols, conflict: k.conflict, action: action}
}

// counted is the spec written with counts (rowWriter.counts).
func (k keyedSpec) counted() insertSpec {
	s := k.plain()
	s.update, s.counted = k.update, true
	return s
}

// qualified lists cols, each prefixed with prefix ("films.", "v.").
func qualified(prefix string, cols []string) string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = prefix + c
	}
	return strings.Join(out, ", ")
}

// splitWriter writes one keyed table in two streams: rows of records this
// import adds (a film new to the catalog) go in as a plain bulk insert and
// are imported by definition; rows of records the catalog already held go
// through a counted writer, so that a re-import says how many it added,
// changed and found as they were. A fresh import thus pays nothing for the
// counting.
type splitWriter struct {
	fresh, held *inserter
	heldRows    int64
}

func (b *bulkConn) splitWriter(spec keyedSpec) (*splitWriter, error) {
	fresh, err := b.inserter(spec.plain())
	if err != nil {
		return nil, err
	}
	held, err := b.inserter(spec.counted())
	if err != nil {
		_ = fresh.close()
		return nil, err
	}
	return &splitWriter{fresh: fresh, held: held}, nil
}

// add writes one row: held says its record was in the catalog before the
// import. A fresh row is counted imported by the caller.
func (s *splitWriter) add(held bool, vals ...driver.Value) error {
	if !held {
		return s.fresh.add(vals...)
	}
	s.heldRows++
	return s.held.add(vals...)
}

// close writes what is buffered and adds the held rows' counts to fs. On
// a dry run (nothing written) held rows count as imported, as fresh ones.
func (s *splitWriter) close(fs *FileSummary) error {
	err := firstErr(s.fresh.close(), s.held.close())
	if s.held == nil {
		fs.Imported += s.heldRows
		return err
	}
	c := s.held.w.counts()
	fs.Imported += c.inserted
	fs.Updated += c.updated
	fs.Unchanged += s.heldRows - c.inserted - c.updated
	return err
}
