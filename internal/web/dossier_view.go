package web

import (
	"html/template"
	"sort"
	"strings"

	"marquee/internal/dossier"
	"marquee/internal/film"
)

// dossierView is a dossier shaped for reading: a table of contents,
// sections whose text links the first mention of each catalogued name,
// quotes set beside the section that cites them, and the FAQ.
type dossierView struct {
	D        *film.Dossier
	TOC      []tocEntry
	Sections []sectionView
	FAQ      []film.FAQ
	FAQID    string
	FAQTitle string
	Places   []mention
	Pubs     []mention
	Films    []mention
	People   []mention
	// Facts the article states, shown as the article's and never as the
	// catalog's.
	Facts []factView
}

// factView is one article fact as the page lists it.
type factView struct {
	Label string
	Value string
	Where string // territory, for a gross
	Line  int
}

// factLabels name the kinds of article facts on the page.
var factLabels = map[string]string{
	film.FactBudget: "Budget", film.FactGross: "Gross", film.FactRuntime: "Running time",
	film.FactReleaseDate: "Release date", film.FactAwardWon: "Award won", film.FactAwardNominated: "Nominated for",
	film.FactFestival: "Festival", film.FactCountry: "Country",
}

type tocEntry struct {
	ID    string
	Label string
	Subs  []tocEntry
}

type sectionView struct {
	ID          string
	Kind        film.SectionKind
	Heading     string
	Blocks      []template.HTML
	Subsections []subsectionView
	Quotes      []film.Quote
	Words       int
}

type subsectionView struct {
	ID     string
	Label  string
	Blocks []template.HTML
}

type mention struct {
	Name string
	URL  string
}

func newDossierView(d *film.Dossier) *dossierView {
	v := &dossierView{D: d, FAQ: d.FAQ, FAQID: "faq", FAQTitle: "Frequently asked questions"}
	lk := newLinker(d)
	// Section ids follow the one anchor scheme (film.SectionAnchors) that
	// search results and the API link to.
	ids := map[string]bool{}
	anchors := film.SectionAnchors(d.Sections, ids)
	uniq := func(base string) string { return film.UniqueAnchor(ids, base) }
	quotesBy := map[film.SectionKind][]film.Quote{}
	for _, q := range d.Quotes {
		quotesBy[q.Section] = append(quotesBy[q.Section], q)
	}
	placed := map[film.SectionKind]bool{}
	for i, sec := range d.Sections {
		heading := sec.Heading
		if heading == "" {
			heading = sec.Kind.Label()
		}
		if isCastHeading(heading) && len(d.Cast) > 0 {
			// The film page has one Cast section, its table; the article's
			// own cast list is in it, and only its prose stays here.
			if sec.Blocks = proseOnly(sec.Blocks); len(sec.Blocks) == 0 && len(sec.Subsections) == 0 {
				continue
			}
			heading = "About the cast"
		}
		if sec.Kind == film.SectionFAQ && len(d.FAQ) > 0 {
			v.FAQTitle = heading
			v.TOC = append(v.TOC, tocEntry{ID: "faq", Label: heading})
			continue
		}
		sv := sectionView{ID: anchors[i], Kind: sec.Kind, Heading: heading, Words: len(strings.Fields(sec.Text))}
		sv.Blocks = lk.blocks(sec.Blocks)
		if len(sec.Blocks) == 0 && len(sec.Subsections) == 0 && sec.Text != "" {
			sv.Blocks = lk.blocks(paragraphs(sec.Text))
		}
		te := tocEntry{ID: sv.ID, Label: heading}
		for _, sub := range sec.Subsections {
			ss := subsectionView{ID: uniq(sv.ID + "-" + slugOr(sub.Label, "part")), Label: sub.Label}
			ss.Blocks = lk.blocks(sub.Blocks)
			if len(sub.Blocks) == 0 && sub.Text != "" {
				ss.Blocks = lk.blocks(paragraphs(sub.Text))
			}
			sv.Subsections = append(sv.Subsections, ss)
			if sub.Label != "" {
				te.Subs = append(te.Subs, tocEntry{ID: ss.ID, Label: sub.Label})
			}
		}
		if !placed[sec.Kind] {
			// A quotation the section's text already carries is shown once,
			// there; only quotes from elsewhere are set beside it.
			shown := sectionPlain(sec)
			for _, q := range quotesBy[sec.Kind] {
				if !strings.Contains(shown, strings.TrimRight(q.Text, ".,;: ")) {
					sv.Quotes = append(sv.Quotes, q)
				}
			}
			placed[sec.Kind] = true
		}
		v.Sections = append(v.Sections, sv)
		v.TOC = append(v.TOC, te)
	}
	// Quotes whose section is missing go after the last section.
	var rest []film.Quote
	for _, q := range d.Quotes {
		if !placed[q.Section] {
			rest = append(rest, q)
		}
	}
	if len(rest) > 0 {
		id := uniq("quotes")
		v.Sections = append(v.Sections, sectionView{ID: id, Heading: "In their words", Quotes: rest})
		v.TOC = append(v.TOC, tocEntry{ID: id, Label: "In their words"})
	}
	if len(d.FAQ) > 0 && d.Section(film.SectionFAQ) == nil {
		v.TOC = append(v.TOC, tocEntry{ID: "faq", Label: v.FAQTitle})
	}
	for _, f := range d.Facts {
		if label := factLabels[f.Kind]; label != "" {
			v.Facts = append(v.Facts, factView{Label: label, Value: f.Value, Where: f.Territory, Line: f.Line})
		}
	}
	if len(v.Facts) > 0 {
		v.TOC = append(v.TOC, tocEntry{ID: "article-facts", Label: "According to the article"})
	}
	v.Places = mentions(d.Mentions.Places, func(n string) string { return "/places/" + film.Slugify(n) })
	v.Pubs = mentions(d.Mentions.Publications, func(n string) string { return "/publications/" + film.Slugify(n) })
	v.Films = mentions(d.Mentions.Films, func(n string) string { return lk.url("film", n) })
	v.People = mentions(d.Mentions.People, func(n string) string { return lk.url("person", n) })
	return v
}

