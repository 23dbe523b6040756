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
// a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	tp, err := s.tmpl.lookup(name)
	var buf bytes.Buffer
	if err == nil {
		err = tp.Execute(&buf, data)
	}
	if err != nil {
		s.log.Error("render failed", "template", name, "err", err)
		if name != "error" {
			s.serveError(w, r, err)
			return
		}
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func staticHandler() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	return http.FileServerFS(sub)
}

var funcs = template.FuncMap{
	"join": strings.Join,
}
