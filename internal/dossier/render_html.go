package dossier

import (
	"bytes"
	"html/template"
	"strconv"

	"marquee/internal/film"
)

// htmlPage is what the HTML template sees.
type htmlPage struct {
	Title    string
	Sections []htmlSection
	FAQ      []film.FAQ
	Quotes   []film.Quote
}

type htmlSection struct {
	ID, Heading string
	Blocks      []template.HTML
	Subsections []htmlSubsection
	FAQ         bool
}

type htmlSubsection struct {
	Label  string
	Blocks []template.HTML
}

var htmlTmpl = template.Must(template.New("dossier").Parse(`<article class="dossier">
{{- if .Title}}
<h1>{{.Title}}</h1>
{{- end}}
{{- range .Sections}}
<section id="{{.ID}}">
{{- if .Heading}}
<h2>{{.Heading}}</h2>
{{- end}}
{{- range .Blocks}}
{{.}}
{{- end}}
{{- range .Subsections}}
<h3>{{.Label}}</h3>
{{- range .Blocks}}
{{.}}
{{- end}}
{{- end}}
{{- if .FAQ}}
<dl class="faq">
{{- range $.FAQ}}
<dt>{{.Question}}</dt>
<dd>{{.Answer}}</dd>
{{- end}}
</dl>
{{- end}}
</section>
{{- end}}
{{- if .Quotes}}
<aside class="quotes">
{{- range .Quotes}}
<blockquote><p>{{.Text}}</p><footer>{{if .Speaker}}{{.Speaker}}{{else}}Unattributed{{end}}{{if .Source}}, <cite>{{.Source}}</cite>{{end}}</footer></blockquote>
{{- end}}
</aside>
{{- end}}
</article>`))

// RenderHTML writes d as an HTML fragment (an <article>), every piece of
// text escaped: sections as <section id=kind> with <h2>, sub-sections as
// <h3>, lists and tables as real HTML, the FAQ as a <dl>, and quotes as
// <blockquote> with the publication in <cite>. A kind that repeats gets
// ids "other", "other-2", ….
func RenderHTML(d *film.Dossier) []byte {
	p := htmlPage{Title: d.Title, FAQ: d.FAQ, Quotes: d.Quotes}
	r := NewHTMLRenderer(d)
	seen := map[film.SectionKind]int{}
	faqDone := false
	for _, s := range d.Sections {
		seen[s.Kind]++
		id := string(s.Kind)
		if n := seen[s.Kind]; n > 1 {
			id += "-" + strconv.Itoa(n)
		}
		isFAQ := s.Kind == film.SectionFAQ && !faqDone
		faqDone = faqDone || isFAQ
		hs := htmlSection{ID: id, Heading: sectionHeading(s), Blocks: r.Blocks(s.Blocks, nil), FAQ: isFAQ}
		for _, sub := range s.Subsections {
			hs.Subsections = append(hs.Subsections, htmlSubsection{Label: sub.Label, Blocks: r.Blocks(sub.Blocks, nil)})
		}
		p.Sections = append(p.Sections, hs)
	}
	if !faqDone && len(d.FAQ) > 0 {
		p.Sections = append(p.Sections, htmlSection{ID: "faq", Heading: film.SectionFAQ.Label(), FAQ: true})
	}
	var b bytes.Buffer
	if err := htmlTmpl.Execute(&b, p); err != nil {
		// The template is fixed and its data typed, so this is a bug;
		// show it escaped rather than panic in rendering.
		return []byte("<p>" + template.HTMLEscapeString(err.Error()) + "</p>")
	}
	return b.Bytes()
}
