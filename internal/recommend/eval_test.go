package recommend

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"marquee/internal/recommend/mlgen"
	"marquee/internal/store"
)

// TestEvaluateBlendBeatsBaselines runs the whole protocol on a generated
// MovieLens-shaped set (smaller than 100K so the test stays quick) read
// back through the 100K reader.
func TestEvaluateBlendBeatsBaselines(t *testing.T) {
	cfg := mlgen.Config{Users: 400, Items: 600, Ratings: 30000, Topics: 8, MinPerUser: 20, Focus: 0.75, Seed: 3}
	dir := t.TempDir()
	if err := mlgen.Generate(cfg).WriteML100K(dir); err != nil {
		t.Fatal(err)
	}
	ds, err := ReadMovieLens(dir)
	if err != nil {
		t.Fatal(err)
	}
	if ds.Users != cfg.Users || len(ds.Ratings) != cfg.Ratings {
		t.Fatalf("read %d users, %d ratings; want %d, %d", ds.Users, len(ds.Ratings), cfg.Users, cfg.Ratings)
	}
	rep, err := Evaluate(context.Background(), ds, EvalOptions{Split: 0.8, Seed: 1, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]ModelScore{}
	for _, m := range rep.Models {
		got[m.Name] = m
		t.Logf("%-36s recall %.4f ndcg %.4f %s", m.Name, m.Recall, m.NDCG, m.Params)
	}
	for _, name := range []string{"most popular", "item-kNN", "content only", "stored lists (content + item-kNN)", "EASE^R", "blend"} {
		if _, ok := got[name]; !ok {
			t.Fatalf("no result for %s", name)
		}
	}
	b := got["blend"]
	for _, base := range []string{"most popular", "item-kNN"} {
		if b.Recall <= got[base].Recall || b.NDCG <= got[base].NDCG {
			t.Errorf("blend (recall %.4f, ndcg %.4f) does not beat %s (%.4f, %.4f)", b.Recall, b.NDCG, base, got[base].Recall, got[base].NDCG)
		}
	}
	if rep.TestRatings+rep.TrainRatings != cfg.Ratings {
		t.Errorf("train %d + test %d != %d ratings", rep.TrainRatings, rep.TestRatings, cfg.Ratings)
	}
}

// TestPlantedGroupsRecovered plants taste groups with disjoint films;
// the blended recommender's top 10 for each user must come from their
// own group's films (precision ≥ 0.9).
func TestPlantedGroupsRecovered(t *testing.T) {
	const groups, perGroup, itemsPerGroup, perUser = 6, 40, 40, 16
	rng := rand.New(rand.NewPCG(5, 5))
	var ts []Triple
	group := make([]int, groups*perGroup)
	for u := range group {
		g := u % groups
		group[u] = g
		for _, k := range rng.Perm(itemsPerGroup)[:perUser] {
			ts = append(ts, Triple{int32(u), int32(g*itemsPerGroup + k), float32(1 + rng.IntN(5))})
		}
	}
	ds := &Dataset{Users: len(group), Items: groups * itemsPerGroup, Ratings: ts, Films: make([]store.FilmFeatures, groups*itemsPerGroup)}
	for i := range ds.Films {
		ds.Films[i].ID = int64(i + 1)
		ds.Films[i].Genres = []string{[]string{"Drama", "Comedy", "Horror"}[i%3]} // unrelated to the groups
	}
	ctx := context.Background()
	opt := EvalOptions{Split: 0.8, Seed: 1, TopN: 10, Workers: 2}
	full := NewMatrix(ds.Users, ds.Items, ds.Ratings)
	train, _, err := Split(full, opt.Split, opt.Seed)
	if err != nil {
		t.Fatal(err)
	}
	c, err := tune(ctx, train, NewContent(ds.Films), opt)
	if err != nil {
		t.Fatal(err)
	}
	r, err := fit(ctx, train, NewContent(ds.Films), c, opt)
	if err != nil {
		t.Fatal(err)
	}
	var in, total int
	scores := make([]float32, ds.Items)
	for u := range group {
		items, _ := train.UserItems(int32(u))
		seen := map[int32]bool{}
		for _, i := range items {
			seen[i] = true
		}
		clear(scores)
		r.score(items, scores)
		for _, s := range rankTop(scores, 10, func(i int32) bool { return seen[i] }) {
			total++
			if int(s.Item)/itemsPerGroup == group[u] {
				in++
			}
		}
	}
	if p := float64(in) / float64(total); p < 0.9 {
		t.Errorf("precision@10 of group recovery = %.3f, want ≥ 0.9", p)
	}
}

func TestSplitRefusesNoTestItems(t *testing.T) {
	m := NewMatrix(3, 3, []Triple{{0, 0, 4}, {1, 1, 4}, {2, 2, 4}})
	if _, _, err := Split(m, 0.8, 1); !errors.Is(err, ErrNoTestItems) {
		t.Errorf("Split of one rating per user: err = %v, want ErrNoTestItems", err)
	}
	for _, share := range []float64{0, 1, -0.5, 2} {
		if _, _, err := Split(m, share, 1); err == nil {
			t.Errorf("Split(%v) succeeded", share)
		}
	}
}

func TestReadMovieLensRefusesMalformedRows(t *testing.T) {
	tests := []struct {
		file, body, want string
	}{
		{"u.data", "1\t2\t3\t881250949\n1\t3\tfive\t881250949\n", "u.data:2: rating"},
		{"u.data", "1\t2\t3\t881250949\n1 2 3 4\n", "u.data:2: row"},
		{"u.data", "x\t2\t3\t881250949\n", "u.data:1: userId"},
		{"ratings.dat", "1::1193::5::978300760\n1::1193::9::978300760\n", "ratings.dat:2: rating"},
		{"ratings.dat", "1::abc::5::978300760\n", "ratings.dat:1: movieId"},
		{"ratings.csv", "userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,31,0,1260759144\n", "ratings.csv:3: rating"},
		{"ratings.csv", "user,movie\n1,31\n", "ratings.csv:1: header"},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, tt.file), []byte(tt.body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := ReadMovieLens(dir)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s %q: err = %v, want it to contain %q", tt.file, tt.body, err, tt.want)
		}
	}
}

