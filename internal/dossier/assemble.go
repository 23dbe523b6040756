package dossier

import (
	"strconv"
	"strings"

	"marquee/internal/film"
)

// The assemble stage settles what the structure and extract stages leave
// open: the kind of a headingless article's one section, and the film's
// identity in the order of trust — front matter, then a credits line, the
// first heading, the first sentence.

// lead is the section that opens the article: its introduction, or the
// one section of a headingless review.
func lead(d *film.Dossier) *film.Section {
	if s := d.Section(film.SectionIntroduction); s != nil {
		return s
	}
	if len(d.Sections) > 0 && d.Sections[0].Kind == film.SectionReview {
		return &d.Sections[0]
	}
	return nil
}

// settleUntitled makes an article without section headings one section:
// a review when the article says it is one, else an introduction.
func settleUntitled(d *film.Dossier, meta *frontMatter) {
	if len(d.Sections) == 0 {
		return
	}
	if d.Title == "" && len(d.Sections) == 1 && d.Sections[0].Heading != "" && len(d.FAQ) == 0 &&
		len(d.Sections[0].Subsections) == 0 && wordCount(d.Sections[0].Heading) <= 8 && !knownHeading(d.Sections[0].Heading) {
		// A short first line over one body of text is the article's title
		// ("Aftersun", "RETURN TO SEOUL"), not a section heading.
		d.Title = d.Sections[0].Heading
		d.Sections[0].Heading = ""
	}
	for _, s := range d.Sections {
		if s.Heading != "" || len(s.Subsections) > 0 && s.Kind != film.SectionIntroduction && s.Kind != film.SectionConclusion {
			return
		}
	}
	one := d.Sections[0]
	for _, s := range d.Sections[1:] {
		one.Blocks = append(one.Blocks, s.Blocks...)
		one.Subsections = append(one.Subsections, s.Subsections...)
	}
	var text strings.Builder
	text.WriteString(blocksText(one.Blocks))
	for _, sub := range one.Subsections {
		if text.Len() > 0 {
			text.WriteString("\n\n")
		}
		text.WriteString(sub.Label + ": " + sub.Text)
	}
	one.Text = text.String()
	one.Kind = film.SectionIntroduction
	if meta.reviewHint || isReview(d.Title, d.Source, one.Text) {
		one.Kind = film.SectionReview
	}
	d.Sections = []film.Section{one}
}

func knownHeading(h string) bool {
	_, known := kindOf(h, true)
	return known
}

// isReview reports an article that calls itself a review or grades the
// film the way reviews do ("★★★★", "8/10", "3 out of 5").
func isReview(title, file, text string) bool {
	if strings.Contains(strings.ToLower(title), "review") || strings.Contains(strings.ToLower(file), "review") {
		return true
	}
	if strings.Contains(text, "★") || strings.Contains(text, "☆") {
		return true
	}
	lower := lowerASCII(withoutAggregators(text)) // the cues are ASCII
	for _, cue := range []string{"/10", "/5", " out of 5", " out of 10", " out of four", " out of five", "grade:", "rating:", "verdict:"} {
		if strings.Contains(lower, cue) {
			return true
		}
	}
	return false
}

// applyMeta takes the article's title and the film fields of its front
// matter, which outrank anything read from the text; Options outrank both.
func applyMeta(d *film.Dossier, meta *frontMatter, opts *Options) {
	if !meta.present {
		return
	}
	if meta.Title != "" {
		// The front matter's title outranks a first line taken for one.
		d.Title = meta.Title
	}
	if meta.FilmTitle != "" && opts.Title == "" {
		opts.Title = meta.FilmTitle
	}
	if meta.Year != 0 && opts.Year == 0 {
		opts.Year = meta.Year
	}
	if len(meta.Directors) > 0 && len(opts.Directors) == 0 {
		opts.Directors = meta.Directors
	}
}

// interviewCues say an article is an interview: in its title, its tags or
// its opening paragraph.
var interviewCues = []string{"interview", "in conversation", "a conversation with", "q&a", "we spoke to", "we met", "we talked to", "talks to", "spoke to us", "talk to us", "talked to us"}

// settleInterview moves an interview's questions and answers out of the
// FAQ into Dossier.Interview. Pairs under a headed FAQ section ("## FAQ")
// stay the FAQ.
func settleInterview(d *film.Dossier, meta *frontMatter) {
	if len(d.FAQ) == 0 {
		return
	}
	hint := strings.ToLower(d.Title + " " + strings.Join(meta.Tags, " ") + " " + meta.Layout)
	if len(d.Sections) > 0 {
		// A page titled by its site carries the article's own headline
		// as its first heading: "… – An Interview with Cinematographer …".
		hint += " " + strings.ToLower(d.Sections[0].Heading)
	}
	if l := lead(d); l != nil {
		hint += " " + strings.ToLower(firstClause(l.Text, 400))
	}
	var answers []string
	for _, f := range d.FAQ {
		answers = append(answers, f.Answer)
	}
	if !hasAnyContains(hint, interviewCues) && !spokenAnswers(answers) {
		return
	}
	faqFrom := -1
	for _, s := range d.Sections {
		if s.Kind == film.SectionFAQ && s.Heading != "" {
			faqFrom = s.Line
			break
		}
	}
	var faq []film.FAQ
	for _, f := range d.FAQ {
		if faqFrom >= 0 && f.Line > faqFrom {
			faq = append(faq, f)
		} else {
			d.Interview = append(d.Interview, f)
		}
	}
	d.FAQ = faq
	// The untitled FAQ section that held the interview goes; a headed one
	// with pairs left stays.
	sections := d.Sections[:0]
	for _, s := range d.Sections {
		if s.Kind != film.SectionFAQ || s.Heading != "" && len(faq) > 0 {
			sections = append(sections, s)
		}
	}
	d.Sections = sections
}

// applyCredits takes the film a credits block names, below front matter
// and Options in trust and above anything read from the prose.
func applyCredits(c *creditsBlock, opts *Options) {
	if !c.present {
		return
	}
	if opts.Title == "" && c.title != "" {
		opts.Title = c.title
	}
	if opts.Year == 0 && c.year != 0 {
		opts.Year = c.year
	}
	if len(opts.Directors) == 0 && len(c.directors) > 0 {
		opts.Directors = c.directors
	}
}

// mergeCredits puts the credits block's cast first in the dossier's cast
// (the prose may name the same pairs again) and its runtime and country
// among the facts.
func mergeCredits(d *film.Dossier, c *creditsBlock) {
	if !c.present {
		return
	}
	seen := map[string]bool{}
	cast := make([]film.CastPair, 0, len(c.cast)+len(d.Cast))
	for _, p := range append(append([]film.CastPair{}, c.cast...), d.Cast...) {
		if k := film.Fold(p.Person); !seen[k] {
			seen[k] = true
			cast = append(cast, p)
		}
	}
	d.Cast = cast
	if c.runtime > 0 {
		d.Facts = append(d.Facts, film.ArticleFact{Kind: film.FactRuntime, Value: strconv.Itoa(c.runtime) + " minutes", Amount: int64(c.runtime), Line: c.line})
	}
	if c.country != "" {
		d.Facts = append(d.Facts, film.ArticleFact{Kind: film.FactCountry, Value: c.country, Line: c.line})
	}
}
