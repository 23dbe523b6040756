package catalog

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// testdata/nfo/scraped holds a real scraper-written NFO and two of the
// broken shapes found in public repositories (see the README there).
func TestNFOScrapedLibrary(t *testing.T) {
	st := newStore(t)
	sum, err := ImportNFO(context.Background(), st, "testdata/nfo/scraped", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.NFOs != 3 || sum.Created != 1 || sum.Errors != 2 {
		t.Errorf("NFOs %d, created %d, errors %d; want 3, 1, 2", sum.NFOs, sum.Created, sum.Errors)
	}
	var errs []string
	for _, e := range sum.RowErrors {
		errs = append(errs, e.Error())
	}
	want := []string{
		`Stage Show/movie.nfo: line 3: not well-formed XML: element <tile> closed by </title>`,
		`Template/movie.nfo: line 1: field title: no <title>, and the folder name is not "Title (Year)"`,
	}
	if diff := cmp.Diff(want, errs); diff != "" {
		t.Errorf("broken NFOs (-want +got):\n%s", diff)
	}
	got := strs(t, st, `SELECT title || '|' || original_title || '|' || year || '|' || release_date || '|' || runtime_min || '|' ||
		imdb_id || '|' || tmdb_id || '|' || certification || '|' || rating_avg || '|' || rating_votes || '|' || countries FROM films`)
	want = []string{"Zack Snyder's Justice League||2021|2021-03-18|242|tt12361974|791373||8.3|197786|USA"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("film (-want +got):\n%s", diff)
	}
	got = strs(t, st, `SELECT p.name || ' ' || c.role || ' ' || c.billing || ' ' || c.character_name FROM credits c JOIN people p ON p.id = c.person_id ORDER BY c.role, c.billing`)
	want = []string{
		"Ben Affleck cast 1 Bruce Wayne / Batman",
		"Henry Cavill cast 2 Clark Kent / Superman / Kal-El",
		"Zack Snyder director 0 ",
		"Chris Terrio writer 0 ",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("credits (-want +got):\n%s", diff)
	}
	if len(sum.NoPoster) != 1 || !strings.HasPrefix(sum.NoPoster[0], "Zack Snyder's Justice League (2021)/") {
		t.Errorf("no poster = %v", sum.NoPoster)
	}
}