func TestReadMovieLensLayouts(t *testing.T) {
	tests := []struct {
		files        map[string]string
		users, items int
		title        string
		year         int
		genres, tags []string
	}{
		{
			files: map[string]string{
				"ratings.csv": "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.0,964981247\n2,1,3.5,964982224\n",
				"movies.csv":  "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy\n3,\"Grumpier Old Men, The (1995)\",Comedy|Romance\n",
				"tags.csv":    "userId,movieId,tag,timestamp\n2,1,Pixar,1445714994\n",
			},
			users: 2, items: 2, title: "Toy Story (1995)", year: 1995,
			genres: []string{"Adventure", "Animation", "Children", "Comedy", "Fantasy"}, tags: []string{"pixar"},
		},
		{
			files: map[string]string{
				"u.data": "196\t242\t3\t881250949\n186\t302\t3\t891717742\n",
				"u.item": "242|Kolya (1996)|24-Jan-1997||http://us.imdb.com/M/title-exact?Kolya%20(1996)|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n" +
					"302|L.A. Confidential (1997)|01-Jan-1997||http://us.imdb.com/M/title-exact?L%2EA%2E+Confidential+(1997)|0|0|0|0|0|0|1|0|0|0|1|0|0|1|0|0|1|0|0\n",
			},
			users: 2, items: 2, title: "Kolya (1996)", year: 1996, genres: []string{"Comedy"},
		},
		{
			files: map[string]string{
				"ratings.dat": "1::1193::5::978300760\n1::661::3::978302109\n",
				"movies.dat":  "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n661::James and the Giant Peach (1996)::Animation|Children's|Musical\n",
			},
			users: 1, items: 2, title: "One Flew Over the Cuckoo's Nest (1975)", year: 1975, genres: []string{"Drama"},
		},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		for name, body := range tt.files {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		ds, err := ReadMovieLens(dir)
		if err != nil {
			t.Fatal(err)
		}
		if ds.Users != tt.users || ds.Items != tt.items {
			t.Errorf("users, items = %d, %d; want %d, %d", ds.Users, ds.Items, tt.users, tt.items)
		}
		f := ds.Films[0]
		if f.Title != tt.title || f.Year != tt.year || strings.Join(f.Genres, "|") != strings.Join(tt.genres, "|") || strings.Join(f.Tags, "|") != strings.Join(tt.tags, "|") {
			t.Errorf("first film = %q %d %v %v; want %q %d %v %v", f.Title, f.Year, f.Genres, f.Tags, tt.title, tt.year, tt.genres, tt.tags)
		}
	}
}

func FuzzReadMovieLens(f *testing.F) {
	f.Add("196\t242\t3\t881250949\n186\t302\t3\t891717742\n", "242|Kolya (1996)|24-Jan-1997||x|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n")
	f.Add("1\t1\t5\t1\n", "1|(|||")
	f.Fuzz(func(t *testing.T, data, items string) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "u.data"), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "u.item"), []byte(items), 0o644); err != nil {
			t.Fatal(err)
		}
		ds, err := ReadMovieLens(dir)
		if err != nil {
			return
		}
		if len(ds.Films) != ds.Items || len(ds.MovieIDs) != ds.Items {
			t.Fatalf("%d items but %d films, %d ids", ds.Items, len(ds.Films), len(ds.MovieIDs))
		}
	})
}
