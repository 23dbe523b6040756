package dossier

import (
	"strconv"
	"strings"

	"marquee/internal/film"
)

// titleYear splits "The Florida Project (2017)" into title and year. A
// title without a parenthesised year comes back whole with year 0.
func titleYear(s string) (string, int) {
	s = strings.TrimSpace(s)
	i := strings.LastIndex(s, "(")
	if i < 0 || i+6 > len(s) {
		return s, 0
	}
	// "(2018)", and Wikipedia's "(2018 film)".
	if s[i+5] != ')' && !strings.HasPrefix(s[i+5:], " film)") {
		return s, 0
	}
	y, err := strconv.Atoi(s[i+1 : i+5])
	if err != nil || y < film.MinYear || y > 2100 {
		return s, 0
	}
	title := strings.TrimSpace(s[:i])
	return strings.Trim(title, "“”\"*_ "), y
}

// identify fills d.Film from the options, the article title, the
// introduction ("“Tangerine” is a 2015 American comedy-drama directed by
// Sean Baker") or the most-mentioned quoted title, in that order.
func identify(d *film.Dossier, opts *Options, titles []string) {
	f := &d.Film
	f.Title, f.Year = articleTitle(d, titles)
	if intro := lead(d); intro != nil {
		if f.Year == 0 {
			f.Year = introYear(intro.Text, f.Title)
		}
		f.Directors = directedBy(intro.Text)
	}
	if opts.Title != "" {
		f.Title = opts.Title
	}
	if opts.Year != 0 {
		f.Year = opts.Year
	}
	if len(opts.Directors) > 0 {
		f.Directors = append([]string(nil), opts.Directors...)
	}
	if f.Directors == nil {
		f.Directors = []string{}
	}
	f.Slug = opts.Slug
	if f.Slug == "" && f.Title != "" {
		f.Slug = film.FilmSlug(f.Title, f.Year)
	}
}

// articleTitle finds the film's title (and year, when the title line
// gives it) in the title line, the introduction's heading or opening
// words, or else the quoted title mentioned most.
func articleTitle(d *film.Dossier, titles []string) (string, int) {
	if d.Title != "" && !quotedHeadline(d.Title) {
		title, year := titleYear(d.Title)
		if q := firstQuoted(title); q != "" {
			title = q
		} else if q := singleQuoted(title); q != "" {
			title = q
		}
		return siteRubric(d, headlineTitle(title)), year
	}
	if intro := lead(d); intro != nil {
		if t := firstQuoted(intro.Heading); t != "" {
			return t, 0
		}
		if t := leadingQuoted(intro.Text); t != "" {
			return t, 0
		}
		if t := leadingEmphasis(intro.Text); t != "" {
			return t, 0
		}
		if t := leadingSubject(intro.Text); t != "" {
			return cleanTitle(t), 0
		}
		// An article whose first heading is "Spider-Man (1977)", over
		// the text about that film.
		if len(intro.Subsections) > 0 {
			if t, y := titleYear(intro.Subsections[0].Label); y != 0 && t != "" {
				return cleanTitle(t), y
			}
		}
	}
	if len(titles) > 0 {
		return mostCommon(titles), 0
	}
	return "", 0
}

// siteRubric cuts a site's or column's name off "Reel Thoughts: Doctor
// Strange" when the article names the film by the part after the colon
// and never by the whole: "Mission: Impossible" is named whole.
func siteRubric(d *film.Dossier, t string) string {
	i := strings.Index(t, ": ")
	if i <= 0 {
		return t
	}
	rest := t[i+2:]
	named, whole := false, false
	for _, s := range d.Sections {
		named = named || strings.Contains(s.Text, rest)
		whole = whole || strings.Contains(s.Text, t)
	}
	if named && !whole {
		return rest
	}
	return t
}

// firstQuoted returns the first “quoted” or "quoted" text in s.
func firstQuoted(s string) string {
	for _, sp := range quoteSpans(s) {
		return s[sp.start:sp.end]
	}
	return ""
}

// leadingQuoted returns a quoted title that opens s: "“Tangerine” is …".
func leadingQuoted(s string) string {
	sp := quoteSpans(s)
	if len(sp) > 0 && sp[0].start <= 3 {
		return strings.TrimRight(s[sp[0].start:sp[0].end], ",.")
	}
	return ""
}

