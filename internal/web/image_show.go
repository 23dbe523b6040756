package web

import (
	"net/http"
	"strconv"
	"strings"

	"marquee/internal/film"
)

// imageShow serves one rendition of a stored picture:
// /images/{hash}/{width}.jpg. The URL names the bytes for good (the hash
// is of the original, the width one of its renditions), so the answer is
// cacheable forever and its ETag never changes.
func (s *Server) imageShow(w http.ResponseWriter, r *http.Request) error {
	hash, file := r.PathValue("hash"), r.PathValue("file")
	ws, ok := strings.CutSuffix(file, ".jpg")
	width, err := strconv.Atoi(ws)
	if !ok || err != nil || width <= 0 || width > 10000 || ws != strconv.Itoa(width) || !isHash(hash) {
		return &film.NotFoundError{Entity: "image", Key: hash + "/" + file}
	}
	etag := `"` + hash[:32] + "-" + ws + `"`
	h := w.Header()
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("ETag", etag)
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, t := range strings.Split(inm, ",") {
			if t = strings.TrimPrefix(strings.TrimSpace(t), "W/"); t == etag || t == "*" {
				w.WriteHeader(http.StatusNotModified)
				return nil
			}
		}
	}
	data, err := s.store.Rendition(r.Context(), hash, width)
	if err != nil {
		h.Del("Cache-Control")
		h.Del("ETag")
		return err
	}
	h.Set("Content-Type", "image/jpeg")
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
	return nil
}

// isHash reports whether s is a lower-case hex SHA-256.
func isHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
