package dossier

import (
	"fmt"
	"strings"

	"marquee/internal/film"
)

// Parse reads an article (plain text or Markdown, UTF-8 or Latin-1, any
// line endings) into a dossier. file names the input in errors and in
// Dossier.Source; opts may be nil.
//
// Parse runs the pipeline: read (decode, front matter, HTML main content,
// wikitext remnants), structure (blocks, sections), extract (people,
// films, cast, quotes, facts) and assemble (identity, normalised lists).
//
// Parse never panics and runs in time linear in len(src). Input it cannot
// use — empty, binary, too large, only a table, or a page with no article
// text — gives one *ParseError; an article with no headings is one
// section. Latin-1 input is converted
// and noted in Dossier.Warnings. Page noise (bylines, "Advertisement", …)
// is dropped from the text and listed in Dossier.Noise. Slices in the
// result are never nil, so JSON shows [] rather than null.
func Parse(file string, src []byte, opts *Options) (d *film.Dossier, err error) {
	if opts == nil {
		opts = &Options{}
	}
	o := *opts // front matter may fill in the film; the caller's Options stay as they are
	opts = &o
	defer func() {
		// A bug must not take down an import of thousands of articles.
		if r := recover(); r != nil {
			d, err = nil, &ParseError{File: file, Reason: fmt.Sprintf("internal error while parsing (%v); please report this file", r)}
		}
	}()
	s, err := read(file, src, opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	blocks, noise := scan(s.lines)
	lineScratch.put(s.lines) // the blocks hold the lines' text, not the slice
	s.lines = nil
	defer blockScratch.put(blocks) // promoteQuestions rewrites blocks in place
	blocks = promoteQuestions(blocks)
	if err := structured(file, blocks); err != nil {
		return nil, err
	}
	d = &film.Dossier{Source: file, Warnings: s.warnings, Noise: append(s.noise, noise...), Format: s.format, References: s.refs}
	assemble(d, blocks)
	dropEmptySections(d)
	if len(d.Sections) == 0 && len(d.FAQ) == 0 {
		return nil, &ParseError{File: file, Line: blocks[0].line, Reason: "only a title, no article text"}
	}
	settleUntitled(d, &s.meta)
	applyMeta(d, &s.meta, opts)
	settleInterview(d, &s.meta)
	applyCredits(&s.cred, opts)
	extract(d, opts, s)
	mergeCredits(d, &s.cred)
	d.Facts = facts(d)
	normalize(d)
	return d, nil
}

// structured rejects input with nothing to parse: only page noise, or
// only tables. An article with no headings is read as one section.
func structured(file string, blocks []block) error {
	headings, questions, tables, text := 0, 0, 0, 0
	for _, b := range blocks {
		switch b.kind {
		case bHeading:
			headings++
		case bQuestion:
			questions++
		case bTable:
			tables++
		default:
			text++
		}
	}
	switch {
	case len(blocks) == 0:
		return &ParseError{File: file, Reason: "no article text (only page noise)"}
	case tables > 0 && headings+questions+text == 0:
		return &ParseError{File: file, Line: blocks[0].line, Reason: "only a table, no article text"}
	}
	return nil
}

// extract runs the two passes over the text, then settles the film's
// identity and drops the film itself from the films it mentions.
func extract(d *film.Dossier, opts *Options, s *source) {
	x := newExtractor(d, opts)
	defer x.release()
	for k, v := range s.links {
		x.linked[k] = v
	}
	us := units(d)
	defer unitScratch.put(us)
	for _, u := range us {
		x.linkKinds(u.text)
	}
	x.harvest(us)
	defer wordScratch.put(x.words)
	x.layoutCast(d)
	prev := ""
	for i, u := range us {
		spans := u.spans
		x.mentions(u, spans)
		if i > 0 && us[i-1].kind == u.kind {
			prev = us[i-1].text
		} else {
			prev = ""
		}
		if len(spans) > 0 {
			x.quotes(u, spans, prev)
		}
	}
	x.interviewQuotes(d)
	for i := range d.Quotes {
		if by := s.quoteBy[d.Quotes[i].Text]; by != "" && d.Quotes[i].Speaker == "" {
			d.Quotes[i].Speaker = by
			d.Quotes[i].SpeakerSlug, _ = x.lookupPerson(by)
		}
	}
	for _, t := range s.linkedFilms {
		if title, ok := titleSpan(t); ok {
			slug, _ := x.lookupFilm(title, 0)
			x.add("film", title, slug)
		}
	}
	if len(opts.Directors) == 0 {
		// An infobox is the page's own credits: it outranks the prose.
		opts.Directors = infoboxDirectors(s.refs)
	}
	identify(d, opts, x.titles)
	x.attributeToDirector()
	for _, dir := range d.Film.Directors {
		x.learn(dir)
	}
	d.Mentions.Films = x.filmsKept(d.Mentions.Films, d.Film.Title)
	d.Cast = mergeShortRoles(d.Cast)
}

// normalize makes every list non-nil, so JSON shows [] and not null.
func normalize(d *film.Dossier) {
	if d.Sections == nil {
		d.Sections = []film.Section{}
	}
	for i := range d.Sections {
		if d.Sections[i].Subsections == nil {
			d.Sections[i].Subsections = []film.Subsection{}
		}
	}
	d.FAQ = nonNil(d.FAQ)
	if len(d.Interview) == 0 {
		d.Interview = nil
	}
	d.Cast = nonNil(d.Cast)
	d.Quotes = nonNil(d.Quotes)
	for i := range d.Quotes {
		// British style keeps the comma inside the marks: ‘It works,’ she said.
		d.Quotes[i].Text = strings.TrimRight(strings.TrimSpace(d.Quotes[i].Text), ",;")
	}
	m := &d.Mentions
	m.Films, m.People, m.Places, m.Publications = nonNil(m.Films), nonNil(m.People), nonNil(m.Places), nonNil(m.Publications)
	d.Film.Directors = nonNil(d.Film.Directors)
	d.Film.Title = strings.TrimSpace(d.Film.Title)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
