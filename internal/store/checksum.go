package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Checksum is a table's row count and a digest of its rows that does not
// depend on row order or engine: each row is encoded canonically (integers
// and booleans as integers, text and blobs as bytes, reals in shortest
// form, NULL distinct from empty), hashed with SHA-256, and the hashes are
// summed. Equal tables on SQLite and PostgreSQL give equal checksums.
type Checksum struct {
	Rows   int64  `json:"rows"`
	Digest string `json:"digest"`
}

// TableChecksum computes the checksum of the given columns of table.
func (s *Store) TableChecksum(ctx context.Context, table string, columns []string) (Checksum, error) {
	q := "SELECT " + quoteColumns(columns) + " FROM " + quoteIdent(table)
	rows, err := s.read.QueryContext(ctx, q)
	if err != nil {
		return Checksum{}, fmt.Errorf("checksum %s: %w", table, err)
	}
	defer rows.Close()
	var (
		sum    [4]uint64
		n      int64
		buf    []byte
		vals   = make([]any, len(columns))
		ptrs   = make([]any, len(columns))
		digest [sha256.Size]byte
	)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return Checksum{}, fmt.Errorf("checksum %s: %w", table, err)
		}
		buf = buf[:0]
		for _, v := range vals {
			buf = appendCanonical(buf, v)
		}
		digest = sha256.Sum256(buf)
		for i := range sum {
			sum[i] += binary.BigEndian.Uint64(digest[i*8:])
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return Checksum{}, fmt.Errorf("checksum %s: %w", table, err)
	}
	out := make([]byte, 0, 32)
	for _, v := range sum {
		out = binary.BigEndian.AppendUint64(out, v)
	}
	return Checksum{Rows: n, Digest: hex.EncodeToString(out)}, nil
}

func appendCanonical(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, 'N')
	case int64:
		b = append(b, 'I')
		b = strconv.AppendInt(b, x, 10)
	case int32:
		b = append(b, 'I')
		b = strconv.AppendInt(b, int64(x), 10)
	case bool:
		if x {
			return append(b, 'I', '1', 0)
		}
		return append(b, 'I', '0', 0)
	case float64:
		b = append(b, 'F')
		b = strconv.AppendFloat(b, x, 'g', -1, 64)
	case float32:
		b = append(b, 'F')
		b = strconv.AppendFloat(b, float64(x), 'g', -1, 64)
	case string:
		b = append(b, 'S')
		b = strconv.AppendInt(b, int64(len(x)), 10)
		b = append(b, ':')
		b = append(b, x...)
	case []byte:
		b = append(b, 'S')
		b = strconv.AppendInt(b, int64(len(x)), 10)
		b = append(b, ':')
		b = append(b, x...)
	case time.Time:
		b = append(b, 'T')
		b = x.UTC().AppendFormat(b, time.RFC3339Nano)
	default:
		b = append(b, 'S')
		b = fmt.Appendf(b, "%v", x)
	}
	return append(b, 0)
}

// quoteIdent quotes a name for SQL; both engines accept double quotes.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

func quoteColumns(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = quoteIdent(c)
	}
	return strings.Join(q, ", ")
}
