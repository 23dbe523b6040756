package web

import (
	"html/template"
	"strings"

	"marquee/internal/member"
)

// activityHTML is activityText for a page: the member, the film and the
// member followed are links (the film's title, not a separate "film"
// link); everything else is escaped text.
func activityHTML(a member.Activity) template.HTML {
	text := activityText(a)
	esc := template.HTMLEscapeString
	link := func(href, label string) string { return `<a href="` + esc(href) + `">` + esc(label) + `</a>` }
	rest, ok := strings.CutPrefix(text, a.Member)
	if !ok {
		return template.HTML(esc(text))
	}
	out := link("/members/"+a.Member, a.Member)
	switch {
	case a.FilmSlug != "" && a.FilmTitle != "" && strings.Contains(rest, a.FilmTitle):
		i := strings.Index(rest, a.FilmTitle)
		out += esc(rest[:i]) + link("/films/"+a.FilmSlug, a.FilmTitle) + esc(rest[i+len(a.FilmTitle):])
	case a.Kind == "followed" && a.Object != "" && strings.HasSuffix(rest, a.Object):
		out += esc(strings.TrimSuffix(rest, a.Object)) + link("/members/"+a.Object, a.Object)
	default:
		out += esc(rest)
	}
	return template.HTML(out)
}
