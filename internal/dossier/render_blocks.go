package dossier

import (
	"html/template"
	"strings"

	"marquee/internal/film"
)

// HTMLRenderer writes a dossier's blocks and running text as HTML. It is
// the one renderer of dossier text: RenderHTML and the site's film page
// both go through it, so an article reads the same in an export and on
// the page. Every piece of text is escaped; markup comes only from the
// renderer itself.
type HTMLRenderer struct {
	titles []string // titles of the works the dossier names, escaped
}

// NewHTMLRenderer returns the renderer for d: the titles it sets as
// <cite> are the film's own, the films it mentions and the publications
// it cites.
func NewHTMLRenderer(d *film.Dossier) *HTMLRenderer {
	r := &HTMLRenderer{}
	seen := map[string]bool{}
	for _, list := range [][]string{{d.Film.Title}, d.Mentions.Films, d.Mentions.Publications} {
		for _, t := range list {
			if t = strings.TrimSpace(t); t != "" && !seen[t] {
				seen[t] = true
				r.titles = append(r.titles, template.HTMLEscapeString(t))
			}
		}
	}
	return r
}

// Text returns s escaped for HTML. An italic title in the article —
// which the parser keeps as a “quoted” title, the way plain text writes
// one — is set as <cite> again when it names a work the dossier knows, so
// "*Parasite*" reads in italics, not as “Parasite”.
func (r *HTMLRenderer) Text(s string) string {
	e := template.HTMLEscapeString(s)
	if !strings.Contains(e, "“") {
		return e
	}
	for _, t := range r.titles {
		if q := "“" + t + "”"; strings.Contains(e, q) {
			e = strings.ReplaceAll(e, q, "<cite>"+t+"</cite>")
		}
	}
	return e
}

// Inline writes one piece of a block's text; it must escape what it
// writes. The site's inline links the first mention of catalogued names.
type Inline func(sb *strings.Builder, s string)

// Blocks renders bs: paragraphs as <p>, lists as <ul> or <ol>, tables
// with a header row of <th scope="col"> inside a scrolling wrapper. Each
// piece of text goes through inline, or Text when inline is nil.
func (r *HTMLRenderer) Blocks(bs []film.Block, inline Inline) []template.HTML {
	if inline == nil {
		inline = func(sb *strings.Builder, s string) { sb.WriteString(r.Text(s)) }
	}
	out := make([]template.HTML, 0, len(bs))
	for _, b := range bs {
		var sb strings.Builder
		switch b.Kind {
		case film.BlockList:
			tag := "ul"
			if b.Ordered {
				tag = "ol"
			}
			sb.WriteString("<" + tag + ">")
			for _, it := range b.Items {
				sb.WriteString("<li>")
				inline(&sb, it)
				sb.WriteString("</li>")
			}
			sb.WriteString("</" + tag + ">")
		case film.BlockTable:
			sb.WriteString(`<div class="table-wrap"><table>`)
			if len(b.Header) > 0 {
				sb.WriteString("<thead><tr>")
				for _, h := range b.Header {
					sb.WriteString(`<th scope="col">` + r.Text(h) + "</th>")
				}
				sb.WriteString("</tr></thead>")
			}
			sb.WriteString("<tbody>")
			for _, row := range b.Rows {
				sb.WriteString("<tr>")
				for _, c := range row {
					sb.WriteString("<td>")
					inline(&sb, c)
					sb.WriteString("</td>")
				}
				sb.WriteString("</tr>")
			}
			sb.WriteString("</tbody></table></div>")
		default:
			sb.WriteString("<p>")
			inline(&sb, b.Text)
			sb.WriteString("</p>")
		}
		out = append(out, template.HTML(sb.String()))
	}
	return out
}