// leadingEmphasis returns the bold or italic title an encyclopedia lead
// opens with: "**_Actresses_** (Catalan: _Actrius_) is a 1997 …" names
// the film by its first emphasised words, before any gloss in brackets.
func leadingEmphasis(s string) string {
	open := len(s) - len(strings.TrimLeft(s, "*_"))
	if open == 0 || open > 4 {
		return ""
	}
	rest := s[open:]
	end := strings.IndexAny(rest, "*_")
	if end <= 0 {
		return ""
	}
	t := cleanTitle(rest[:end])
	after := strings.TrimLeft(rest[end:], "*_")
	after = strings.TrimLeft(after, " ")
	if t == "" || wordCount(t) > 10 || strings.ContainsAny(t, ".;") {
		return ""
	}
	if strings.HasPrefix(after, "(") || strings.HasPrefix(after, "is ") || strings.HasPrefix(after, "was ") ||
		strings.HasPrefix(after, ",") || strings.HasPrefix(s[open+end:], "(") {
		return t
	}
	return ""
}

// cleanTitle drops emphasis markers around a title and a gloss that runs
// into it unspaced: "Goodfellas(stylized GoodFellas)" is "Goodfellas".
func cleanTitle(t string) string {
	t = strings.Trim(t, "*_ ")
	if i := strings.IndexByte(t, '('); i > 0 {
		t = strings.TrimRight(t[:i], "*_ ")
	}
	return t
}

// introYear finds "is a 2015 …" / "(2015)" in the introduction.
func introYear(s, title string) int {
	for _, pat := range []string{" is a ", " is an "} {
		i := strings.Index(s, pat)
		if i < 0 || i+len(pat)+4 > len(s) {
			continue
		}
		if y, err := strconv.Atoi(s[i+len(pat) : i+len(pat)+4]); err == nil && y >= film.MinYear && y <= 2100 {
			return y
		}
	}
	if title != "" && !strings.Contains(s[:min(len(s), 300)], title) {
		// The lead does not name the film: a year in its brackets is
		// another film's ("When We Were Kings (1996) and …").
		return scheduledYearIfUpcoming(s)
	}
	// "Dadar Kirti (Deeds of my elder brother) (1980) is a …": a year
	// in one of the brackets after the title, before the sentence's verb.
	head := s
	if i := strings.Index(s, " is "); i > 0 {
		head = s[:i]
	}
	for n, from := 0, 0; n < 4; n++ {
		i := strings.IndexByte(head[from:], '(')
		if i < 0 {
			break
		}
		i += from
		from = i + 1
		if i+6 <= len(head) && head[i+5] == ')' {
			if y, err := strconv.Atoi(head[i+1 : i+5]); err == nil && y >= film.MinYear && y <= 2100 {
				return y
			}
		}
	}
	if strings.Contains(s, " upcoming ") {
		// "… is an upcoming American superhero film … scheduled to be
		// released in the United States on February 14, 2025": the
		// brackets hold other works' years; the release date holds its own.
		return scheduledYear(s)
	}
	if i := strings.IndexByte(s, '('); i >= 0 && i+5 <= len(s) {
		if y, err := strconv.Atoi(s[i+1 : i+5]); err == nil && y >= film.MinYear && y <= 2100 {
			return y // the first bracket opens with a year: "(2015, USA)"
		}
	}
	return 0
}

// scheduledYearIfUpcoming is an upcoming film's scheduled year, or 0.
func scheduledYearIfUpcoming(s string) int {
	if strings.Contains(s, " upcoming ") {
		return scheduledYear(s)
	}
	return 0
}

// scheduledYear reads the year of "scheduled to be released … 2025" or
// "set for release in 2026", or 0.
func scheduledYear(s string) int {
	for _, cue := range []string{"to be released", "for release", "set to release", "slated for"} {
		i := strings.Index(s, cue)
		if i < 0 {
			continue
		}
		w := s[i+len(cue) : min(len(s), i+len(cue)+70)]
		for j := 0; j+4 <= len(w); j++ {
			if y, err := strconv.Atoi(w[j : j+4]); err == nil && y >= film.MinYear && y <= 2100 && (j+4 == len(w) || w[j+4] < '0' || w[j+4] > '9') {
				return y
			}
		}
	}
	return 0
}

func mostCommon(ss []string) string {
	n, best, bestN := map[string]int{}, "", 0
	for _, s := range ss {
		n[s]++
		if n[s] > bestN {
			best, bestN = s, n[s]
		}
	}
	return best
}

// singleQuoted returns a title in single quotes that opens a headline:
// "'Lady Bird' Review: …". An apostrophe inside a word does not count.
func singleQuoted(s string) string {
	for _, q := range [][2]string{{"'", "'"}, {"‘", "’"}} {
		rest, ok := strings.CutPrefix(s, q[0])
		if !ok {
			continue
		}
		if j := strings.Index(rest, q[1]+" "); j > 0 {
			return rest[:j]
		}
	}
	return ""
}

