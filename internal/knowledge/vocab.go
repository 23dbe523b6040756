// Package knowledge turns a film's facts into what readers ask about: a
// vocabulary of themes with a strength per film, content advisories read
// from articles, and answered questions with their sources. It holds pure
// functions over facts; the store feeds it and keeps what it computes.
package knowledge

import (
	_ "embed"
	"strings"
	"unicode"

	"marquee/internal/film"
)

//go:embed synonyms.txt
var synonymsTxt string

// synonyms maps a normalised variant to its normalised canonical key.
var synonyms = parseSynonyms(synonymsTxt)

func parseSynonyms(txt string) map[string]string {
	out := map[string]string{}
	for _, line := range strings.Split(txt, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		from, to, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		f, t := baseKey(from), baseKey(to)
		if f != "" && t != "" && f != t {
			out[f] = t
		}
	}
	return out
}

// Key is the normalised form of a theme's name: one vocabulary entry per
// key. Case and diacritics are folded, punctuation and hyphens become
// spaces, a leading article is dropped, every word is reduced to its
// singular, and a synonym is replaced by its canonical form. "the American
// Dream", "American dream" and "American dreams" share the key "american
// dream"; "sex workers" is "sex work". An empty key means no theme.
func Key(name string) string {
	k := baseKey(name)
	if to, ok := synonyms[k]; ok {
		return to
	}
	return k
}

func baseKey(name string) string {
	words := strings.FieldsFunc(film.Fold(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	out := words[:0]
	for i, w := range words {
		w = strings.Trim(w, "'")
		if strings.HasSuffix(w, "'s") {
			w = strings.TrimSuffix(w, "'s")
		}
		w = strings.ReplaceAll(w, "'", "")
		if w == "" || i == 0 && isArticle(w) && len(words) > 1 {
			continue
		}
		out = append(out, Singular(w))
	}
	return strings.Join(out, " ")
}

func isArticle(w string) bool { return w == "the" || w == "a" || w == "an" }

// invariant lists words that end in s in the singular.
var invariant = map[string]bool{
	"news": true, "series": true, "species": true, "lens": true, "bus": true, "gas": true,
	"chaos": true, "ethos": true, "pathos": true, "kudos": true, "always": true, "perhaps": true,
	"whereas": true, "this": true, "his": true, "its": true, "us": true, "yes": true, "was": true,
}

// Singular reduces an English plural to its singular by the regular
// rules: "families" → "family", "classes" → "class", "wishes" → "wish",
// "dreams" → "dream". Words that end in s in the singular ("class",
// "crisis", "status", "politics", "chaos") are left alone.
func Singular(w string) string {
	n := len(w)
	switch {
	case n <= 3 || invariant[w]:
		return w
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"):
		return w[:n-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"),
		strings.HasSuffix(w, "ics"), strings.HasSuffix(w, "ous"), strings.HasSuffix(w, "'s"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:n-1]
	}
	return w
}

// DisplayName is how a theme reads in a heading: the name as written,
// without a leading article, its first letter capitalised. "the American
// Dream" → "American Dream"; "redemption" → "Redemption".
func DisplayName(name string) string {
	name = strings.Join(strings.Fields(name), " ")
	for _, a := range []string{"the ", "The ", "a ", "A ", "an ", "An "} {
		if rest, ok := strings.CutPrefix(name, a); ok && rest != "" {
			name = rest
			break
		}
	}
	name = strings.Trim(name, " .,;:!?\"“”'‘’")
	if name == "" {
		return ""
	}
	r := []rune(name)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// Slug is a theme's URL slug, made from its key so that every spelling of
// a theme has the same address.
func Slug(key string) string { return film.Slugify(key) }
