package web

import (
	"marquee/internal/member"

	"fmt"
	"html"
	"html/template"
	"net/url"
	"strings"
	"time"

	"marquee/internal/film"
	"marquee/internal/knowledge"
)

var funcs = template.FuncMap{
	"join":           strings.Join,
	"money":          money,
	"thousands":      film.Grouped,
	"rating":         func(f float64) string { return fmt.Sprintf("%.1f", f) },
	"minutes":        runtime,
	"date":           func(t time.Time) string { return t.Format("2 January 2006") },
	"isodate":        func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"query":          queryValue,
	"path":           url.PathEscape,
	"lower":          strings.ToLower,
	"severity":       func(s film.Severity) string { return string(s) },
	"add":            func(a, b int) int { return a + b },
	"paras":          func(s string) []string { return splitParas(s) },
	"relKind":        relationLabel,
	"territory":      func(s string) string { return titleCase(s) },
	"int64":          func(n int) int64 { return int64(n) },
	"slug":           film.Slugify,
	"titleRole":      func(r film.Role) string { return roleLabel(r) },
	"creditLabel":    creditLabel,
	"titleFirst":     titleCase,
	"list":           func(s ...string) []string { return s },
	"snippet":        snippet,
	"plural":         plural,
	"byteSize":       byteSize,
	"chunkText":      chunkText,
	"commas":         func(n int) string { return film.Grouped(int64(n)) },
	"chunkOp":        chunkOp,
	"changeURL":      changeURL,
	"awardSource":    knowledge.AwardSource,
	"advisorySource": advisorySourceLabel,
	"activityText":   activityText,
	"activityHTML":   activityHTML,
	"halfStars":      func() []string { return []string{"5", "4.5", "4", "3.5", "3", "2.5", "2", "1.5", "1", "0.5"} },
	"reviewLimit":    func() int { return member.MaxReviewLength },
	"membersStart":   func() template.HTML { return membersStart }, // pagecache_splice.go
	"membersEnd":     func() template.HTML { return membersEnd },
}

// byteSize writes a size limit for a reader: 1 MiB, 512 KiB, 900 bytes.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return film.Grouped(n>>20) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return film.Grouped(n>>10) + " KiB"
	}
	return plural(int(n), "byte", "bytes")
}

// plural is "1 film", "2 films", with thousands separated.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return film.Grouped(int64(n)) + " " + many
}

// snippet makes a search snippet safe to show: everything is escaped
// except the <mark> and </mark> the engine puts around matched words.
func snippet(s string) template.HTML {
	s = strings.NewReplacer("\x02", "", "\x03", "").Replace(s)
	s = strings.NewReplacer("<mark>", "\x02", "</mark>", "\x03").Replace(s)
	s = template.HTMLEscapeString(html.UnescapeString(s))
	return template.HTML(strings.NewReplacer("\x02", "<mark>", "\x03", "</mark>").Replace(s))
}

// runtime formats minutes as "1 h 44 min".
func runtime(m int) string {
	if m < 60 {
		return fmt.Sprintf("%d min", m)
	}
	return fmt.Sprintf("%d h %02d min", m/60, m%60)
}

func splitParas(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func relationLabel(k film.RelationKind) string {
	switch k {
	case film.RelSequel:
		return "Sequel"
	case film.RelRemake:
		return "Remake"
	case film.RelInfluence:
		return "Influenced by"
	case film.RelCompanion:
		return "Companion piece"
	}
	return "If you liked this"
}

// crewLabel names a crew credit in the infobox, as film credits do.
func crewLabel(r film.Role) string {
	switch r {
	case film.RoleCinematographer:
		return "Cinematography"
	case film.RoleEditor:
		return "Editing"
	case film.RoleComposer:
		return "Music"
	}
	return roleLabel(r)
}

// queryValue escapes s as a URL query value, typed as a URL so that
// html/template, which escapes a plain string in a query again, keeps it
// as it is ("a b" must reach the address as a+b, not a%2bb).
func queryValue(s string) template.URL {
	return template.URL(url.QueryEscape(s)) // only unreserved characters, %, +: safe anywhere in a URL
}