// leadingSubject returns the title that opens "Drive is a 2011 film…":
// a few title-case words before " is a " or " is an ".
func leadingSubject(s string) string {
	head := s[:min(len(s), 160)]
	i := strings.Index(head, " is a")
	if i <= 0 || i+5 < len(head) && head[i+5] != ' ' && head[i+5] != 'n' {
		return ""
	}
	t := head[:i]
	if k := strings.Index(t, " ("); k > 0 && strings.HasSuffix(t, ")") {
		// "The Seventh Seal (Swedish: Det sjunde inseglet) is a …": the
		// gloss in parentheses is not the title.
		t = t[:k]
	}
	if wordCount(t) > 6 || !isTitleCase(t) || strings.ContainsAny(t, ".,;:") {
		return ""
	}
	return t
}

// kickers are rubrics a headline may open with.
var kickers = map[string]bool{"review": true, "film review": true, "movie review": true, "portrait": true,
	"explainer": true, "explained": true, "analysis": true, "opinion": true, "essay": true, "feature": true,
	"retrospective": true, "revisited": true, "guide": true}

// seoWords mark a headline's subtitle or tail, not the film's title.
var seoWords = []string{"everything you need", "review", "explained", "guide", "ending", "analysis",
	"what ", "why ", "how ", "all you need", "things to know", "plot, cast", "cast, plot", "a deep dive"}

// headlineTitle cuts "Lady Vengeance: Everything You Need to Know" and
// "Lady Bird Review" down to the title; "Mad Max: Fury Road" stays whole.
// quotedHeadline reports a headline that opens with a quotation, as
// interviews do ("‘I wanted the camera to stay…’: an interview with …"):
// it names no film, so the article's lead is read instead.
func quotedHeadline(t string) bool {
	for _, q := range []string{"'", "‘", "“", "\""} {
		if strings.HasPrefix(t, q) {
			return true
		}
	}
	return false
}

func headlineTitle(t string) string {
	// A page title carries the site's name: "La Haine | Programme notes |
	// The Regent", "Review: X – Frames Per Second".
	for _, sep := range []string{" | ", " :: ", " · "} {
		if i := strings.Index(t, sep); i > 0 {
			t = t[:i]
		}
	}
	// An encyclopedia's browser title: "The Lost City of Z (film) -
	// Wikipedia"; its disambiguation says what the page is about.
	for _, site := range []string{" - Wikipedia", " – Wikipedia", " — Wikipedia", ", the free encyclopedia"} {
		if i := strings.Index(t, site); i > 0 {
			t = strings.TrimSuffix(strings.TrimSpace(t[:i]), " - Wikipedia")
		}
	}
	if i := strings.LastIndex(t, " ("); i > 0 && strings.HasSuffix(t, " film)") || strings.HasSuffix(t, "(film)") {
		t = strings.TrimSpace(t[:strings.LastIndex(t, " (")])
	}
	// "Moonlight review: three ages of one man", "Drive My Car: a
	// conversation with Ryusuke Hamaguchi": the film is before the colon.
	if i := strings.Index(t, ": "); i > 0 && !kickers[strings.ToLower(t[:i])] {
		head, sub := strings.ToLower(t[:i]), strings.ToLower(t[i+2:])
		if strings.HasSuffix(head, " review") || hasAnyContains(sub, []string{"interview", "conversation", "in conversation", "talks to", "q&a"}) {
			t = strings.TrimSuffix(strings.TrimSuffix(t[:i], " review"), " Review")
		}
	}
	// A rubric before the title: "Review: The Lighthouse".
	if i := strings.Index(t, ": "); i > 0 && kickers[strings.ToLower(t[:i])] {
		t = t[i+2:]
	}
	if i := strings.LastIndex(t, ": "); i > 0 {
		if sub := strings.ToLower(t[i+2:]); hasAnyContains(sub, seoWords) {
			t = t[:i]
		}
	}
	for _, sep := range []string{" – ", " - ", " — ", ": "} {
		// "Oculus – Film Review", "Dune - Movie Review".
		for _, rubric := range []string{"Film Review", "Movie Review", "Review", "film review", "movie review", "review"} {
			if s, ok := strings.CutSuffix(t, sep+rubric); ok && s != "" {
				t = s
			}
		}
	}
	for _, suf := range []string{" Review", " Explained", " review", " explained"} {
		if s, ok := strings.CutSuffix(t, suf); ok && s != "" {
			t = s
		}
	}
	return strings.TrimSpace(t)
}

func hasAnyContains(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}
