package recommend

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"marquee/internal/store"
)

// HighStars is the rating from which a rating counts as "liked" in the
// reasons ("rated it 4★ or more").
const HighStars = 4

// CoRating is what the ratings say about a pair of films (a, b): of the
// Raters who rated a HighStars or more and also rated b, Liked rated b
// HighStars or more too.
type CoRating struct {
	Raters int
	Liked  int
}

// minCoRaters is the fewest raters for which a co-rating reason is given;
// "1 of 1" says nothing.
const minCoRaters = 3

// Reasons says in words why b is like a, from their features and the
// ratings of both. Every reason is a fact about the two films; a pair
// sharing nothing gets none. Strongest first.
func Reasons(a, b store.FilmFeatures, co CoRating) []string {
	var out []string
	if names := sharedNames(a.Directors, b.Directors); len(names) > 0 {
		out = append(out, "also directed by "+list(names, 3))
	}
	if cast := sharedCast(a.Cast, b.Cast); len(cast) == 1 {
		out = append(out, cast[0]+" is in both")
	} else if len(cast) > 1 {
		out = append(out, list(cast, 3)+" are in both")
	}
	if names := sharedNames(a.Writers, b.Writers); len(names) > 0 {
		out = append(out, "also written by "+list(names, 3))
	}
	if names := sharedNames(a.Themes, b.Themes); len(names) > 0 {
		for i := range names {
			names[i] = lowerFirst(names[i])
		}
		out = append(out, "shares themes: "+strings.Join(names[:min(len(names), 4)], ", "))
	}
	if p := sharedPlace(a.Place, b.Place); p != "" {
		out = append(out, "both set in "+p)
	}
	if tags := sharedStrings(a.Tags, b.Tags); len(tags) > 0 {
		out = append(out, "both tagged "+quoteList(tags[:min(len(tags), 3)]))
	}
	if co.Raters >= minCoRaters && co.Liked*2 > co.Raters {
		out = append(out, fmt.Sprintf("people who rated %s %d★ or more also rated it highly: %d of %d", a.Title, HighStars, co.Liked, co.Raters))
	}
	if g := sharedStrings(a.Genres, b.Genres); len(g) > 0 {
		out = append(out, "shares genres: "+strings.Join(g[:min(len(g), 3)], ", "))
	}
	if a.Year > 0 && b.Year > 0 && a.Year/10 == b.Year/10 {
		out = append(out, "both from the "+strconv.Itoa(a.Year/10*10)+"s")
	}
	return out
}

func sharedNames(a, b []store.NamedKey) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if x.Key == y.Key {
				out = append(out, x.Name)
				break
			}
		}
	}
	return out
}

func sharedCast(a, b []store.CastKey) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if x.Key == y.Key {
				out = append(out, x.Name)
				break
			}
		}
	}
	return out
}

func sharedStrings(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if strings.EqualFold(x, y) {
				out = append(out, x)
				break
			}
		}
	}
	return out
}

// sharedPlace returns the first named place of a's setting that b's
// setting names too ("Texas" for "Texas City, Texas" and "Houston,
// Texas").
func sharedPlace(a, b string) string {
	pb := places(b)
	for _, x := range places(a) {
		for _, y := range pb {
			if strings.EqualFold(x, y) {
				return x
			}
		}
	}
	return ""
}

// list joins names as "A", "A and B" or "A, B and C", keeping at most n.
func list(names []string, n int) string {
	names = names[:min(len(names), n)]
	switch len(names) {
	case 1:
		return names[0]
	case 2:
		return names[0] + " and " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func quoteList(tags []string) string {
	q := make([]string, len(tags))
	for i, t := range tags {
		q[i] = "“" + t + "”"
	}
	return strings.Join(q, ", ")
}

// lowerFirst lower-cases a theme name's first letter unless the name
// looks proper ("Sex work" → "sex work", "American Dream" stays).
func lowerFirst(s string) string {
	upper := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	r, n := utf8.DecodeRuneInString(s)
	if upper != 1 || !unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// Stars formats a rating as "4★" or "4½★".
func Stars(r float64) string {
	whole := int(r)
	if r-float64(whole) >= 0.5 {
		return strconv.Itoa(whole) + "½★"
	}
	return strconv.Itoa(whole) + "★"
}
