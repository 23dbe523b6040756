package catalog

import (
	"strings"
	"unicode/utf8"

	"marquee/internal/film"
)

// slugify is film.Slugify with a fast path for ASCII names, which skips
// the Unicode decomposition; an import slugifies millions of names and
// characters, most of them ASCII. It returns exactly what film.Slugify does.
func slugify(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return film.Slugify(s)
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	hyphen := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '\'':
			continue
		default:
			hyphen = true
			continue
		}
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		hyphen = false
		b.WriteByte(c)
	}
	out := b.String()
	if len(out) > 120 {
		out = strings.TrimRight(out[:120], "-")
	}
	return out
}

// filmSlug and personSlug are film.FilmSlug and film.PersonSlug over slugify.
func filmSlug(title string, year int) string {
	s := slugify(title)
	if s == "" {
		return film.FilmSlug(title, year)
	}
	if year > 0 {
		return s + "-" + itoa(year)
	}
	return s
}

func personSlug(name string) string {
	if s := slugify(name); s != "" {
		return s
	}
	return film.PersonSlug(name)
}

func itoa(n int) string {
	var buf [20]byte
	i := len(buf)
	for n >= 10 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	i--
	buf[i] = byte('0' + n)
	return string(buf[i:])
}