func mentions(ns []string, url func(string) string) []mention {
	out := make([]mention, 0, len(ns))
	for _, n := range ns {
		if film.Slugify(n) != "" {
			out = append(out, mention{Name: n, URL: url(n)})
		}
	}
	return out
}

func slugOr(s, alt string) string {
	if v := film.Slugify(s); v != "" {
		if len(v) > 48 {
			v = strings.TrimRight(v[:48], "-")
		}
		return v
	}
	return alt
}

// sectionPlain is all the text a section shows.
func sectionPlain(sec film.Section) string {
	var b strings.Builder
	b.WriteString(sec.Text)
	for _, bl := range sec.Blocks {
		b.WriteString("\n" + bl.PlainText())
	}
	for _, sub := range sec.Subsections {
		b.WriteString("\n" + sub.Text)
		for _, bl := range sub.Blocks {
			b.WriteString("\n" + bl.PlainText())
		}
	}
	return b.String()
}

// isCastHeading reports a section heading that names the cast.
func isCastHeading(h string) bool {
	switch strings.ToLower(strings.TrimSpace(strings.TrimRight(h, ":"))) {
	case "cast", "the cast", "cast list", "starring", "cast and crew", "cast & crew", "cast and characters", "cast & characters", "principal cast", "main cast":
		return true
	}
	return false
}

// proseOnly keeps a section's paragraphs, dropping the lists and tables
// that hold its cast pairs.
func proseOnly(bs []film.Block) []film.Block {
	var out []film.Block
	for _, b := range bs {
		if b.Kind == film.BlockParagraph {
			out = append(out, b)
		}
	}
	return out
}

// paragraphs splits plain text on blank lines into paragraph blocks.
func paragraphs(text string) []film.Block {
	var out []film.Block
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, film.Block{Kind: film.BlockParagraph, Text: p})
		}
	}
	return out
}

// linker links the first mention, across the whole dossier, of each name
// the dossier links to a catalog page.
type linker struct {
	names []string          // longest first, so "Sean Baker" wins over "Baker"
	urls  map[string]string // name → URL
	done  map[string]bool
	r     *dossier.HTMLRenderer // the one renderer of dossier text
}

func newLinker(d *film.Dossier) *linker {
	l := &linker{urls: map[string]string{}, done: map[string]bool{}, r: dossier.NewHTMLRenderer(d)}
	for _, k := range d.Links {
		if k.Slug == "" || len(k.Name) < 3 {
			continue
		}
		var u string
		switch k.Kind {
		case "film":
			u = "/films/" + k.Slug
		case "person":
			u = "/people/" + k.Slug
		case "place":
			u = "/places/" + k.Slug
		case "publication":
			u = "/publications/" + k.Slug
		default:
			continue
		}
		if k.Slug == d.Film.Slug {
			continue
		}
		if _, ok := l.urls[k.Name]; !ok {
			l.names = append(l.names, k.Name)
			l.urls[k.Name] = u
		}
	}
	sort.SliceStable(l.names, func(i, j int) bool { return len(l.names[i]) > len(l.names[j]) })
	return l
}

// url is the page of a mentioned film or person when the dossier links
// it, else "".
func (l *linker) url(kind, name string) string {
	u := l.urls[name]
	if (kind == "film" && strings.HasPrefix(u, "/films/")) || (kind == "person" && strings.HasPrefix(u, "/people/")) {
		return u
	}
	return ""
}

// blocks renders bs with the dossier renderer, linking names on the way.
func (l *linker) blocks(bs []film.Block) []template.HTML { return l.r.Blocks(bs, l.text) }

// text writes s escaped, wrapping the first unlinked mention of each name
// in a link.
func (l *linker) text(sb *strings.Builder, s string) {
	for len(s) > 0 {
		at, name := -1, ""
		for _, n := range l.names {
			if l.done[n] {
				continue
			}
			if i := indexWord(s, n); i >= 0 && (at < 0 || i < at) {
				at, name = i, n
			}
		}
		if at < 0 {
			sb.WriteString(l.escape(s))
			return
		}
		l.done[name] = true
		sb.WriteString(l.escape(s[:at]))
		sb.WriteString(`<a href="` + template.HTMLEscapeString(l.urls[name]) + `">` + template.HTMLEscapeString(name) + "</a>")
		s = s[at+len(name):]
	}
}

// indexWord finds n in s at word boundaries.
func indexWord(s, n string) int {
	off := 0
	for {
		i := strings.Index(s[off:], n)
		if i < 0 {
			return -1
		}
		i += off
		end := i + len(n)
		if (i == 0 || !isWordByte(s[i-1])) && (end == len(s) || !isWordByte(s[end])) {
			return i
		}
		off = i + 1
	}
}

// escape escapes s for HTML, titles set as <cite> (the dossier renderer).
func (l *linker) escape(s string) string { return l.r.Text(s) }

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
