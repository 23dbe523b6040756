// Command profile serves the site like `marquee serve` with a CPU profile
// written on exit, to see where a load test's time goes. Usage:
//
//	go run ./bench/web/profile -db DB -addr 127.0.0.1:18494 -cpuprofile cpu.prof -for 10s
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"runtime/pprof"
	"time"

	"marquee/internal/store"
	"marquee/internal/web"
)

func main() {
	db := flag.String("db", "", "database")
	addr := flag.String("addr", "127.0.0.1:18494", "listen address")
	out := flag.String("cpuprofile", "cpu.prof", "CPU profile file")
	dur := flag.Duration("for", 10*time.Second, "how long to serve")
	flag.Parse()
	ctx := context.Background()
	st, err := store.Open(ctx, *db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer st.Close()
	site, err := web.New(st, slog.New(slog.NewTextHandler(os.Stderr, nil)), web.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer site.Close()
	srv := &http.Server{Addr: *addr, Handler: site.Handler()}
	go srv.ListenAndServe()
	f, _ := os.Create(*out)
	pprof.StartCPUProfile(f)
	time.Sleep(*dur)
	pprof.StopCPUProfile()
	f.Close()
	srv.Close()
}
