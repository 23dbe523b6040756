package mlgen

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// uGenres is the column order of u.item's genre flags.
var uGenres = append([]string{"unknown"}, genres...)

// WriteML100K writes the set in the MovieLens 100K layout: u.data (user,
// item, rating, timestamp, tab-separated, ids from 1) and u.item (id,
// title, release date, video release date, URL and 19 genre flags,
// separated by |).
func (s *Set) WriteML100K(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	err := writeFile(filepath.Join(dir, "u.data"), func(w *bufio.Writer) {
		for k := range s.User {
			fmt.Fprintf(w, "%d\t%d\t%d\t%d\n", s.User[k]+1, s.Item[k]+1, int(s.Stars[k]), 874965758+k*37)
		}
	})
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, "u.item"), func(w *bufio.Writer) {
		for i := range s.Items {
			flags := make([]string, len(uGenres))
			for k := range flags {
				flags[k] = "0"
			}
			for _, g := range s.Genres(i) {
				for k, name := range uGenres {
					if name == g {
						flags[k] = "1"
					}
				}
			}
			fmt.Fprintf(w, "%d|%s|01-Jan-%d||http://example.invalid/%d|%s\n", i+1, s.Title(i), s.Year[i], i+1, strings.Join(flags, "|"))
		}
	})
}

func writeFile(path string, fill func(*bufio.Writer)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fill(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
