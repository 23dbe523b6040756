// Package httpx holds the HTTP plumbing the HTML site and the JSON API
// share: answering with a fully rendered body (ETag, Last-Modified, 304,
// gzip) and refusing hostile request paths before any handler runs.
package httpx

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strings"
	"sync"
	"time"
)

// minGzip is the smallest body worth compressing.
const minGzip = 1024

var gzipPool = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return w
}}

// Write answers r with body, already rendered in full. It sets a strong
// ETag derived from the bytes and, when modified is not zero,
// Last-Modified; it answers 304 Not Modified when the client's
// If-None-Match (or, without it, If-Modified-Since) shows its copy is
// current, and compresses with gzip when the client accepts it. Only 200
// responses are made conditional.
func Write(w http.ResponseWriter, r *http.Request, status int, contentType string, body []byte, modified time.Time) {
	etag := ""
	if status == http.StatusOK {
		etag = ETag(body)
	}
	WriteTagged(w, r, status, contentType, body, modified, etag)
}

// ETag returns a strong entity tag for body: a hash of the bytes.
func ETag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`
}

// WriteTagged is Write with the ETag of body already computed (by ETag),
// for callers that keep it alongside the bytes.
func WriteTagged(w http.ResponseWriter, r *http.Request, status int, contentType string, body []byte, modified time.Time, etag string) {
	WriteCompressed(w, r, status, contentType, body, nil, modified, etag)
}

// Gzip compresses body, for callers that keep the result to answer many
// requests with (see WriteCompressed).
func Gzip(body []byte) []byte {
	var buf bytes.Buffer
	gz := gzipPool.Get().(*gzip.Writer)
	gz.Reset(&buf)
	gz.Write(body)
	gz.Close()
	gzipPool.Put(gz)
	return buf.Bytes()
}

// WriteCompressed is WriteTagged with body's gzip encoding, when gz is
// not nil, already made by Gzip; a client that accepts gzip gets those
// bytes instead of a fresh compression.
func WriteCompressed(w http.ResponseWriter, r *http.Request, status int, contentType string, body, gz []byte, modified time.Time, etag string) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "no-cache") // revalidate every time: cheap with the ETag
	}
	h.Add("Vary", "Accept-Encoding")
	if status == http.StatusOK && etag != "" {
		h.Set("ETag", etag)
		if !modified.IsZero() {
			h.Set("Last-Modified", modified.UTC().Format(http.TimeFormat))
		}
		if notModified(r, etag, modified) {
			h.Del("Content-Type")
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	if r.Method == http.MethodHead {
		w.WriteHeader(status)
		return
	}
	if len(body) >= minGzip && acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		if gz != nil {
			h.Set("Content-Length", itoa(len(gz)))
			w.WriteHeader(status)
			w.Write(gz)
			return
		}
		w.WriteHeader(status)
		gz := gzipPool.Get().(*gzip.Writer)
		gz.Reset(w)
		gz.Write(body)
		gz.Close()
		gzipPool.Put(gz)
		return
	}
	h.Set("Content-Length", itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}

func notModified(r *http.Request, etag string, modified time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, t := range strings.Split(inm, ",") {
			t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
			if t == etag || t == "*" {
				return true
			}
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" && !modified.IsZero() {
		t, err := http.ParseTime(ims)
		return err == nil && !modified.Truncate(time.Second).After(t)
	}
	return false
}

// acceptsGzip reports whether the request's Accept-Encoding allows gzip
// (and does not give it q=0).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") {
			q := strings.ReplaceAll(params, " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}
