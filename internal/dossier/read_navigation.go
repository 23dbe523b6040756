package dossier

import (
	"strings"

	"marquee/internal/film"
)

// navWords are the labels of site menus and share bars, the general
// vocabulary of web templates.
var navWords = map[string]bool{
	"home": true, "menu": true, "about": true, "about us": true, "contact": true, "contact us": true, "search": true,
	"search for:": true, "skip to content": true, "reviews": true, "news": true, "blog": true, "archive": true,
	"archives": true, "categories": true, "log in": true, "login": true, "sign in": true, "register": true,
	"twitter": true, "facebook": true, "instagram": true, "pinterest": true, "reddit": true, "email": true,
	"print": true, "whatsapp": true, "linkedin": true, "tumblr": true, "share this:": true, "like this:": true,
	"related": true, "subscribe": true, "donate": true, "shop": true, "events": true, "what's on": true,
}

// navigation blanks the menus and share bars of scraped text: runs of
// three or more short lines, at least one of them a menu label. Each is
// reported as noise.
func (s *source) navigation() {
	for i := 0; i < len(s.lines); {
		j := i
		nav := false
		for j < len(s.lines) && isShortLine(s.lines[j]) {
			nav = nav || navWords[lowerText(strings.TrimSpace(s.lines[j]))]
			j++
		}
		if j-i >= 3 && nav {
			for k := i; k < j; k++ {
				s.noise = append(s.noise, film.Noise{Line: k + 1, Text: strings.TrimSpace(s.lines[k]), Reason: "navigation"})
				s.lines[k] = ""
			}
		}
		if j == i {
			j++
		}
		i = j
	}
}

// isShortLine is a menu-sized line: a few words, no sentence.
func isShortLine(l string) bool {
	t := strings.TrimSpace(l)
	if t == "" || len(t) > 40 || strings.HasPrefix(t, "#") {
		return false
	}
	if n := fieldCount(t); n > 4 {
		return false
	}
	return !strings.Contains(strings.TrimRight(t, "."), ". ")
}

// breadcrumbs blanks a scraped page's trail ("HomeCultureFilm Review: We
// Steal Secrets…"): a line that ends with the text of the next one, the
// page's own headline, and holds more before it.
func (s *source) breadcrumbs() {
	for i := 0; i < len(s.lines) && i < 40; i++ {
		t := strings.TrimSpace(s.lines[i])
		if t == "" {
			continue
		}
		j := i + 1
		for j < len(s.lines) && j < i+4 && strings.TrimSpace(s.lines[j]) == "" {
			j++
		}
		if j >= len(s.lines) {
			return
		}
		next := strings.TrimSpace(s.lines[j])
		if len(next) >= 10 && len(t) > len(next)+2 && strings.HasSuffix(t, next) {
			s.noise = append(s.noise, film.Noise{Line: i + 1, Text: t, Reason: "breadcrumb"})
			s.lines[i] = ""
		}
	}
}
