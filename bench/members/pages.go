package main

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"sync"
)

// memberCount reads the members' rating count a film page shows.
var memberCount = regexp.MustCompile(`mean of (\d+) member rating|(No member ratings yet)`)

// checkPages loads every film's page from every server once the load is
// over, as an anonymous visitor gets it (from the page cache where it
// holds one), and checks that it shows the count a recount gives: every
// write has returned by now, so a page that shows less is one a cache
// served stale, whichever process took the write.
func checkPages(bases []string, tr http.RoundTripper, films []film, out *result) error {
	out.PagesMatch = true
	var mu sync.Mutex
	return visitPages(bases, tr, films, out.readers, func(fi int, base string, body []byte) error {
		m := memberCount.FindSubmatch(body)
		shown := -1
		switch {
		case m == nil:
		case m[2] != nil:
			shown = 0
		default:
			shown, _ = strconv.Atoi(string(m[1]))
		}
		if shown != out.recounts[fi] {
			mu.Lock()
			out.PagesMatch = false
			if out.PageMismatches++; out.PageMismatches <= 10 {
				out.Errors = append(out.Errors, fmt.Sprintf("%s%s: page shows %d member ratings (-1: none found), recount %d", base, "/films/"+films[fi].slug, shown, out.recounts[fi]))
			}
			mu.Unlock()
		}
		return nil
	})
}
