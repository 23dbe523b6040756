package recommend

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"marquee/internal/store"
)

// Dataset is a MovieLens ratings set read for evaluation: ratings over
// dense user and item indexes, each item's MovieLens id, and what the
// movies file says about each item (title, year, genres; tags when a
// tags file is there).
type Dataset struct {
	Users, Items int
	Ratings      []Triple
	MovieIDs     []int64              // item → MovieLens movie id
	Films        []store.FilmFeatures // item → content; ID is the movie id
	Files        []string             // the files read
}

// ReadMovieLens reads the ratings of a MovieLens directory in any of its
// published layouts: ratings.csv (the CSV releases: latest, 20M, 25M,
// 32M), u.data (100K, tab-separated) or ratings.dat (1M and 10M, "::").
// The movies file of the same release (movies.csv, u.item, movies.dat)
// and tags.csv are read when present. A malformed row is an error naming
// the file, the line and the field.
func ReadMovieLens(dir string) (*Dataset, error) {
	ds := &Dataset{}
	b := &builder{users: map[int64]int32{}, items: map[int64]int32{}, ds: ds}
	var err error
	switch {
	case exists(dir, "ratings.csv"):
		err = b.read(filepath.Join(dir, "ratings.csv"), ",", true)
	case exists(dir, "u.data"):
		err = b.read(filepath.Join(dir, "u.data"), "\t", false)
	case exists(dir, "ratings.dat"):
		err = b.read(filepath.Join(dir, "ratings.dat"), "::", false)
	default:
		return nil, fmt.Errorf("%s: no MovieLens ratings file (ratings.csv, u.data or ratings.dat)", dir)
	}
	if err != nil {
		return nil, err
	}
	ds.Users, ds.Items = len(b.users), len(b.items)
	ds.Films = make([]store.FilmFeatures, ds.Items)
	for i, id := range ds.MovieIDs {
		ds.Films[i] = store.FilmFeatures{ID: id, Slug: "ml" + strconv.FormatInt(id, 10), Title: "MovieLens " + strconv.FormatInt(id, 10)}
	}
	switch {
	case exists(dir, "movies.csv"):
		err = b.moviesCSV(filepath.Join(dir, "movies.csv"))
	case exists(dir, "u.item"):
		err = b.movies(filepath.Join(dir, "u.item"), "|", uItem)
	case exists(dir, "movies.dat"):
		err = b.movies(filepath.Join(dir, "movies.dat"), "::", moviesDat)
	}
	if err == nil && exists(dir, "tags.csv") {
		err = b.tags(filepath.Join(dir, "tags.csv"))
	}
	return ds, err
}

func exists(dir, name string) bool {
	fi, err := os.Stat(filepath.Join(dir, name))
	return err == nil && fi.Mode().IsRegular()
}

type builder struct {
	users, items map[int64]int32
	ds           *Dataset
}

// rowError names a file, line and field.
func rowError(file string, line int, field, reason string) error {
	return fmt.Errorf("%s:%d: %s: %s", file, line, field, reason)
}

