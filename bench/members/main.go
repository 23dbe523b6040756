// Command members is the members' load benchmark: many members rate,
// review and log films over HTTP on loopback while readers load film
// pages, then it checks that no rating was lost or counted twice: every
// film's kept histogram equals a recount of the ratings table, and both
// equal what the members' own successful writes say they should be.
//
// Members pause between writes (-think, uniform 0–2× the mean), as people
// do; readers load pages back to back. It prints one JSON line: request
// counts, errors and latency percentiles for writes and reads.
//
// By default it serves the site in process on the database -db (loading
// the demo catalog when the database has no films). With -servers it
// drives running `marquee serve` processes instead (e.g. two on one
// PostgreSQL database) and opens -db only to create the members and to
// check the counts.
//
//	go run ./bench/members -db big.db -writers 200 -readers 64 -d 60s
//	go run ./bench/members -db postgres://… -servers http://127.0.0.1:18181,http://127.0.0.1:18182
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
	"strings"
	"sync"
	"time"

	"marquee/internal/auth"
	"marquee/internal/demo"
	"marquee/internal/member"
	"marquee/internal/store"
	"marquee/internal/web"
)

var csrfRE = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

type config struct {
	dsn              string
	servers          []string
	writers, readers int
	films            int
	d, warmup, think time.Duration
	prefix           string
	cpuprofile       string
	warm             bool
}

type result struct {
	Engine                  string
	Servers                 int
	Writers, Readers        int
	Think, Duration         string
	CatalogFilms            int
	Films                   int // films written to and read
	Writes, Reads           int
	WriteErrors, ReadErrors int
	WriteP50, WriteP99      string
	ReadP50, ReadP99        string
	WriteMax, ReadMax       string
	HistogramsMatch         bool // kept histogram = recount, for every film
	RatingsMatch            bool // recount = what the members' successful writes left
	PagesMatch              bool // every server's page (cached or not) shows the recount's count
	PageMismatches          int  `json:",omitempty"` // pages that did not (the first ten are in Errors)
	Ratings                 int
	recounts                []int // by film index, for checkPages
	readers                 int
	// In process only: where writes waited. Pool waits are the time
	// requests spent waiting for a connection of the read pool, of the
	// sessions' pool and of the writer, summed over the load; a group
	// commit carries several writes.
	ReadPoolWaits, WritePoolWaits   int64  `json:",omitempty"`
	ReadPoolWaited, WritePoolWaited string `json:",omitempty"`
	CallerPoolWaits                 int64  `json:",omitempty"` // sessions' own pool
	CallerPoolWaited                string `json:",omitempty"`
	GroupCommits, GroupedWrites     int64  `json:",omitempty"`
	GroupWaited                     string `json:",omitempty"` // mean per grouped write, queued to answered
	// PostgreSQL only: the database's committed and rolled-back
	// transactions during the load (warm-up included), all processes.
	PGCommits, PGRollbacks int64    `json:",omitempty"`
	Errors                 []string `json:",omitempty"`
}

func main() {
	var c config
	var servers string
	flag.StringVar(&c.dsn, "db", "", "SQLite file or postgres:// DSN (required); its catalog is used as it is, the demo catalog is loaded when it has no films")
	flag.StringVar(&servers, "servers", "", "comma-separated base URLs of running `marquee serve` processes on -db (default: serve in process)")
	flag.IntVar(&c.writers, "writers", 200, "concurrent members writing")
	flag.IntVar(&c.readers, "readers", 64, "concurrent readers loading film pages")
	flag.IntVar(&c.films, "films", 5000, "how many films (drawn at random from the catalog) members write to and readers load")
	flag.DurationVar(&c.d, "d", 60*time.Second, "how long to measure")
	flag.DurationVar(&c.warmup, "warmup", 5*time.Second, "unmeasured load before measuring (writes still count in the check)")
	flag.DurationVar(&c.think, "think", time.Second, "mean pause of a member between two writes (uniform 0–2×); 0 writes back to back")
	flag.BoolVar(&c.warm, "warm", true, "load every film page once before the clock starts, as a live site's cache would hold them (-warm=false: start cold)")
	flag.StringVar(&c.prefix, "prefix", "", "member name prefix (default: one made from the time, so runs on one database do not collide)")
	flag.StringVar(&c.cpuprofile, "cpuprofile", "", "write a CPU profile of the load (not the set-up or the check) to this file")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "Usage: members [flags]\n\nMembers' write load with concurrent film-page readers; prints one JSON line.\n\nFlags:\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if c.dsn == "" {
		fmt.Fprintln(os.Stderr, "members: -db is required")
		os.Exit(2)
	}
	if servers != "" {
		c.servers = strings.Split(servers, ",")
	}
	if c.prefix == "" {
		c.prefix = fmt.Sprintf("lm%x", time.Now().Unix()%0xfffff)
	}
	out, err := run(context.Background(), c)
	if err != nil {
		fmt.Fprintln(os.Stderr, "members:", err)
		os.Exit(1)
	}
	json.NewEncoder(os.Stdout).Encode(out)
	if out.WriteErrors+out.ReadErrors > 0 || !out.HistogramsMatch || !out.RatingsMatch || !out.PagesMatch {
		os.Exit(1)
	}
}

