package film

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slugify turns a name into a URL slug: diacritics removed, lower case,
// runs of anything but letters and digits collapsed to one hyphen.
// "Amélie" → "amelie"; "Sin-Dee Rella" → "sin-dee-rella".
func Slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
			// "Moonee's" → "moonees", not "moonee-s".
		default:
			hyphen = true
		}
	}
	out := b.String()
	if len(out) > 120 {
		out = strings.TrimRight(out[:120], "-")
	}
	return out
}

// FilmSlug is the stable slug of a film: its title slug and year,
// "red-rocket-2021". A film without a year has the bare title slug. A title
// with no letters or digits in ASCII falls back to "film".
func FilmSlug(title string, year int) string {
	s := Slugify(title)
	if s == "" {
		s = "film"
	}
	if year > 0 {
		s += "-" + strconv.Itoa(year)
	}
	return s
}

// PersonSlug is the slug of a person: their name slug, "sean-baker".
// Stores disambiguate clashes by appending the IMDb id or a number.
func PersonSlug(name string) string {
	s := Slugify(name)
	if s == "" {
		s = "person"
	}
	return s
}

// Fold returns s lower-cased with diacritics removed, for matching names
// and titles typed by people: "Amélie" and "AMELIE" fold alike.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case '’', '‘':
			r = '\''
		case '“', '”':
			r = '"'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// SlugChoices lists the slugs a film may have, best first: FilmSlug, then
// with its IMDb id appended ("the-room-2003-tt0368226") when it has one,
// then with its row id, for when both are taken. A film's slug follows
// its title and year: renamed, it takes the first choice no other film
// holds, and its old slug redirects.
func SlugChoices(title string, year int, imdb string, id int64) []string {
	s := FilmSlug(title, year)
	out := []string{s}
	if imdb != "" {
		out = append(out, s+"-"+imdb)
	}
	return append(out, s+"-"+strconv.FormatInt(id, 10))
}
