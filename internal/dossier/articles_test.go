package dossier

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

// TestParseArticles parses articles written in the styles the corpus
// lacks, each checked for its section kinds, FAQ size and what it tests.
func TestParseArticles(t *testing.T) {
	for _, tt := range append(seenArticles, unseenArticles...) {
		t.Run(tt.file, func(t *testing.T) { checkArticle(t, tt) })
	}
}

// article is what a careful reader finds in one test article.
type article struct {
	file      string
	kinds     []film.SectionKind
	headings  map[int]string // section index → heading, where it matters
	faq       int
	questions []string // the FAQ's questions, in order, where given
	noise     int
	warnings  int
	subs      map[int][]string
	cast      []film.CastPair
	quotes    []quote
	people    []string // must all be among the mentioned people
	title     string
	year      int
	directors []string
}

var seenArticles = []article{{
	file:     "caps-numbered-crlf.txt",
	kinds:    []film.SectionKind{"introduction", "synopsis", "reception", "other", "faq"},
	headings: map[int]string{0: "INTRODUCTION", 3: "AWARDS AND NOMINATIONS"},
	faq:      3, noise: 5,
	cast:   []film.CastPair{{Person: "Adam Driver", Character: "Paterson"}, {Person: "Golshifteh Farahani", Character: "Laura"}},
	quotes: []quote{{"I wanted to make a film", "Jim Jarmusch", "The Guardian"}},
	title:  "Paterson", year: 2016, directors: []string{"Jim Jarmusch"},
}, {
	file:     "setext-table.md",
	kinds:    []film.SectionKind{"introduction", "synopsis", "other", "box_office", "faq"},
	headings: map[int]string{0: "", 2: "Awards and Nominations"},
	faq:      2,
	cast:     []film.CastPair{{Person: "Trevante Rhodes", Character: "Chiron"}},
	title:    "Moonlight", year: 2016,
}, {
	file:  "colon-reordered.txt",
	kinds: []film.SectionKind{"reception", "synopsis", "plot", "conclusion", "faq"},
	faq:   2,
	title: "The Last Crossing",
}, {
	file:     "question-headings.md",
	kinds:    []film.SectionKind{"introduction", "characters", "impact", "other", "faq"},
	headings: map[int]string{3: "Trivia"},
	faq:      3,
	cast: []film.CastPair{{Person: "Greta Lee", Character: "Nora Moon"}, {Person: "Teo Yoo", Character: "Hae Sung"},
		{Person: "John Magaro", Character: "Arthur"}},
	title: "Past Lives", year: 2023,
}, {
	file:  "no-blank-lines-crlf.txt",
	kinds: []film.SectionKind{"introduction", "synopsis", "themes", "reception", "conclusion"},
	noise: 4,
	subs:  map[int][]string{2: {"Memory and Grief"}},
	cast:  []film.CastPair{{Person: "Frankie Corio", Character: "Sophie"}, {Person: "Paul Mescal", Character: "Calum"}},
	title: "Aftersun", year: 2022,
}, {
	file:  "bold-labels.md",
	kinds: []film.SectionKind{"introduction", "production", "themes", "faq"},
	faq:   2,
	subs:  map[int][]string{1: {"Setting", "Sound"}, 2: {"Banality of Evil"}},
	title: "The Zone of Interest", year: 2023,
}, {
	file:     "latin1.txt",
	kinds:    []film.SectionKind{"introduction", "synopsis", "cinematography", "conclusion"},
	warnings: 1,
	title:    "Amélie", year: 2001,
}, {
	file:  "wrapped-subnumbered.txt",
	kinds: []film.SectionKind{"introduction", "synopsis", "sound", "box_office", "conclusion", "faq"},
	faq:   2,
	subs:  map[int][]string{1: {"Setting", "The Turn"}},
	cast:  []film.CastPair{{Person: "Riz Ahmed", Character: "Ruben Stone"}, {Person: "Paul Raci", Character: "Joe"}},
	title: "Sound of Metal", year: 2019,
}, {
	file:  "web-scrape.md",
	kinds: []film.SectionKind{"introduction", "plot", "characters", "reception", "faq"},
	faq:   2, noise: 6,
	cast: []film.CastPair{{Person: "Mikey Madison", Character: "Ani"}, {Person: "Mark Eydelshteyn", Character: "Vanya"},
		{Person: "Yura Borisov", Character: "Igor"}},
	quotes: []quote{{"a screwball comedy", "Peter Bradshaw", "The Guardian"}},
	title:  "Anora", year: 2024, directors: []string{"Sean Baker"},
}, {
	file:     "caps-with-subheadings.txt",
	kinds:    []film.SectionKind{"other", "synopsis", "themes", "conclusion"},
	headings: map[int]string{0: "A REVIEW OF NOAH BAUMBACH'S DIVORCE DRAMA"},
	subs:     map[int][]string{1: {"The Setting", "The Family"}, 2: {"Pretension"}},
	cast:     []film.CastPair{{Person: "Jeff Daniels", Character: "Bernard"}, {Person: "Laura Linney", Character: "Joan"}},
	title:    "THE SQUID AND THE WHALE", year: 2005,
}}

