package dossier

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

// frontMatter is what a Jekyll, Hugo or similar post says about itself
// in its YAML (---) or TOML (+++) header, read as data.
type frontMatter struct {
	Title      string
	Date       string
	Author     string
	Tags       []string // tags and categories
	Layout     string
	FilmTitle  string // "movie title:", "film:", …
	Year       int
	Directors  []string
	present    bool
	reviewHint bool // a tag, category or layout says "review"
}

// maxFrontMatterLines bounds the search for the closing fence, so a file
// opening with "---" and nothing else is not read twice over.
const maxFrontMatterLines = 400

// frontMatter takes a leading front-matter block off s.lines (its lines
// become blank, so line numbers stay true) and reads it. A block that does
// not parse gives a warning naming its line; the body is read all the same.
func (s *source) frontMatter(file string) {
	first := 0
	for first < len(s.lines) && strings.TrimSpace(s.lines[first]) == "" {
		first++
	}
	if first >= len(s.lines) {
		return
	}
	fence := strings.TrimSpace(s.lines[first])
	if fence != "---" && fence != "+++" {
		return
	}
	end := -1
	for i := first + 1; i < len(s.lines) && i <= first+maxFrontMatterLines; i++ {
		if t := strings.TrimRight(s.lines[i], " \t"); t == fence || fence == "---" && t == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		return // a thematic break, not front matter
	}
	raw := map[string]any{}
	var err error
	if fence == "+++" {
		_, err = toml.Decode(strings.Join(s.lines[first+1:end], "\n"), &raw)
	} else if flat, ok := flatYAML(s.lines[first+1 : end]); ok {
		raw = flat
	} else {
		err = yaml.Unmarshal([]byte(strings.Join(s.lines[first+1:end], "\n")), &raw)
	}
	if err != nil {
		// Only a header that looks like keys is taken off: a Markdown
		// rule pair around a paragraph stays text.
		if !looksLikeKeys(s.lines[first+1 : end]) {
			return
		}
		s.warnings = append(s.warnings, fmt.Sprintf("%s:%d: front matter does not parse (%s); read the body without it",
			file, first+1, firstLine(err.Error())))
	}
	for i := first; i <= end; i++ {
		s.lines[i] = ""
	}
	s.meta = metaFrom(raw)
	s.meta.present = true
}

// looksLikeKeys reports header lines that are mostly "key: value".
func looksLikeKeys(lines []string) bool {
	keys, other := 0, 0
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "#") {
			continue
		}
		if k, _, ok := strings.Cut(t, ":"); ok && len(k) < 40 && !strings.Contains(k, ". ") {
			keys++
		} else if k, _, ok := strings.Cut(t, "="); ok && len(k) < 40 {
			keys++
		} else {
			other++
		}
	}
	return keys > 0 && keys >= other
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// metaFrom reads the keys posts commonly use, whatever their case, with
// spaces, dashes or underscores.
func metaFrom(raw map[string]any) frontMatter {
	var m frontMatter
	// Keys in sorted order: a map's order is random, and two keys that fold
	// to the same name ("Title" and "title"), or several tag keys, must give
	// the same result on every run.
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		v := raw[k]
		switch metaKey(k) {
		case "title":
			m.Title = scalar(v)
		case "date", "published", "pubdate", "publishdate":
			m.Date = scalar(v)
		case "author", "authors", "by":
			m.Author = strings.Join(list(v), ", ")
		case "tags", "categories", "category", "tag", "genres":
			m.Tags = append(m.Tags, list(v)...)
		case "layout", "type":
			m.Layout = scalar(v)
		case "movietitle", "movie", "film", "filmtitle", "movietitel", "subject":
			m.FilmTitle = scalar(v)
		case "year", "releaseyear", "movieyear", "filmyear":
			if y, err := strconv.Atoi(strings.TrimSpace(scalar(v))); err == nil && y >= 1870 && y <= 2100 {
				m.Year = y
			}
		case "director", "directors", "directedby", "moviedirector":
			m.Directors = append(m.Directors, list(v)...)
		}
	}
	for _, t := range append(append([]string{}, m.Tags...), m.Layout) {
		if strings.Contains(strings.ToLower(t), "review") {
			m.reviewHint = true
		}
	}
	return m
}

// metaKey folds a front-matter key to lower-case letters and digits:
// "Movie Title", "movie_title" and "movie-title" are "movietitle".
func metaKey(k string) string {
	b := make([]byte, 0, len(k))
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c == ' ' || c == '_' || c == '-':
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c < 0x80:
			b = append(b, c)
		default:
			return strings.NewReplacer(" ", "", "_", "", "-", "").Replace(strings.ToLower(k))
		}
	}
	return string(b)
}

// scalar renders a front-matter value as text.
func scalar(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return strings.TrimSpace(v)
	case time.Time:
		return v.Format("2006-01-02")
	case []any, map[string]any:
		return strings.Join(list(v), ", ")
	}
	return strings.TrimSpace(fmt.Sprint(v))
}

// list reads a value that may be one string, a comma list or a sequence.
func list(v any) []string {
	var out []string
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			if s := scalar(e); s != "" {
				out = append(out, s)
			}
		}
	case []string:
		out = append(out, v...)
	case map[string]any:
		for _, k := range []string{"name", "title"} {
			if s := scalar(v[k]); s != "" {
				out = append(out, s)
			}
		}
	default:
		for _, p := range strings.Split(scalar(v), ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}
