package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"marquee/internal/httpx"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// templates holds one parsed template set per page, each with the layout.
type templates struct {
	dev   bool
	mu    sync.Mutex
	pages map[string]*template.Template
}

func loadTemplates(dev bool) (*templates, error) {
	t := &templates{dev: dev}
	return t, t.parse()
}

func (t *templates) source() fs.FS {
	if t.dev {
		return os.DirFS("internal/web")
	}
	return templateFS
}

func (t *templates) parse() error {
	src := t.source()
	names, err := fs.Glob(src, "templates/*.html")
	if err != nil {
		return err
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" || strings.HasPrefix(base, "_") {
			continue
		}
		tp, err := template.New("layout.html").Funcs(funcs).ParseFS(src, "templates/layout.html", "templates/_*.html", n)
		if err != nil {
			return fmt.Errorf("parse template %s: %w", n, err)
		}
		pages[base] = tp
	}
	t.mu.Lock()
	t.pages = pages
	t.mu.Unlock()
	return nil
}

func (t *templates) lookup(name string) (*template.Template, error) {
	if t.dev {
		if err := t.parse(); err != nil {
			return nil, err
		}
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	tp, ok := t.pages[name]
	if !ok {
		return nil, fmt.Errorf("no template %q", name)
	}
	return tp, nil
}

// render executes a page into a buffer first, so a template error becomes
// a clean 500 instead of half a page, then writes it with an ETag.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data page) {
	tp, err := s.tmpl.lookup(name)
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err == nil {
		err = tp.Execute(buf, data)
	}
	if err != nil {
		s.log.Error("render failed", "template", name, "err", err)
		if name != "error" {
			s.renderError(w, r, http.StatusInternalServerError, "")
			return
		}
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	b := data.base()
	if b.User != nil || b.Private {
		// Per-visitor: a token or a name in it. Never stored by anyone.
		w.Header().Set("Cache-Control", "private, no-store")
		httpx.Write(w, r, status, "text/html; charset=utf-8", buf.Bytes(), time.Time{})
		return
	}
	if status != http.StatusOK {
		if b.NoIndex {
			w.Header().Set("X-Robots-Tag", "noindex")
		}
		httpx.Write(w, r, status, "text/html; charset=utf-8", buf.Bytes(), b.Modified)
		return
	}
	p := &cachedPage{body: bytes.Clone(buf.Bytes()), modified: b.Modified, noIndex: b.NoIndex}
	p.etag = httpx.ETag(p.body)
	if s.cache != nil {
		markFilmPage(p, data)
		s.cache.keep(r, p)
	}
	s.writePage(w, r, p)
}

// writePage answers with a rendered page.
func (s *Server) writePage(w http.ResponseWriter, r *http.Request, p *cachedPage) {
	if p.noIndex {
		w.Header().Set("X-Robots-Tag", "noindex")
	}
	var gz []byte
	if s.cache != nil && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		gz = p.gzipped() // kept with the cached page: compress once, serve many
	}
	httpx.WriteCompressed(w, r, http.StatusOK, "text/html; charset=utf-8", p.body, gz, p.modified, p.etag)
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func staticHandler() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	files := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}
