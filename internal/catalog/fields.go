package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// null is IMDb's marker for a missing value.
const null = `\N`

// fieldErr builds the error for field col of the current record.
func (t *tsv) fieldErr(col int, field, reason string) *RowError {
	return &RowError{File: t.name, Line: t.line, Field: field, Reason: reason}
}

// imdbNum parses an IMDb identifier ("tt0368226", "nm0000123") to its
// number, checking the prefix.
func imdbNum(b []byte, prefix string) (uint32, bool) {
	if len(b) < 3 || string(b[:2]) != prefix {
		return 0, false
	}
	var n uint64
	for _, c := range b[2:] {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
		if n > maxIMDbNum {
			return 0, false
		}
	}
	return uint32(n), n > 0
}

// maxIMDbNum bounds identifiers so the dense id tables stay small even on
// hostile input; IMDb's own are below 10⁸.
const maxIMDbNum = 1 << 28

// imdbID formats a number back to IMDb's form: seven digits at least.
func imdbID(prefix string, n uint32) string {
	s := strconv.FormatUint(uint64(n), 10)
	for len(s) < 7 {
		s = "0" + s
	}
	return prefix + s
}

// optInt parses a nullable integer field; \N is 0.
func optInt(b []byte) (int64, error) {
	if string(b) == null || len(b) == 0 {
		return 0, nil
	}
	var n int64
	neg := false
	if b[0] == '-' {
		neg, b = true, b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, fmt.Errorf("bad number")
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("bad number")
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, nil
}

// text returns a field as a string, "" for \N, checking UTF-8.
func text(b []byte) (string, bool) {
	if string(b) == null {
		return "", true
	}
	if !utf8.Valid(b) {
		return "", false
	}
	// Spaces around a value are never part of it ("Anora " is "Anora").
	return strings.TrimSpace(string(b)), true
}

// characters parses the principals' JSON-style list: ["Mikey Saber"].
func characters(b []byte) ([]string, error) {
	if string(b) == null || len(b) == 0 {
		return nil, nil
	}
	// The common case, one name without escapes, skips the JSON decoder.
	if n := len(b); n >= 4 && b[0] == '[' && b[1] == '"' && b[n-2] == '"' && b[n-1] == ']' {
		inner := b[2 : n-2]
		if bytes.IndexByte(inner, '"') < 0 && bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
			if c := strings.TrimSpace(string(inner)); c != "" {
				return []string{c}, nil
			}
			return nil, nil
		}
	}
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, fmt.Errorf("broken JSON list")
	}
	out := list[:0]
	for _, c := range list {
		if c = strings.TrimSpace(c); c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out, nil
}

// eachItem calls fn on every item of a comma list field; \N has none.
func eachItem(b []byte, fn func([]byte)) {
	if string(b) == null || len(b) == 0 {
		return
	}
	start := 0
	for i := 0; i <= len(b); i++ {
		if i == len(b) || b[i] == ',' {
			if i > start {
				fn(b[start:i])
			}
			start = i + 1
		}
	}
}
