package api

import (
	"encoding/base64"
	"marquee/internal/httpx"
	"net/http"
	"strconv"
	"strings"
)

// The query-parameter readers are shared with the HTML pages.
var (
	intParam    = httpx.IntParam
	decadeParam = httpx.DecadeParam
	textParam   = httpx.TextParam
)

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
