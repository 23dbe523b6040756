package catalog

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// One set of plausibility rules: each implausible value is a row error
// naming its field, in every importer, instead of being stored or ending
// the import in the database (NaN ratings did: NOT NULL constraint failed).
func TestImplausibleValuesRejected(t *testing.T) {
	huge := strings.Repeat("x", MaxTitleBytes+1)
	ctx := context.Background()
	t.Run("imdb", func(t *testing.T) {
		dir := writeFiles(t, map[string]string{
			"title.basics.tsv": basicsHeader +
				"tt0000001\tmovie\tOK\tOK\t0\t1995\t\\N\t90\tDrama\n" +
				"tt0000002\tmovie\tFuture\tFuture\t0\t2999\t\\N\t90\tDrama\n" +
				"tt0000003\tmovie\tLong\tLong\t0\t1995\t\\N\t99999999\tDrama\n" +
				"tt0000004\tmovie\t" + huge + "\tx\t0\t1995\t\\N\t90\tDrama\n",
			"title.ratings.tsv": "tconst\taverageRating\tnumVotes\ntt0000001\tNaN\t10\n",
			"name.basics.tsv": "nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n" +
				"nm0000001\tBackwards\t1950\t1940\tactor\t\\N\n",
		})
		sum, err := ImportIMDb(ctx, newStore(t), dir, IMDbOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{
			"name.basics.tsv:2:deathYear:death year 1940 before birth year 1950",
			"title.basics.tsv:3:startYear:implausible year 2999",
			"title.basics.tsv:4:runtimeMinutes:implausible running time 99999999 minutes (want 0–60000)",
			"title.basics.tsv:5:primaryTitle:title of 1001 characters, longer than 1000 bytes",
			"title.ratings.tsv:2:averageRating:rating NaN out of range 0–10",
		}
		if diff := cmp.Diff(want, rowErrs(sum)); diff != "" {
			t.Errorf("row errors (-want +got):\n%s", diff)
		}
	})
	t.Run("movielens", func(t *testing.T) {
		dir := writeFiles(t, map[string]string{
			"movies.csv":  "movieId,title,genres\n1,Heat (1995),Crime\n2,Later (2999),Drama\n",
			"ratings.csv": "userId,movieId,rating,timestamp\n1,1,NaN,964982703\n1,1,4.0,32503680000\n1,1,4.0,964982703\n",
		})
		st := newStore(t)
		sum, err := ImportMovieLens(ctx, st, dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{
			"movies.csv:3:title:implausible year 2999",
			`ratings.csv:2:rating:bad rating (0.5–5): "NaN"`,
			"ratings.csv:3:timestamp:implausible timestamp 32503680000 (3000-01-01)",
		}
		if diff := cmp.Diff(want, rowErrs(sum)); diff != "" {
			t.Errorf("row errors (-want +got):\n%s", diff)
		}
		if n := count(t, st, "user_ratings"); n != 1 {
			t.Errorf("ratings = %d, want 1", n)
		}
	})
	t.Run("letterboxd", func(t *testing.T) {
		dir := writeFiles(t, map[string]string{"ratings.csv": "Date,Name,Year,Letterboxd URI,Rating\n" +
			"2024-01-01,Heat,2999,https://boxd.it/a,4\n2024-01-01,Heat,1995,https://boxd.it/a,NaN\n2024-01-01," + huge + ",1995,https://boxd.it/b,4\n"})
		sum, err := ImportLetterboxd(ctx, newStore(t), dir, "ana", Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{
			`ratings.csv:2:Year:bad year: "2999"`,
			`ratings.csv:3:Rating:bad rating (0.5–5 in halves): "NaN"`,
			"ratings.csv:4:Name:title of 1001 characters, longer than 1000 bytes",
		}
		if diff := cmp.Diff(want, rowErrs(sum)); diff != "" {
			t.Errorf("row errors (-want +got):\n%s", diff)
		}
	})
}

// rowErrs lists a summary's row errors as file:line:field:reason, sorted
// by file, the reason cut at "(want" where the bound depends on today.
func rowErrs(sum *Summary) []string {
	var out []string
	for _, e := range sum.RowErrors {
		r := e.Reason
		if strings.HasPrefix(r, "implausible year") {
			r, _, _ = strings.Cut(r, " (want")
		}
		out = append(out, e.File+":"+strconv.Itoa(e.Line)+":"+e.Field+":"+r)
	}
	sortStrings(out)
	return out
}

func sortStrings(s []string) { sort.Strings(s) }
