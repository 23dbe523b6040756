package dossier

import (
	"strconv"
	"strings"

	"marquee/internal/film"
)

// A credits block is how programme notes, festival capsules and many blog
// posts open: the title, "France 1995", "Director: …", "Cast: A (Role), B
// _(Role, descriptor)_", "98 minutes", one to a line (or to a "<br>"),
// labels in any emphasis. It is data about the film, not prose: the read
// stage takes it off the text and keeps what it says.

// creditsBlock is what a credits block says.
type creditsBlock struct {
	present   bool
	line      int // 1-based line of the block's first line
	title     string
	year      int
	country   string
	runtime   int
	directors []string
	cast      []film.CastPair
}

// creditLabels are the labels of credit lines, lower case.
var creditLabels = map[string]string{
	"director": "director", "directors": "director", "directed by": "director", "dir": "director", "regie": "director",
	"cast": "cast", "starring": "cast", "with": "cast", "featuring": "cast", "stars": "cast",
	"screenplay": "crew", "writer": "crew", "writers": "crew", "written by": "crew", "script": "crew",
	"cinematography": "crew", "photography": "crew", "director of photography": "crew", "dop": "crew",
	"music": "crew", "score": "crew", "editor": "crew", "editing": "crew", "edited by": "crew",
	"producer": "crew", "producers": "crew", "produced by": "crew", "production design": "crew",
	"runtime": "runtime", "running time": "runtime", "length": "runtime", "duration": "runtime",
	"country": "country", "countries": "country", "year": "year", "language": "crew", "languages": "crew",
	"certificate": "crew", "rating": "crew", "genre": "crew", "distributor": "crew", "studio": "crew",
	// An infobox written out as lines opens with the film's name.
	"title": "title", "name": "title", "original title": "title",
}

// creditLine splits "**Director:** Agnès Varda", "_Screenplay:_ …",
// "Directed by Martin Ritt" into its label kind and value.
func creditLine(l string) (kind, value string, ok bool) {
	t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "-*•"))
	t = strings.TrimSpace(t)
	label, rest, found := strings.Cut(t, ":")
	if !found {
		// "Directed by Rogelio Robles", "Written by …": a "by" label
		// needs no colon when a name and nothing else follows it.
		for _, by := range []string{"directed by ", "written by ", "produced by ", "edited by ", "written and directed by "} {
			if len(t) > len(by) && strings.EqualFold(t[:len(by)], by) && wordCount(t[len(by):]) <= 8 && isNameLike(strings.ReplaceAll(strings.ReplaceAll(t[len(by):], ",", ""), " and ", " ")) {
				if k := creditLabels[strings.TrimSpace(strings.ToLower(by))]; k != "" {
					return k, strings.TrimSpace(t[len(by):]), true
				}
				return "director", strings.TrimSpace(t[len(by):]), true
			}
		}
		return "", "", false
	}
	if len(label) > 40 {
		return "", "", false
	}
	label = lowerText(strings.Trim(label, "*_ "))
	rest = strings.TrimSpace(strings.TrimLeft(rest, "*_"))
	kind, ok = creditLabels[label]
	if !ok || rest == "" || len(rest) > 160 {
		return "", "", false
	}
	return kind, strings.TrimSpace(strings.Trim(rest, "*_ ")), true
}

// credits finds the first credits block in the opening lines and blanks
// its lines, so line numbers stay true.
func (s *source) credits() {
	// A credits block opens the article: it starts on one of its first two
	// text lines (the title may come first). Credit lines further on
	// belong to a section ("CAST & CREW") and are read there.
	seen := 0
	for i := 0; i < len(s.lines) && seen < 3; i++ {
		if strings.TrimSpace(s.lines[i]) == "" {
			continue
		}
		seen++
		if end, c, ok := s.creditsAt(i); ok {
			for k := i; k <= end; k++ {
				s.lines[k] = ""
			}
			s.cred = c
			s.noise = append(s.noise, film.Noise{Line: i + 1, Text: "credits block", Reason: "credits (kept as data)"})
			return
		}
	}
}

// creditsAt reads the block of credit-like lines starting at i, blank
// lines between them allowed (HTML "<br>" lines come apart that way).
func (s *source) creditsAt(i int) (int, creditsBlock, bool) {
	c := creditsBlock{line: i + 1}
	labels, other, end := 0, 0, i
	for k := i; k < len(s.lines) && k < i+30; k++ {
		t := strings.TrimSpace(s.lines[k])
		if t == "" {
			continue
		}
		if kind, v, ok := creditLine(t); ok {
			labels++
			c.apply(kind, v)
			end = k
			continue
		}
		if y, country, ok := countryYear(t); ok {
			c.year, other, end = y, other+1, k
			if c.country == "" {
				c.country = country
			}
			c.capsule(t)
			continue
		}
		if m := shortMinutes(t); m > 0 {
			c.runtime, other, end = m, other+1, k
			continue
		}
		if k == i && len(t) < 80 && !endsSentence(strings.Trim(t, "*_")) && labels == 0 {
			c.title = strings.Trim(strings.TrimLeft(t, "# "), "*_ ")
			c.titleCapsule()
			end = k
			continue
		}
		break
	}
	if labels >= 2 || labels >= 1 && other >= 1 || c.title != "" && other >= 1 && len(c.directors) > 0 || labels == 1 && len(c.directors) > 0 {
		c.present = true
		return end, c, true
	}
	return 0, c, false
}

