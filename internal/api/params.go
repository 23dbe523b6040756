package api

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, &paramError{Param: name, Reason: "must be a whole number"}
	}
	if n < lo || n > hi {
		return 0, &paramError{Param: name, Reason: "must be between " + strconv.Itoa(lo) + " and " + strconv.Itoa(hi)}
	}
	return n, nil
}

func textParam(r *http.Request, name string, max int) (string, error) {
	v := r.URL.Query().Get(name)
	if len(v) > max {
		return "", &paramError{Param: name, Reason: "is longer than " + strconv.Itoa(max) + " bytes"}
	}
	if !utf8.ValidString(v) {
		return "", &paramError{Param: name, Reason: "is not valid UTF-8"}
	}
	return strings.TrimSpace(v), nil
}

func decadeParam(r *http.Request) (int, error) {
	v := r.URL.Query().Get("decade")
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimSuffix(v, "s"))
	if err != nil || n%10 != 0 || n < 1870 || n > 2100 {
		return 0, &paramError{Param: "decade", Reason: "must be a decade such as 1990"}
	}
	return n, nil
}

// A cursor is an opaque token: the base64 of "<prefix>:<number>", where the
// number is the last id returned (lists) or the next offset (search).

func encodeCursor(prefix string, n int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(prefix + ":" + strconv.FormatInt(n, 10)))
}

func cursorParam(r *http.Request, prefix string) (int64, error) {
	v := r.URL.Query().Get("cursor")
	if v == "" {
		return 0, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(v)
	p, num, ok := strings.Cut(string(raw), ":")
	if err != nil || !ok || p != prefix {
		return 0, &paramError{Param: "cursor", Reason: "is not a cursor this list gave out"}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < 0 {
		return 0, &paramError{Param: "cursor", Reason: "is not a cursor this list gave out"}
	}
	return n, nil
}