// film is one film under load.
type film struct {
	id   int64
	slug string
}

func run(ctx context.Context, c config) (*result, error) {
	st, err := store.Open(ctx, c.dsn)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	total, err := st.CountFilms(ctx, store.FilmFilter{}.Filter)
	if err != nil {
		return nil, err
	}
	if total == 0 {
		if len(c.servers) > 0 {
			return nil, fmt.Errorf("%s has no films: import a catalog first", c.dsn)
		}
		if err := demo.Load(ctx, st); err != nil {
			return nil, err
		}
		if total, err = st.CountFilms(ctx, store.FilmFilter{}.Filter); err != nil {
			return nil, err
		}
	}
	films, err := sample(ctx, st, total, c.films)
	if err != nil {
		return nil, err
	}
	// Cheap password hashing: sign-in cost is not under test. The hash
	// carries its parameters, so serve processes verify it cheaply too.
	params := auth.Params{Memory: 64, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}
	bases := c.servers
	if len(bases) == 0 {
		srv, err := web.New(st, slog.New(slog.DiscardHandler), web.Options{Auth: auth.Options{Params: params}})
		if err != nil {
			return nil, err
		}
		defer srv.Close()
		ts := httptest.NewServer(srv.Handler())
		defer ts.Close()
		bases = []string{ts.URL}
	}
	tr := &http.Transport{MaxIdleConnsPerHost: c.writers + c.readers}
	ms, err := signIn(ctx, st, c, bases, tr, params)
	if err != nil {
		return nil, err
	}
	out := &result{Engine: engine(c.dsn), Servers: len(bases), Writers: c.writers, Readers: c.readers,
		Think: c.think.String(), Duration: c.d.String(), CatalogFilms: total, Films: len(films)}
	before := make([]member.Histogram, len(films))
	for i, f := range films {
		if before[i], err = st.RecountHistogram(ctx, f.id); err != nil {
			return nil, err
		}
	}
	out.readers = max(c.readers, 1)
	if c.warm {
		progress("warming %d film pages on %d server(s)", len(films), len(bases))
		if err := warm(bases, tr, films, max(c.readers, 1)); err != nil {
			return nil, err
		}
	}
	if c.cpuprofile != "" {
		f, err := os.Create(c.cpuprofile)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return nil, err
		}
	}
	stats0 := st.DBStats()
	g0 := st.GroupCommits()
	pg0 := pgCounters(ctx, st)
	progress("load: %d writers, %d readers, %s warm-up then %s measured", c.writers, c.readers, c.warmup, c.d)
	load(c, bases, tr, films, ms, out)
	pprof.StopCPUProfile()
	progress("load done; checking %d films", len(films))
	out.addServerCounters(pg0, pgCounters(ctx, st))
	if len(c.servers) == 0 {
		stats := st.DBStats()
		g := st.GroupCommits()
		out.GroupCommits, out.GroupedWrites = g.Transactions-g0.Transactions, g.Writes-g0.Writes
		if out.GroupedWrites > 0 {
			out.GroupWaited = ((g.Waited - g0.Waited) / time.Duration(out.GroupedWrites)).Round(10 * time.Microsecond).String()
		}
		out.ReadPoolWaits = stats["read"].WaitCount - stats0["read"].WaitCount
		out.ReadPoolWaited = (stats["read"].WaitDuration - stats0["read"].WaitDuration).Round(time.Millisecond).String()
		if cl, ok := stats["callers"]; ok {
			out.CallerPoolWaits = cl.WaitCount - stats0["callers"].WaitCount
			out.CallerPoolWaited = (cl.WaitDuration - stats0["callers"].WaitDuration).Round(time.Millisecond).String()
		}
		if wr, ok := stats["write"]; ok {
			out.WritePoolWaits = wr.WaitCount - stats0["write"].WaitCount
			out.WritePoolWaited = (wr.WaitDuration - stats0["write"].WaitDuration).Round(time.Millisecond).String()
		}
	}
	if err := check(ctx, st, films, before, ms, out); err != nil {
		return out, err
	}
	return out, checkPages(bases, tr, films, out)
}