func (c *creditsBlock) apply(kind, v string) {
	switch kind {
	case "director":
		for _, d := range splitNames(v) {
			c.directors = append(c.directors, d)
		}
	case "cast":
		c.cast = append(c.cast, castList(v)...)
	case "runtime":
		c.runtime = minutesIn(strings.ToLower(v) + " ")
		if c.runtime == 0 {
			if n, err := strconv.Atoi(strings.Fields(v + " x")[0]); err == nil {
				c.runtime = n
			}
		}
	case "country":
		c.country = v
	case "title":
		if c.title == "" {
			c.title = v
		}
	case "year":
		if y, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			c.year = y
		}
	}
}

// capsule reads the rest of a festival capsule line, "Davy Chou | France,
// Germany | 2022 | 119 min": a runtime, and a name that is not a place is
// the director.
func (c *creditsBlock) capsule(t string) {
	parts := strings.Split(t, "|")
	if len(parts) < 3 {
		return
	}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		first := strings.TrimSpace(strings.Split(p, ",")[0])
		switch {
		case minutesIn(strings.ToLower(p)+" ") > 0:
			c.runtime = minutesIn(strings.ToLower(p) + " ")
		case places[first], strings.Trim(p, "0123456789") == "":
		case isNameLike(p) && wordCount(p) <= 4 && len(c.directors) == 0:
			c.directors = splitNames(p)
		}
	}
}

// countryYear reads "Japan 1954", "France, 1962.", "USA | 1995" and the
// festival capsule "Davy Chou | France, Germany | 2022 | 119 min".
func countryYear(t string) (int, string, bool) {
	t = strings.Trim(t, "*_. ")
	if len(t) > 120 || !hasFourDigits(t) {
		return 0, "", false // no part can be a year
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == '|' || r == '·' || r == '/' })
	if len(parts) == 1 {
		ws := strings.Fields(t)
		if len(ws) < 2 {
			return 0, "", false
		}
		parts = []string{strings.Join(ws[:len(ws)-1], " "), ws[len(ws)-1]}
	}
	year, country := 0, ""
	for _, p := range parts {
		p = strings.Trim(strings.TrimSpace(p), ",.")
		if n := year4(p); n >= 1880 && n <= 2100 {
			year = n
			continue
		}
		first := strings.TrimSpace(strings.Split(p, ",")[0])
		if places[first] && country == "" {
			country = p
		}
	}
	return year, country, year != 0 && country != ""
}

// splitNames splits "Mark Duplass, Jay Duplass and X" into names.
func splitNames(v string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(strings.ReplaceAll(v, " and ", ","), " & ", ","), ",") {
		if p = strings.Trim(strings.TrimSpace(p), "*_."); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// castList reads "Toshiro Mifune (Kikuchiyo), Takashi Shimura _(Kambei
// Shimada, the leader)_, Keiko Tsushima": commas inside brackets belong to
// the role, and a descriptor after the role's first comma is dropped.
func castList(v string) []film.CastPair {
	var out []film.CastPair
	depth, start := 0, 0
	flush := func(part string) {
		part = strings.Trim(strings.TrimSpace(part), "*_.")
		if part == "" {
			return
		}
		person, role := part, ""
		if i := strings.IndexByte(part, '('); i > 0 {
			person = strings.Trim(strings.TrimSpace(part[:i]), "*_")
			role = strings.Trim(part[i+1:], "()*_ ")
			role, _, _ = strings.Cut(role, ",")
		} else if p, r, ok := strings.Cut(part, " as "); ok {
			person, role = p, r
		}
		person = strings.TrimSpace(person)
		if isNameLike(person) {
			out = append(out, film.CastPair{Person: person, Character: strings.TrimSpace(role)})
		}
	}
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',', ';':
			if depth <= 0 {
				flush(v[start:i])
				start = i + 1
			}
		}
	}
	flush(v[start:])
	return out
}

// shortMinutes reads a line that is only a running time ("98 minutes").
func shortMinutes(t string) int {
	if len(t) >= 30 {
		return 0
	}
	return minutesIn(lowerText(t))
}

// year4 reads a four-digit number, or gives 0 (without strconv's error
// value, which allocates).
func year4(p string) int {
	if len(p) != 4 {
		return 0
	}
	n := 0
	for i := 0; i < 4; i++ {
		if p[i] < '0' || p[i] > '9' {
			return 0
		}
		n = n*10 + int(p[i]-'0')
	}
	return n
}

// hasFourDigits reports four digits in a row, which a year needs.
func hasFourDigits(t string) bool {
	run := 0
	for i := 0; i < len(t); i++ {
		if t[i] >= '0' && t[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// titleCapsule reads a festival capsule's title line, "DARK ROOM, 11min.,
// USA": the title, then its running time and country.
func (c *creditsBlock) titleCapsule() {
	parts := strings.Split(c.title, ", ")
	if len(parts) < 2 {
		return
	}
	known := false
	for _, p := range parts[1:] {
		p = strings.TrimSpace(p)
		if m := capsuleMinutes(p); m > 0 {
			c.runtime, known = m, true
		} else if places[p] || p == "USA" || p == "UK" || p == "US" {
			c.country, known = p, true
		}
	}
	if known {
		c.title = strings.TrimSpace(parts[0])
	}
}

// capsuleMinutes reads "11min.", "95 min", "102 mins" or "90 minutes".
func capsuleMinutes(p string) int {
	p = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(p)), ".")
	for _, u := range []string{"minutes", "mins", "min", "'"} {
		if n, ok := strings.CutSuffix(p, u); ok {
			if m, err := strconv.Atoi(strings.TrimSpace(n)); err == nil && m > 0 && m < 1000 {
				return m
			}
		}
	}
	return 0
}