// checkArticle compares one article's parse with what a reader finds.
func checkArticle(t *testing.T, tt article) {
	d := parseFile(t, filepath.Join("testdata", "articles", tt.file))
	var kinds []film.SectionKind
	for _, s := range d.Sections {
		kinds = append(kinds, s.Kind)
	}
	if diff := cmp.Diff(tt.kinds, kinds); diff != "" {
		t.Errorf("kinds (-want +got):\n%s", diff)
	}
	for i, h := range tt.headings {
		if i < len(d.Sections) && d.Sections[i].Heading != h {
			t.Errorf("section %d heading = %q, want %q", i, d.Sections[i].Heading, h)
		}
	}
	for i, labels := range tt.subs {
		if i < len(d.Sections) {
			if diff := cmp.Diff(labels, outlineOf(d)[i].Subs); diff != "" {
				t.Errorf("section %d labels (-want +got):\n%s", i, diff)
			}
		}
	}
	if len(d.FAQ) != tt.faq || len(d.Noise) != tt.noise || len(d.Warnings) != tt.warnings {
		t.Errorf("faq, noise, warnings = %d, %d, %d; want %d, %d, %d\nnoise: %v",
			len(d.FAQ), len(d.Noise), len(d.Warnings), tt.faq, tt.noise, tt.warnings, d.Noise)
	}
	if tt.cast != nil {
		if diff := cmp.Diff(tt.cast, d.Cast); diff != "" {
			t.Errorf("cast (-want +got):\n%s", diff)
		}
	}
	if tt.quotes != nil {
		if diff := cmp.Diff(tt.quotes, quotesOf(d, tt.quotes)); diff != "" {
			t.Errorf("quotes (-want +got):\n%s", diff)
		}
	}
	if tt.directors != nil {
		if diff := cmp.Diff(tt.directors, d.Film.Directors); diff != "" {
			t.Errorf("directors (-want +got):\n%s", diff)
		}
	}
	if d.Film.Title != tt.title || d.Film.Year != tt.year {
		t.Errorf("film = %q (%d), want %q (%d)", d.Film.Title, d.Film.Year, tt.title, tt.year)
	}
	if tt.questions != nil {
		var qs []string
		for _, f := range d.FAQ {
			qs = append(qs, f.Question)
		}
		if diff := cmp.Diff(tt.questions, qs); diff != "" {
			t.Errorf("FAQ questions (-want +got):\n%s", diff)
		}
	}
	if m := missingFrom(tt.people, d.Mentions.People); len(m) > 0 {
		t.Errorf("people %q not found among %q", m, d.Mentions.People)
	}
}