func (b *builder) read(path, sep string, header bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	b.ds.Files = append(b.ds.Files, path)
	name := filepath.Base(path)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 && header {
			if !strings.HasPrefix(text, "userId,movieId,rating") {
				return rowError(name, line, "header", fmt.Sprintf("want userId,movieId,rating,timestamp, got %q", clip(text)))
			}
			continue
		}
		if text == "" {
			continue
		}
		parts := strings.Split(text, sep)
		if len(parts) < 3 {
			return rowError(name, line, "row", fmt.Sprintf("want user, movie, rating and timestamp separated by %q, got %q", sep, clip(text)))
		}
		user, err := strconv.ParseInt(parts[0], 10, 64)
		if err != nil || user < 0 {
			return rowError(name, line, "userId", "not a user id: "+strconv.Quote(clip(parts[0])))
		}
		movie, err := strconv.ParseInt(parts[1], 10, 64)
		if err != nil || movie < 0 {
			return rowError(name, line, "movieId", "not a movie id: "+strconv.Quote(clip(parts[1])))
		}
		stars, err := strconv.ParseFloat(parts[2], 32)
		if err != nil || stars < 0.5 || stars > 5 {
			return rowError(name, line, "rating", "not a rating from 0.5 to 5: "+strconv.Quote(clip(parts[2])))
		}
		b.ds.Ratings = append(b.ds.Ratings, Triple{b.user(user), b.item(movie), float32(stars)})
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	if len(b.ds.Ratings) == 0 {
		return fmt.Errorf("%s: no ratings", name)
	}
	return nil
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

func (b *builder) user(id int64) int32 {
	u, ok := b.users[id]
	if !ok {
		u = int32(len(b.users))
		b.users[id] = u
	}
	return u
}

func (b *builder) item(id int64) int32 {
	i, ok := b.items[id]
	if !ok {
		i = int32(len(b.items))
		b.items[id] = i
		b.ds.MovieIDs = append(b.ds.MovieIDs, id)
	}
	return i
}

// uItemGenres are the 19 genre flags at the end of a 100K u.item row, in
// the order of its u.genre file.
var uItemGenres = []string{"unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama",
	"Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western"}

type movieLayout int

const (
	uItem movieLayout = iota
	moviesDat
)

// movies reads u.item or movies.dat (Latin-1 in the older releases).
func (b *builder) movies(path, sep string, layout movieLayout) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	b.ds.Files = append(b.ds.Files, path)
	name := filepath.Base(path)
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		text := latin1(strings.TrimRight(sc.Text(), "\r"))
		if text == "" {
			continue
		}
		parts := strings.Split(text, sep)
		var genres []string
		switch layout {
		case uItem:
			if len(parts) != 5+len(uItemGenres) {
				return rowError(name, line, "row", fmt.Sprintf("want %d fields separated by |, got %d", 5+len(uItemGenres), len(parts)))
			}
			for k, flag := range parts[5:] {
				if flag == "1" && uItemGenres[k] != "unknown" {
					genres = append(genres, uItemGenres[k])
				}
			}
		case moviesDat:
			if len(parts) != 3 {
				return rowError(name, line, "row", "want MovieID::Title::Genres, got "+strconv.Quote(clip(text)))
			}
			genres = splitGenres(parts[2])
		}
		if err := b.movie(name, line, parts[0], parts[1], genres); err != nil {
			return err
		}
	}
	return sc.Err()
}

func (b *builder) moviesCSV(path string) error {
	return eachCSV(path, "movieId", func(name string, line int, rec []string) error {
		if len(rec) != 3 {
			return rowError(name, line, "row", "want movieId,title,genres")
		}
		return b.movie(name, line, rec[0], rec[1], splitGenres(rec[2]))
	})
}

func (b *builder) tags(path string) error {
	return eachCSV(path, "userId", func(name string, line int, rec []string) error {
		if len(rec) < 3 {
			return rowError(name, line, "row", "want userId,movieId,tag,timestamp")
		}
		id, err := strconv.ParseInt(rec[1], 10, 64)
		if err != nil {
			return rowError(name, line, "movieId", "not a movie id: "+strconv.Quote(clip(rec[1])))
		}
		if i, ok := b.items[id]; ok {
			tag := strings.ToLower(strings.TrimSpace(rec[2]))
			f := &b.ds.Films[i]
			if tag != "" && !containsString(f.Tags, tag) {
				f.Tags = append(f.Tags, tag)
			}
		}
		return nil
	})
}

func eachCSV(path, firstColumn string, fn func(name string, line int, rec []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	name := filepath.Base(path)
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	for n := 0; ; n++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		line, _ := r.FieldPos(0)
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return rowError(name, pe.Line, "row", pe.Err.Error())
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if n == 0 && len(rec) > 0 && rec[0] == firstColumn {
			continue
		}
		if err := fn(name, line, rec); err != nil {
			return err
		}
	}
}

func (b *builder) movie(name string, line int, idText, title string, genres []string) error {
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil {
		return rowError(name, line, "movieId", "not a movie id: "+strconv.Quote(clip(idText)))
	}
	i, ok := b.items[id]
	if !ok {
		return nil // a movie nobody rated is not ranked
	}
	f := &b.ds.Films[i]
	f.Title = strings.TrimSpace(title)
	f.Genres = genres
	if n := len(f.Title); n >= 6 && f.Title[n-1] == ')' && f.Title[n-6] == '(' {
		f.Year, _ = strconv.Atoi(f.Title[n-5 : n-1])
	}
	return nil
}

func splitGenres(s string) []string {
	var out []string
	for _, g := range strings.Split(s, "|") {
		if g = strings.TrimSpace(g); g != "" && g != "(no genres listed)" {
			out = append(out, g)
		}
	}
	return out
}

// latin1 decodes s as ISO-8859-1 unless it is already valid UTF-8.
func latin1(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	r := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		r[i] = rune(s[i])
	}
	return string(r)
}

func containsString(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
