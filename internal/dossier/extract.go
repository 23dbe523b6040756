package dossier

import (
	"sort"
	"strings"
	"sync"

	"marquee/internal/film"
)

// unit is one piece of running text with where it stands.
type unit struct {
	text string
	line int
	kind film.SectionKind
	// awards: the unit stands under an awards heading ("Wins",
	// "Nominations"), whose "Award (Winner)" items pair no cast.
	awards bool
	ws     []word // capitalised words and connectors, filled by harvest
	spans  []span // quoted stretches, filled by harvest
}

// units lists the dossier's paragraphs, list items, table cells and FAQ
// pairs in reading order.
func units(d *film.Dossier) []unit {
	n := len(d.FAQ) * 2
	for _, s := range d.Sections {
		n += len(s.Blocks)
		for _, sub := range s.Subsections {
			n += len(sub.Blocks)
		}
	}
	out := unitScratch.get(n)
	add := func(k film.SectionKind, bs []film.Block, awards bool) {
		for _, b := range bs {
			switch b.Kind {
			case film.BlockParagraph:
				out = append(out, unit{text: b.Text, line: b.Line, kind: k})
			case film.BlockList:
				for _, it := range b.Items {
					out = append(out, unit{text: it, line: b.Line, kind: k, awards: awards})
				}
			case film.BlockTable:
				for _, r := range b.Rows {
					out = append(out, unit{text: strings.Join(r, ", "), line: b.Line, kind: k})
				}
			}
		}
	}
	for _, f := range d.Interview {
		out = append(out, unit{text: f.Question, line: f.Line, kind: film.SectionIntroduction}, unit{text: f.Answer, line: f.Line, kind: film.SectionIntroduction})
	}
	faqDone := false
	for _, s := range d.Sections {
		add(s.Kind, s.Blocks, awardHeading(s.Heading) != "")
		for _, sub := range s.Subsections {
			add(s.Kind, sub.Blocks, awardHeading(s.Heading) != "" || awardHeading(sub.Label) != "")
		}
		if s.Kind == film.SectionFAQ && !faqDone {
			faqDone = true
			for _, f := range d.FAQ {
				out = append(out, unit{text: f.Question, line: f.Line, kind: s.Kind}, unit{text: f.Answer, line: f.Line, kind: s.Kind})
			}
		}
	}
	return out
}

// extractor finds people, places, publications, films, cast and quotes.
type extractor struct {
	d        *film.Dossier
	cat      Catalog
	lookups  int
	known    map[string]bool     // full names of people
	roles    map[string]bool     // character names, never people
	pairs    map[string]bool     // cast pairs already listed
	surnames map[string]string   // "Baker" → "Sean Baker"
	siblings map[string]string   // "Mark" → "Mark Duplass", from "Mark and Jay Duplass"
	catalog  map[string]string   // catalog answers by name: slug or ""
	mention  map[mentionKey]bool // already listed
	titles   []string            // every quoted title, repeats included
	words    []word              // backing store of the units' words
	linked   map[string]bool     // folded link text → its target is a film's article (read_linkkinds.go)
	notFilms map[string]bool     // folded titles the article says are series, novels, …
	// tableActors are the actors a cast table names.
	tableActors map[string]bool
	// directorQuotes index the quotations "the director" said.
	directorQuotes []int
}

// maxLookups bounds catalog calls per article, so a pathological input
// cannot turn into millions of queries.
const maxLookups = 2000

// newExtractor returns an extractor for d, with maps kept from an earlier
// Parse when there is one (see release).
func newExtractor(d *film.Dossier, opts *Options) *extractor {
	x, ok := extractorPool.Get().(*extractor)
	if !ok {
		x = &extractor{known: map[string]bool{}, roles: map[string]bool{}, pairs: map[string]bool{}, surnames: map[string]string{}, siblings: map[string]string{},
			catalog: map[string]string{}, mention: map[mentionKey]bool{}, linked: map[string]bool{}, notFilms: map[string]bool{}, tableActors: map[string]bool{}}
	}
	x.d, x.cat = d, opts.Catalog
	for _, n := range append(append([]string{}, opts.Directors...), opts.KnownPeople...) {
		x.learn(n)
	}
	return x
}

// extractorPool keeps extractors between Parse calls: an article's maps
// of names, mentions and pairs grow from empty each time otherwise.
var extractorPool sync.Pool

