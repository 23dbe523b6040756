package web

import (
	"fmt"
	"hash/fnv"
	"html/template"
	"strings"

	"marquee/internal/film"
)

// poster draws a typographic poster for a film without artwork: the title
// set large on a colour derived from the slug, with year and director.
// The colours are dark enough for white text to pass WCAG AA.
func poster(f *film.Film, directors []string) template.HTML {
	h := fnv.New32a()
	h.Write([]byte(f.Slug))
	sum := h.Sum32()
	hue := sum % 360
	hue2 := (hue + 40 + sum/360%60) % 360
	lines := wrapTitle(f.Title, 11)
	longest := 1
	for _, l := range lines {
		longest = max(longest, len([]rune(l)))
	}
	// A bold serif capital runs about 0.6 em wide; keep lines inside 170 units.
	size := min(44, int(170/(0.6*float64(longest))))
	if len(lines) > 3 {
		size = min(size, 34)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 300" role="img" aria-label="%s" class="poster">`, esc("Poster: "+f.Title))
	fmt.Fprintf(&b, `<defs><linearGradient id="pg-%s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(%d,45%%,22%%)"/><stop offset="1" stop-color="hsl(%d,50%%,12%%)"/></linearGradient></defs>`, esc(f.Slug), hue, hue2)
	fmt.Fprintf(&b, `<rect width="200" height="300" fill="url(#pg-%s)"/>`, esc(f.Slug))
	fmt.Fprintf(&b, `<rect x="10" y="10" width="180" height="280" fill="none" stroke="hsl(%d,60%%,75%%)" stroke-width="1"/>`, hue)
	y := 70
	for _, l := range lines {
		fmt.Fprintf(&b, `<text x="100" y="%d" text-anchor="middle" fill="#fff" font-family="Georgia, 'Times New Roman', serif" font-size="%d" font-weight="700">%s</text>`, y, size, esc(l))
		y += size + 4
	}
	if f.Year != 0 {
		fmt.Fprintf(&b, `<text x="100" y="%d" text-anchor="middle" fill="hsl(%d,70%%,85%%)" font-family="system-ui, sans-serif" font-size="16" letter-spacing="4">%d</text>`, y+10, hue, f.Year)
	}
	if len(directors) > 0 {
		d := "A FILM BY " + strings.ToUpper(strings.Join(directors, " & "))
		fs := 11
		if len(d) > 30 {
			fs = 8
		}
		// A sans capital runs about 0.62 em, plus the letter spacing: a
		// byline wider than the frame's 170 units is squeezed to fit it
		// rather than cut off at both edges.
		fit := ""
		if n := float64(len([]rune(d))); n*0.62*float64(fs)+(n-1)*1.5 > 170 {
			fit = ` textLength="170" lengthAdjust="spacingAndGlyphs"`
		}
		fmt.Fprintf(&b, `<text x="100" y="272" text-anchor="middle" fill="#fff" font-family="system-ui, sans-serif" font-size="%d" letter-spacing="1.5"%s>%s</text>`, fs, fit, esc(d))
	}
	b.WriteString("</svg>")
	return template.HTML(b.String())
}

// wrapTitle breaks a title into lines of about width characters.
func wrapTitle(t string, width int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(t) {
		if cur != "" && len(cur)+1+len(w) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > 5 {
		lines = append(lines[:4], lines[4]+"…")
		lines = lines[:5]
	}
	return lines
}

// portrait draws a placeholder for a person without a photo: their
// initials on a tinted disc.
func portrait(p *film.Person) template.HTML {
	h := fnv.New32a()
	h.Write([]byte(p.Slug))
	hue := h.Sum32() % 360
	var ini []rune
	for _, w := range strings.Fields(p.Name) {
		r := []rune(w)
		if len(r) > 0 && len(ini) < 2 {
			ini = append(ini, r[0])
		}
	}
	return template.HTML(fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" role="img" aria-label="%s" class="portrait"><circle cx="60" cy="60" r="60" fill="hsl(%d,35%%,28%%)"/><text x="60" y="74" text-anchor="middle" fill="#fff" font-family="Georgia, serif" font-size="40">%s</text></svg>`,
		esc("No photo of "+p.Name), hue, esc(string(ini))))
}
