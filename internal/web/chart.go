package web

import (
	"fmt"
	"html/template"
	"strings"
)

// chart is an inline SVG figure with a data table behind it, so the
// numbers are there for screen readers and for anyone who prefers them.
type chart struct {
	ID      string
	Title   string
	Desc    string
	SVG     template.HTML
	Caption string
	Header  []string
	Rows    [][]string
	// Fit says the chart is drawn fitWidth wide with labels sized for a
	// phone: it is shown at its own size, never widened and scrolled.
	Fit bool
}

// fitWidth is the width, in SVG units, of a chart drawn to fit a phone:
// about a phone's content width, so its 16-unit labels stay near 12 px.
const fitWidth = 480

// svgWriter builds an SVG document; every text it writes is escaped.
type svgWriter struct {
	b strings.Builder
}

func newSVG(id, title, desc string, w, h int) *svgWriter {
	return newSVGRole("img", id, title, desc, w, h)
}

// newLinkedSVG is newSVG for a chart whose marks are links: a group, not
// an image, since an image must not hold controls.
func newLinkedSVG(id, title, desc string, w, h int) *svgWriter {
	return newSVGRole("group", id, title, desc, w, h)
}

func newSVGRole(role, id, title, desc string, w, h int) *svgWriter {
	s := &svgWriter{}
	fmt.Fprintf(&s.b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="%s" aria-labelledby="%s-t %s-d" class="chart" preserveAspectRatio="xMinYMin meet">`, w, h, role, id, id)
	fmt.Fprintf(&s.b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, esc(title), id, esc(desc))
	return s
}

func (s *svgWriter) raw(format string, args ...any) { fmt.Fprintf(&s.b, format, args...) }

func (s *svgWriter) text(x, y float64, anchor, class, text string) {
	fmt.Fprintf(&s.b, `<text x="%.1f" y="%.1f" text-anchor="%s" class="%s">%s</text>`, x, y, anchor, class, esc(text))
}

func (s *svgWriter) rect(x, y, w, h float64, class string) {
	fmt.Fprintf(&s.b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" class="%s"/>`, x, y, w, h, class)
}

func (s *svgWriter) html() template.HTML {
	s.b.WriteString("</svg>")
	return template.HTML(s.b.String())
}

func esc(s string) string { return template.HTMLEscapeString(s) }

// money formats an amount compactly: $8.6M, $430K, €1.2B.
func money(n int64, currency string) string {
	sym := "$"
	switch strings.ToUpper(currency) {
	case "", "USD":
	case "EUR":
		sym = "€"
	case "GBP":
		sym = "£"
	default:
		sym = strings.ToUpper(currency) + " "
	}
	f := float64(n)
	switch {
	case f >= 1e9:
		return sym + trimZero(fmt.Sprintf("%.1f", f/1e9)) + "B"
	case f >= 1e6:
		return sym + trimZero(fmt.Sprintf("%.1f", f/1e6)) + "M"
	case f >= 1e3:
		return sym + trimZero(fmt.Sprintf("%.0f", f/1e3)) + "K"
	}
	return sym + fmt.Sprint(n)
}

func trimZero(s string) string { return strings.TrimSuffix(s, ".0") }