// maxKeptMap is the most entries a map may have held to be kept: a map
// that grew for a very long article would make every clear after it slow.
const maxKeptMap = 512

// release empties x and keeps it for the next article. x must not be
// used after.
func (x *extractor) release() {
	if len(x.known) > maxKeptMap || len(x.surnames) > maxKeptMap || len(x.mention) > maxKeptMap || len(x.catalog) > maxKeptMap ||
		len(x.pairs) > maxKeptMap || len(x.roles) > maxKeptMap || len(x.siblings) > maxKeptMap || len(x.linked) > maxKeptMap || len(x.notFilms) > maxKeptMap ||
		len(x.tableActors) > maxKeptMap {
		return
	}
	clear(x.known)
	clear(x.roles)
	clear(x.pairs)
	clear(x.surnames)
	clear(x.siblings)
	clear(x.catalog)
	clear(x.mention)
	clear(x.linked)
	clear(x.notFilms)
	clear(x.tableActors)
	*x = extractor{known: x.known, roles: x.roles, pairs: x.pairs, surnames: x.surnames, siblings: x.siblings,
		catalog: x.catalog, mention: x.mention, linked: x.linked, notFilms: x.notFilms, tableActors: x.tableActors}
	extractorPool.Put(x)
}

// learn records a person's full name so that later surnames expand to it.
func (x *extractor) learn(name string) {
	name = strings.TrimSpace(name)
	if name == "" || x.known[name] {
		return
	}
	x.known[name] = true
	// Every tail of the name may stand for it: "Niro" and "De Niro" are
	// Robert De Niro; the first person learned keeps a tail.
	for i := strings.IndexByte(name, ' '); i > 0; {
		tail := name[i+1:]
		if _, ok := x.surnames[tail]; !ok {
			x.surnames[tail] = name
		}
		j := strings.IndexByte(tail, ' ')
		if j < 0 {
			break
		}
		i += 1 + j
	}
}

// resolve returns the full name a capitalised run stands for, if it is a
// person we know of.
func (x *extractor) resolve(name string) (string, bool) {
	if x.roles[name] {
		return "", false
	}
	if x.known[name] {
		return name, true
	}
	if full, ok := x.surnames[name]; ok && !x.roles[full] {
		return full, true
	}
	return "", false
}

// lookupPerson asks the catalog once per name.
func (x *extractor) lookupPerson(name string) (string, bool) {
	if x.cat == nil {
		return "", false
	}
	key := "p\x00" + name
	if slug, ok := x.catalog[key]; ok {
		return slug, slug != ""
	}
	if x.lookups >= maxLookups {
		return "", false
	}
	x.lookups++
	slug, ok := x.cat.PersonByName(name)
	if !ok {
		slug = ""
	}
	x.catalog[key] = slug
	return slug, slug != ""
}

func (x *extractor) lookupFilm(title string, year int) (string, bool) {
	if x.cat == nil {
		return "", false
	}
	key := "f\x00" + title
	if slug, ok := x.catalog[key]; ok {
		return slug, slug != ""
	}
	if x.lookups >= maxLookups {
		return "", false
	}
	x.lookups++
	slug, ok := x.cat.FilmByTitle(title, year)
	if !ok && year != 0 {
		slug, ok = x.cat.FilmByTitle(title, 0)
	}
	if !ok {
		slug = ""
	}
	x.catalog[key] = slug
	return slug, slug != ""
}

// add lists a mention once, linking it when the catalog knows it.
func (x *extractor) add(kind, name, slug string) {
	key := mentionKey{kind, name}
	if x.mention[key] {
		return
	}
	x.mention[key] = true
	m := &x.d.Mentions
	switch kind {
	case "film":
		m.Films = append(m.Films, name)
	case "person":
		m.People = append(m.People, name)
	case "place":
		m.Places = append(m.Places, name)
	case "publication":
		m.Publications = append(m.Publications, name)
	}
	if slug != "" {
		x.d.Links = append(x.d.Links, film.Link{Kind: kind, Name: name, Slug: slug})
	}
}

// mentionKey is a mention by kind ("film", "person", …) and name.
type mentionKey struct{ kind, name string }

// inSpans reports whether byte offset i lies inside one of spans, which
// are sorted and do not overlap. It searches, rather than scans, so that a
// paragraph with thousands of quotations stays linear.
func inSpans(spans []span, i int) bool {
	k := sort.Search(len(spans), func(k int) bool { return spans[k].end > i })
	return k < len(spans) && spans[k].start <= i
}