func engine(dsn string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return "postgres"
	}
	return "sqlite"
}

// sample draws n films at random from the catalog's total (film ids are
// dense: the catalog's ids run from 1 to about its size).
func sample(ctx context.Context, st *store.Store, total, n int) ([]film, error) {
	rnd := rand.New(rand.NewPCG(13, 13))
	seen := map[int64]bool{}
	var out []film
	for tries := 0; len(out) < min(n, total) && tries < 4*n; tries++ {
		page, err := st.FilmsAfter(ctx, store.FilmFilter{}, int64(rnd.IntN(total)), 1)
		if err != nil {
			return nil, err
		}
		for _, f := range page {
			if !seen[f.ID] {
				seen[f.ID] = true
				out = append(out, film{f.ID, f.Slug})
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no films to load")
	}
	return out, nil
}

// warm loads every film page once, n at a time, spread over the servers.
func warm(bases []string, tr http.RoundTripper, films []film, n int) error {
	return visitPages(bases, tr, films, n, func(int, string, []byte) error { return nil })
}

// visitPages loads every film's page from every server, n at a time, as an
// anonymous visitor, and hands each body to see; it stops at the first error.
func visitPages(bases []string, tr http.RoundTripper, films []film, n int, see func(fi int, base string, body []byte) error) error {
	cl := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	next := make(chan int)
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				for _, b := range bases {
					res, err := cl.Get(b + "/films/" + films[i].slug)
					if err != nil {
						errs <- err
						return
					}
					body, err := io.ReadAll(res.Body)
					res.Body.Close()
					if err == nil && res.StatusCode != http.StatusOK {
						err = fmt.Errorf("GET /films/%s: %s", films[i].slug, res.Status)
					}
					if err == nil {
						err = see(i, b, body)
					}
					if err != nil {
						errs <- err
						return
					}
				}
			}
		}()
	}
	for i := range films {
		select {
		case next <- i:
		case err := <-errs:
			close(next)
			wg.Wait()
			return err
		}
	}
	close(next)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

// writer is one member: its client, CSRF token, and what its successful
// writes say its ratings now are (by film index; uncertain marks a film
// whose last write failed, so its outcome is unknown).
type writer struct {
	client    *http.Client
	base      string
	token     string
	id        int64
	ratings   map[int]member.Rating
	uncertain map[int]bool
}

