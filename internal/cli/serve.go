package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"time"

	"marquee/internal/config"
	"marquee/internal/demo"
	"marquee/internal/ops"
	"marquee/internal/recommend"
	"marquee/internal/search"
	"marquee/internal/store"
	"marquee/internal/web"
)

// refreshEvery is how often serve applies members' queued rating changes
// to the similar lists.
const refreshEvery = 5 * time.Second

func runServe(ctx context.Context, c *cmdContext) error {
	c.cfg.BindServe(c.flags)
	if err := c.parse(c.raw, true, false); err != nil {
		return err
	}
	if len(c.args) > 0 {
		return usageError("serve takes no arguments, got %q", c.args[0])
	}
	log := newLogger(c.Err, c.cfg.Log, c.IsTTY)
	tuneServeGC()
	st, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	refresher := recommend.NewRefresher(st, recommend.DefaultOptions())
	defer refresher.Close() // before the store closes: another serve process takes the lead
	if !c.cfg.NoDemo {
		loaded, err := demo.LoadIfEmpty(ctx, st)
		if err != nil {
			return err
		}
		if loaded {
			log.Info("loaded the demo catalog into an empty database", "db", c.cfg.DB)
			if _, err := refresher.Rebuild(ctx); err != nil {
				return err
			}
		}
	}
	// Members' rating changes, queued by their writes, reach the similar
	// lists within a few seconds.
	refreshCtx, stopRefresh := context.WithCancel(ctx)
	defer stopRefresh()
	go refresher.Run(refreshCtx, refreshEvery, log)
	ln, err := net.Listen("tcp", c.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (is another server using it? choose one with --addr)", c.cfg.Addr, err)
	}
	defer ln.Close()
	trusted := append([]string{ln.Addr().String(), c.cfg.Addr, "localhost", "127.0.0.1", "[::1]"}, c.cfg.TrustedHosts...)
	site, err := web.New(st, log, web.Options{Dev: c.cfg.Dev, BaseURL: c.cfg.BaseURL, TrustedHosts: trusted, Search: search.New(st)})
	if err != nil {
		return err
	}
	defer site.Close()
	handler, metricsSrv, metricsLn, err := metricsListener(site.Handler(), st, c.cfg)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           site.Guard(handler),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	metricsURL := ""
	if metricsSrv != nil {
		metricsURL = "http://" + metricsLn.Addr().String()
		go metricsSrv.Serve(metricsLn)
		defer metricsSrv.Close()
	}
	log.Info("serving", "addr", "http://"+ln.Addr().String(), "metrics", metricsURL, "db", st.DSN(), "engine", st.Engine())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// metricsListener wraps the site so every request is counted and timed by
// route (the site's own mux records the matched pattern on the request,
// which the middleware reads afterwards), and returns the server for GET
// /metrics on its own listener, cfg.MetricsAddr — never on the public one.
// With no MetricsAddr, or metrics off, the site is returned as it is.
func metricsListener(site http.Handler, st *store.Store, cfg config.Config) (http.Handler, *http.Server, net.Listener, error) {
	if !cfg.Metrics || cfg.MetricsAddr == "" {
		return site, nil, nil, nil
	}
	ln, err := net.Listen("tcp", cfg.MetricsAddr)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("listen for metrics on %s: %w (choose another with --metrics-addr)", cfg.MetricsAddr, err)
	}
	m := ops.New()
	m.WatchDB(st.Engine(), st.DBStats)
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second}
	return m.Middleware(site), srv, ln, nil
}

// serveGCPercent and serveMemoryLimit tune the collector for serving: a
// rendered page allocates about 75 KB that is garbage once it is written,
// and with Go's default GOGC=100 on a heap of a few megabytes the
// collector ran every few dozen pages, a tenth of the CPU of an uncached
// film page. A larger GOGC collects less often. The soft memory limit
// keeps a large live heap (the recommender's model over twenty million
// ratings holds 1–2 GB) from growing to five times its size: past 4 GiB
// the collector runs as often as the default would. GOGC and GOMEMLIMIT in
// the environment override both, as they do for any Go program.
const (
	serveGCPercent   = 400
	serveMemoryLimit = 4 << 30
)

func tuneServeGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
	}
}
