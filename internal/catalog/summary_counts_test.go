package catalog

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// counts is what a summary says of one file.
type counts struct{ Read, Imported, Updated, MatchedNothing, Skipped int64 }

func fileCounts(s *Summary) map[string]counts {
	out := map[string]counts{}
	for _, f := range s.Files {
		out[f.File] = counts{f.Read, f.Imported, f.Updated, f.MatchedNothing, f.Skipped}
	}
	return out
}

// Rows written onto records already there are "updated", not
// "imported"; ratings, crew, akas, episodes and principals of titles the
// catalog does not hold matched nothing and are never "imported"; a
// ratings file alone writes only onto films already there (updated).
func TestIMDbSummaryCounts(t *testing.T) {
	ctx := context.Background()
	st := newStore(t)
	first, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]counts{
		"name.basics.tsv":      {10, 10, 0, 0, 0},
		"title.ratings.tsv":    {6, 5, 0, 1, 0}, // tt0903747 is a series, not imported
		"title.basics.tsv":     {10, 7, 0, 0, 3},
		"title.akas.tsv":       {4, 3, 0, 1, 0},
		"title.episode.tsv":    {1, 0, 0, 1, 0},
		"title.principals.tsv": {12, 11, 0, 1, 0},
		"title.crew.tsv":       {6, 5, 0, 1, 0},
	}
	if diff := cmp.Diff(want, fileCounts(first)); diff != "" {
		t.Errorf("first import (-want +got):\n%s", diff)
	}
	if first.MatchedNothing != 5 || first.Updated != 0 {
		t.Errorf("first import: %d matched nothing, %d updated; want 5, 0", first.MatchedNothing, first.Updated)
	}

	again, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// An identical re-import writes nothing onto them: every row is
	// unchanged (TestIMDbUnchangedCounts has the rest).
	for _, f := range again.Files {
		if f.Imported != 0 || f.Updated != 0 || f.Unchanged != want[f.File].Imported {
			t.Errorf("re-import %s: %+v, want %d unchanged, none imported or updated", f.File, f, want[f.File].Imported)
		}
	}

	// title.ratings alone: titles not in the catalog match nothing.
	dir := t.TempDir()
	ratings := "tconst\taverageRating\tnumVotes\ntt3824458\t7.2\t39000\ntt7777777\t5.0\t10\n"
	if err := os.WriteFile(filepath.Join(dir, "title.ratings.tsv"), []byte(ratings), 0o644); err != nil {
		t.Fatal(err)
	}
	only, err := ImportIMDb(ctx, st, dir, IMDbOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The rating lands on a film the catalog holds: updated.
	if diff := cmp.Diff(map[string]counts{"title.ratings.tsv": {2, 0, 1, 1, 0}}, fileCounts(only)); diff != "" {
		t.Errorf("ratings alone (-want +got):\n%s", diff)
	}
}

// A failed run reports nothing written: no row imported or updated.
func TestFailedIMDbRunCountsNothingWritten(t *testing.T) {
	ctx := context.Background()
	st := newStore(t)
	if _, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{}); err != nil {
		t.Fatal(err)
	}
	sum, err := ImportIMDb(ctx, st, "testdata/imdb/bad", IMDbOptions{Options: Options{MaxErrors: 1}})
	if err == nil {
		t.Fatal("import of bad rows with --max-errors 1 succeeded")
	}
	if sum.Committed || sum.Imported != 0 || sum.Updated != 0 || sum.FilmsCreated != 0 {
		t.Errorf("failed run: committed %v, %d imported, %d updated, %d films created; want nothing", sum.Committed, sum.Imported, sum.Updated, sum.FilmsCreated)
	}
	for _, f := range sum.Files {
		if f.Imported != 0 || f.Updated != 0 {
			t.Errorf("failed run: %s says %d imported, %d updated", f.File, f.Imported, f.Updated)
		}
	}
}

// MovieLens: movies imported again are unchanged, not imported again;
// ratings of movies the files do not hold matched nothing. Letterboxd:
// rows of films the catalog lacks matched nothing.
func TestMovieLensAndLetterboxdSummaryCounts(t *testing.T) {
	ctx := context.Background()
	st := newStore(t)
	first, err := ImportMovieLens(ctx, st, "testdata/movielens", Options{})
	if err != nil {
		t.Fatal(err)
	}
	movies := fileCounts(first)["movies.csv"]
	if movies.Imported == 0 || movies.Updated != 0 {
		t.Fatalf("first movies.csv: %+v, want imported rows and none updated", movies)
	}
	if r := fileCounts(first)["ratings.csv"]; r.MatchedNothing != 1 {
		t.Errorf("ratings.csv: %+v, want 1 matched nothing (its movie is not in movies.csv)", r)
	}
	again, err := ImportMovieLens(ctx, st, "testdata/movielens", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m := countsOf(again)["movies.csv"]; m != (rowCounts{Unchanged: movies.Imported}) {
		t.Errorf("re-import movies.csv: %+v, want %d unchanged, none imported or updated", m, movies.Imported)
	}

	lb, err := ImportLetterboxd(ctx, st, "testdata/letterboxd", "moonee", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var nothing int64
	for _, f := range lb.Files {
		nothing += f.MatchedNothing
		if f.SkippedBy["film not in catalog"] != 0 {
			t.Errorf("%s: films not in the catalog counted as skipped", f.File)
		}
	}
	if nothing == 0 || nothing < int64(len(lb.Unmatched)) {
		t.Errorf("letterboxd: %d rows matched nothing, %d unmatched listed", nothing, len(lb.Unmatched))
	}
}
