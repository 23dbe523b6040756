// Command members is the members' load benchmark: many members rate,
// review and log films over HTTP on loopback while readers load film
// pages, then it checks every film's kept histogram against a recount.
// Members pause between writes (-think, uniform 0–2× the mean), as people
// do; readers load pages back to back. It prints one JSON line: request counts, errors and latency percentiles
// for writes and reads.
//
//	go run ./bench/members -db /tmp/members.db -writers 200 -readers 64 -d 60s
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"runtime/pprof"
	"slices"
	"sync"
	"time"

	"marquee/internal/auth"
	"marquee/internal/demo"
	"marquee/internal/store"
	"marquee/internal/web"
)

var csrfRE = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

type result struct {
	Writers, Readers        int
	Think, Duration         string
	Writes, Reads           int
	WriteErrors, ReadErrors int
	WriteP50, WriteP99      string
	ReadP50, ReadP99        string
	HistogramsMatch         bool
	Films                   int
	Ratings                 int
}

func main() {
	dbPath := flag.String("db", "", "SQLite file or postgres:// DSN (a fresh one; required)")
	writers := flag.Int("writers", 200, "concurrent members writing")
	readers := flag.Int("readers", 64, "concurrent readers loading film pages")
	d := flag.Duration("d", 60*time.Second, "how long to run")
	think := flag.Duration("think", time.Second, "mean pause of a member between two writes (uniform 0–2×); 0 writes back to back")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "members:", err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if *dbPath == "" {
		fmt.Fprintln(os.Stderr, "members: -db is required")
		os.Exit(2)
	}
	if err := run(*dbPath, *writers, *readers, *d, *think); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "members:", err)
		os.Exit(1)
	}
}

func run(dsn string, writers, readers int, d, think time.Duration) error {
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := demo.Load(ctx, st); err != nil {
		return err
	}
	films, _, err := st.ListFilms(ctx, store.FilmFilter{Limit: 1000})
	if err != nil {
		return err
	}
	var slugs []string
	for _, f := range films {
		slugs = append(slugs, f.Slug)
	}
	// Cheap password hashing: sign-in cost is not under test.
	params := auth.Params{Memory: 64, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}
	srv, err := web.New(st, slog.New(slog.DiscardHandler), web.Options{Auth: auth.Options{Params: params}})
	if err != nil {
		return err
	}
	defer srv.Close()
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	hash, err := auth.HashPassword("load benchmark password", params)
	if err != nil {
		return err
	}
	clients := make([]*http.Client, writers)
	tokens := make([]string, writers)
	tr := &http.Transport{MaxIdleConnsPerHost: writers + readers}
	for i := range clients {
		name := fmt.Sprintf("loadmember%03d", i)
		if err := st.CreateUser(ctx, &store.User{Username: name, PasswordHash: hash, Role: "member"}); err != nil {
			return err
		}
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar, Transport: tr, Timeout: 10 * time.Second,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		tok, err := token(c, ts.URL+"/signin")
		if err != nil {
			return err
		}
		res, err := c.PostForm(ts.URL+"/signin", url.Values{"username": {name}, "password": {"load benchmark password"}, "csrf_token": {tok}})
		if err != nil {
			return err
		}
		res.Body.Close()
		if tokens[i], err = token(c, ts.URL+"/settings"); err != nil {
			return fmt.Errorf("sign in %s: %w", name, err)
		}
		clients[i] = c
	}
	var (
		mu            sync.Mutex
		wlat, rlat    []time.Duration
		werr, rerr    int
		wg            sync.WaitGroup
		end           = time.Now().Add(d)
		readersClient = &http.Client{Transport: tr, Timeout: 10 * time.Second}
	)
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rnd := rand.New(rand.NewPCG(uint64(i), 13))
			for time.Now().Before(end) {
				if think > 0 {
					time.Sleep(time.Duration(rnd.Int64N(int64(2 * think))))
				}
				slug := slugs[rnd.IntN(len(slugs))]
				form := url.Values{"csrf_token": {tokens[i]}}
				path := "/films/" + slug
				switch k := rnd.IntN(10); {
				case k < 6:
					path += "/rate"
					form.Set("rating", fmt.Sprint(float64(1+rnd.IntN(10))/2))
				case k < 8:
					path += "/diary"
					form.Set("watched_on", time.Now().AddDate(0, 0, -rnd.IntN(900)).Format(time.DateOnly))
					form.Set("rating", fmt.Sprint(float64(1+rnd.IntN(10))/2))
				default:
					path += "/reviews"
					form.Set("body", "A **load** review, number "+fmt.Sprint(rnd.Int()))
				}
				t0 := time.Now()
				res, err := clients[i].PostForm(ts.URL+path, form)
				lat := time.Since(t0)
				ok := err == nil && res.StatusCode == http.StatusSeeOther
				if err == nil {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
				}
				mu.Lock()
				wlat = append(wlat, lat)
				if !ok {
					werr++
				}
				mu.Unlock()
			}
		}()
	}
	for i := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rnd := rand.New(rand.NewPCG(uint64(i), 17))
			for time.Now().Before(end) {
				t0 := time.Now()
				res, err := readersClient.Get(ts.URL + "/films/" + slugs[rnd.IntN(len(slugs))])
				ok := err == nil && res.StatusCode == http.StatusOK
				if err == nil {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
				}
				lat := time.Since(t0)
				mu.Lock()
				rlat = append(rlat, lat)
				if !ok {
					rerr++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	out := result{Writers: writers, Readers: readers, Think: think.String(), Duration: d.String(), Writes: len(wlat), Reads: len(rlat), WriteErrors: werr, ReadErrors: rerr, HistogramsMatch: true, Films: len(films)}
	out.WriteP50, out.WriteP99 = pct(wlat, 50), pct(wlat, 99)
	out.ReadP50, out.ReadP99 = pct(rlat, 50), pct(rlat, 99)
	for _, f := range films {
		kept, err := st.FilmHistogram(ctx, f.ID)
		if err != nil {
			return err
		}
		recount, err := st.RecountHistogram(ctx, f.ID)
		if err != nil {
			return err
		}
		if kept != recount {
			out.HistogramsMatch = false
		}
		out.Ratings += recount.Count()
	}
	return json.NewEncoder(os.Stdout).Encode(out)
}

func token(c *http.Client, page string) (string, error) {
	res, err := c.Get(page)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	m := csrfRE.FindSubmatch(b)
	if m == nil {
		return "", fmt.Errorf("no CSRF token on %s (status %d)", page, res.StatusCode)
	}
	return string(m[1]), nil
}

func pct(l []time.Duration, p int) string {
	if len(l) == 0 {
		return "n/a"
	}
	slices.Sort(l)
	return l[min(len(l)-1, len(l)*p/100)].Round(10 * time.Microsecond).String()
}
