package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"marquee/internal/catalog"
	"marquee/internal/ops"
	"marquee/internal/store"
)

// serveImportMetrics serves /metrics on addr while an import runs: input
// rows processed so far by file (marquee_import_rows{source,file}) and
// the database pool. It returns the channel the importer should report on;
// each report is recorded and passed on to display. stop closes display
// and the listener once the importer has closed the returned channel.
func serveImportMetrics(addr, source string, st *store.Store, display chan<- catalog.Progress, log *slog.Logger) (chan catalog.Progress, func(), error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, nil, fmt.Errorf("--metrics-addr: %w", err)
	}
	m := ops.New()
	m.WatchDB(st.Engine(), st.DBStats)
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("import metrics", "err", err)
		}
	}()
	log.Info("serving import metrics", "addr", "http://"+ln.Addr().String()+"/metrics")
	in := make(chan catalog.Progress, 64)
	forwarded := make(chan struct{})
	go func() {
		for p := range in {
			if p.File != "" {
				m.ImportProgress(source, p.File, p.Rows)
			}
			display <- p
		}
		close(display)
		close(forwarded)
	}()
	stop := func() {
		<-forwarded
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}
	return in, stop, nil
}

// importSource names the source of an import command: "import imdb" → "imdb".
func importSource(cmd string) string { return strings.TrimPrefix(cmd, "import ") }
