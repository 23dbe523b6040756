package dossier

import (
	"strings"
	"sync"
	"testing"
)

// TestScratchPutClears checks that a slice handed back holds nothing of
// the article it served, and that get hands out empty slices with room.
func TestScratchPutClears(t *testing.T) {
	var s scratch[word]
	b := s.get(8)
	if len(b) != 0 || cap(b) < 8 {
		t.Fatalf("get(8): len %d cap %d", len(b), cap(b))
	}
	b = tokenize("Sean Baker directed Simon Rex in Red Rocket", b)
	b = b[:2] // a caller may hand back a shorter slice than it filled
	s.put(b)
	full := b[:cap(b)]
	for i, w := range full {
		if w != (word{}) {
			t.Fatalf("word %d kept after put: %+v", i, w)
		}
	}
	big := make([]word, 0, maxScratch+1)
	s.put(big) // dropped: too large to keep
}

// TestParseConcurrentScratch parses the corpora from several goroutines
// at once and checks each result against a parse made alone: the
// scratch slices are never shared between two calls.
func TestParseConcurrentScratch(t *testing.T) {
	groups := devCorpusByFormat(t, 1)
	var docs [][]byte
	for _, g := range groups {
		docs = append(docs, g...)
	}
	want := make([]string, len(docs))
	for i, src := range docs {
		d, err := Parse("c", src, nil)
		if err != nil {
			t.Fatal(err)
		}
		j, _ := RenderJSON(d)
		want[i] = string(j)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(docs))
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range docs {
				i := (k + g*7) % len(docs)
				d, err := Parse("c", docs[i], nil)
				if err != nil {
					errs <- err.Error()
					continue
				}
				if j, _ := RenderJSON(d); string(j) != want[i] {
					errs <- strings.SplitN(string(docs[i]), "\n", 2)[0]
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("a concurrent parse differs from a lone one: %s", e)
	}
}

// TestExtractorReleaseEmpties checks that a released extractor comes
// back with every map empty and nothing of the article before.
func TestExtractorReleaseEmpties(t *testing.T) {
	d := parseFileWith(t, "testdata/corpus/red-rocket.txt", nil)
	x := newExtractor(d, &Options{KnownPeople: []string{"Simon Rex"}})
	x.add("person", "Simon Rex", "")
	x.pair("Simon Rex", "Mikey")
	x.release()
	y := newExtractor(d, &Options{})
	for name, n := range map[string]int{"known": len(y.known), "roles": len(y.roles), "pairs": len(y.pairs), "surnames": len(y.surnames),
		"siblings": len(y.siblings), "catalog": len(y.catalog), "mention": len(y.mention), "linked": len(y.linked), "notFilms": len(y.notFilms)} {
		if n != 0 {
			t.Errorf("%s holds %d entries after release", name, n)
		}
	}
	if y.titles != nil || y.words != nil || y.lookups != 0 {
		t.Errorf("titles, words or lookups kept after release")
	}
}