func signIn(ctx context.Context, st *store.Store, c config, bases []string, tr http.RoundTripper, params auth.Params) ([]*writer, error) {
	hash, err := auth.HashPassword("load benchmark password", params)
	if err != nil {
		return nil, err
	}
	ms := make([]*writer, c.writers)
	for i := range ms {
		name := fmt.Sprintf("%s%03d", c.prefix, i)
		u := &store.User{Username: name, PasswordHash: hash, Role: "member"}
		if err := st.CreateUser(ctx, u); err != nil {
			return nil, err
		}
		jar, _ := cookiejar.New(nil)
		cl := &http.Client{Jar: jar, Transport: tr, Timeout: 10 * time.Second,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		base := bases[i%len(bases)]
		tok, err := token(cl, base+"/signin")
		if err != nil {
			return nil, err
		}
		res, err := cl.PostForm(base+"/signin", url.Values{"username": {name}, "password": {"load benchmark password"}, "csrf_token": {tok}})
		if err != nil {
			return nil, err
		}
		res.Body.Close()
		w := &writer{client: cl, base: base, id: u.ID, ratings: map[int]member.Rating{}, uncertain: map[int]bool{}}
		if w.token, err = token(cl, base+"/settings"); err != nil {
			return nil, fmt.Errorf("sign in %s: %w", name, err)
		}
		ms[i] = w
	}
	return ms, nil
}

// load runs the writers and readers, recording latencies after the warm-up.
func load(c config, bases []string, tr http.RoundTripper, films []film, ms []*writer, out *result) {
	var (
		mu         sync.Mutex
		wlat, rlat []time.Duration
		wg         sync.WaitGroup
		from       = time.Now().Add(c.warmup)
		end        = from.Add(c.d)
		readers    = &http.Client{Transport: tr, Timeout: 10 * time.Second}
	)
	note := func(err string) {
		if len(out.Errors) < 10 {
			out.Errors = append(out.Errors, err)
		}
	}
	for i, m := range ms {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rnd := rand.New(rand.NewPCG(uint64(i), 13))
			for time.Now().Before(end) {
				if c.think > 0 {
					time.Sleep(time.Duration(rnd.Int64N(int64(2 * c.think))))
				}
				fi := rnd.IntN(len(films))
				form := url.Values{"csrf_token": {m.token}}
				path := "/films/" + films[fi].slug
				var rating member.Rating
				switch k := rnd.IntN(10); {
				case k < 6:
					path += "/rate"
					rating = member.Rating(1 + rnd.IntN(10))
					form.Set("rating", rating.String())
				case k < 8:
					path += "/diary"
					form.Set("watched_on", time.Now().AddDate(0, 0, -rnd.IntN(900)).Format(time.DateOnly))
					rating = member.Rating(1 + rnd.IntN(10))
					form.Set("rating", rating.String())
				default:
					path += "/reviews"
					form.Set("body", "A **load** review, number "+fmt.Sprint(rnd.Int()))
				}
				t0 := time.Now()
				res, err := m.client.PostForm(m.base+path, form)
				lat := time.Since(t0)
				ok := err == nil && res.StatusCode == http.StatusSeeOther
				if err == nil {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
				}
				if rating != 0 {
					if ok {
						m.ratings[fi], m.uncertain[fi] = rating, false
					} else {
						m.uncertain[fi] = true
					}
				}
				mu.Lock()
				if t0.After(from) {
					wlat = append(wlat, lat)
				}
				if !ok {
					out.WriteErrors++
					note(fmt.Sprintf("POST %s: %v", path, status(res, err)))
				}
				mu.Unlock()
			}
		}()
	}
	for i := range c.readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rnd := rand.New(rand.NewPCG(uint64(i), 17))
			for n := i; time.Now().Before(end); n++ {
				path := "/films/" + films[rnd.IntN(len(films))].slug
				t0 := time.Now()
				res, err := readers.Get(bases[n%len(bases)] + path)
				ok := err == nil && res.StatusCode == http.StatusOK
				if err == nil {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
				}
				lat := time.Since(t0)
				mu.Lock()
				if t0.After(from) {
					rlat = append(rlat, lat)
				}
				if !ok {
					out.ReadErrors++
					note(fmt.Sprintf("GET %s: %v", path, status(res, err)))
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	out.Writes, out.Reads = len(wlat), len(rlat)
	out.WriteP50, out.WriteP99, out.WriteMax = pct(wlat, 50), pct(wlat, 99), pct(wlat, 100)
	out.ReadP50, out.ReadP99, out.ReadMax = pct(rlat, 50), pct(rlat, 99), pct(rlat, 100)
}

func status(res *http.Response, err error) any {
	if err != nil {
		return err
	}
	return res.Status
}

// check compares, for every film under load, the kept histogram with a
// recount, and the recount with the members' own record of their
// successful writes on top of the recount before the run (films whose outcome is uncertain are left out of the
// second comparison and named in Errors).
func check(ctx context.Context, st *store.Store, films []film, before []member.Histogram, ms []*writer, out *result) error {
	want := make([][11]int, len(films))
	skip := map[int]bool{}
	for _, m := range ms {
		for fi, r := range m.ratings {
			if !m.uncertain[fi] {
				want[fi][r]++
			}
		}
		for fi, u := range m.uncertain {
			if u {
				skip[fi] = true
			}
		}
	}
	out.HistogramsMatch, out.RatingsMatch = true, true
	for fi, f := range films {
		kept, err := st.FilmHistogram(ctx, f.id)
		if err != nil {
			return err
		}
		recount, err := st.RecountHistogram(ctx, f.id)
		if err != nil {
			return err
		}
		if kept != recount {
			out.HistogramsMatch = false
			out.Errors = append(out.Errors, fmt.Sprintf("%s: kept histogram %v, recount %v", f.slug, kept, recount))
		}
		out.Ratings += recount.Count()
		out.recounts = append(out.recounts, recount.Count())
		if skip[fi] {
			continue
		}
		var got [11]int
		for r := 1; r <= 10; r++ {
			got[r] = recount.Counts[r-1] - before[fi].Counts[r-1]
		}
		if got != want[fi] {
			out.RatingsMatch = false
			out.Errors = append(out.Errors, fmt.Sprintf("%s: new ratings by recount %v, by the members' writes %v", f.slug, got[1:], want[fi][1:]))
		}
	}
	return nil
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
