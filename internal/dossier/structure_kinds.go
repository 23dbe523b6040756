package dossier

import (
	"strings"
	"unicode/utf8"

	"marquee/internal/film"
)

// synonyms maps a normalised heading (see normHeading) to its kind.
// "overview" is handled in kindOf because its meaning depends on where
// it stands.
var synonyms = map[string]film.SectionKind{}

func init() {
	for kind, names := range map[film.SectionKind][]string{
		film.SectionIntroduction: {"introduction", "intro", "about the film", "about the movie", "background"},
		film.SectionSynopsis: {"plot synopsis", "synopsis", "premise", "story", "the story", "plot overview",
			"film synopsis", "movie synopsis", "storyline", "logline", "plot outline"},
		film.SectionPlot: {"plot summary", "plot", "summary", "story recap", "recap", "plot recap",
			"plot details", "full plot", "the plot", "story summary", "plot breakdown", "narrative"},
		film.SectionThemes: {"themes and motifs", "themes and symbolism", "themes", "theme", "motifs",
			"symbolism", "themes and meaning", "major themes", "key themes", "thematic analysis", "meaning"},
		film.SectionCharacters: {"cast", "characters", "character analysis", "cast and characters",
			"main cast", "the cast", "cast and crew", "performances", "characters and performances",
			"character study", "who's who", "cast list", "principal cast"},
		film.SectionCinematography: {"cinematography and visuals", "visual style", "cinematography",
			"visuals", "look and feel", "visual language", "camera work", "photography", "visual elements"},
		film.SectionSound: {"soundtrack and sound design", "music and sound", "score", "soundtrack",
			"music", "sound", "sound design", "sound and music", "the score", "music and score"},
		film.SectionReception: {"critical reception", "reception", "critical response", "reviews",
			"critics", "critical reaction", "response", "critical acclaim", "reception and reviews",
			"critical and audience reception", "audience reception", "review"},
		film.SectionImpact: {"impact and significance", "legacy", "cultural impact", "impact",
			"significance", "influence", "cultural significance", "legacy and influence", "impact and legacy"},
		film.SectionComparisons: {"comparison to other films", "comparisons with other films", "similar films",
			"comparisons", "comparison", "comparison with other films", "films like it", "if you liked it",
			"related films", "compared to other films", "comparisons to other films"},
		film.SectionControversies: {"controversies and debates", "controversies", "controversy", "debates",
			"criticism", "criticisms", "controversy and criticism"},
		film.SectionProduction: {"behind the scenes", "production", "making of", "the making of",
			"development", "filming", "production history", "development and production", "production notes",
			"casting", "production and development"},
		film.SectionVision: {"director's vision", "directors vision", "director vision", "the director's vision",
			"directorial vision", "the director", "director's intentions", "director's statement"},
		film.SectionBoxOffice: {"box office performance", "box office", "commercial performance",
			"box office results", "release and box office", "box-office", "financial performance",
			"commercial reception", "box office and release"},
		film.SectionFanTheories: {"fan theories and speculations", "fan theories", "theories",
			"fan theories and speculation", "speculation", "fan speculation", "interpretations"},
		film.SectionConclusion: {"conclusion", "final thoughts", "verdict", "the verdict", "closing thoughts",
			"final verdict", "in conclusion", "conclusions", "wrap up", "wrap-up", "the bottom line",
			"bottom line", "final words", "summing up", "closing", "wrapping up", "final take", "the takeaway", "takeaway", "last word", "the last word",
			"in summary", "to sum up", "in short", "overall", "our take", "my take", "final rating", "our verdict", "my verdict"},
		film.SectionFAQ: {"faq", "faqs", "frequently asked questions", "questions and answers", "q&a",
			"q & a", "common questions", "faq section", "frequently asked question", "people also ask"},
	} {
		for _, n := range names {
			synonyms[normHeading(n)] = kind
		}
	}
}

// keywords decide a kind when no synonym matches exactly, tried in order:
// "Plot Synopsis" must reach synopsis before plot. A keyword matches at
// the start of a word, so "story" is not found in "Release History".
var keywords = []struct {
	word string
	kind film.SectionKind
}{
	{"frequently asked", film.SectionFAQ}, {"faq", film.SectionFAQ},
	{"box office", film.SectionBoxOffice}, {"box-office", film.SectionBoxOffice},
	{"fan theor", film.SectionFanTheories}, {"unanswered", film.SectionFanTheories},
	{"behind the scenes", film.SectionProduction}, {"making of", film.SectionProduction},
	{"vision", film.SectionVision}, {"art direction", film.SectionCinematography},
	{"direction", film.SectionVision}, {"directing", film.SectionVision}, {"director", film.SectionVision},
	{"controvers", film.SectionControversies},
	{"comparison", film.SectionComparisons}, {"compared", film.SectionComparisons}, {"similar", film.SectionComparisons},
	{"legacy", film.SectionImpact}, {"impact", film.SectionImpact},
	{"reception", film.SectionReception}, {"critic", film.SectionReception},
	{"reviews", film.SectionReception}, {"response", film.SectionReception},
	{"soundtrack", film.SectionSound}, {"sound", film.SectionSound}, {"music", film.SectionSound}, {"score", film.SectionSound},
	{"cinematograph", film.SectionCinematography}, {"visual", film.SectionCinematography},
	{"casting", film.SectionProduction},
	{"character", film.SectionCharacters}, {"cast", film.SectionCharacters}, {"performance", film.SectionCharacters},
	{"theme", film.SectionThemes}, {"motif", film.SectionThemes}, {"symbolism", film.SectionThemes},
	{"synopsis", film.SectionSynopsis},
	{"plot", film.SectionPlot}, {"recap", film.SectionPlot},
	{"story", film.SectionSynopsis},
	{"introduc", film.SectionIntroduction},
	{"conclusion", film.SectionConclusion}, {"final thoughts", film.SectionConclusion}, {"verdict", film.SectionConclusion},
	{"final word", film.SectionConclusion}, {"bottom line", film.SectionConclusion},
	{"production", film.SectionProduction}, {"filming", film.SectionProduction}, {"development", film.SectionProduction},
	{"questions", film.SectionFAQ},
}

// kindOf maps a heading to its canonical kind. first says whether the
// heading opens the article, where "Overview" is the introduction. known
// is false for headings left as SectionOther.
func kindOf(heading string, first bool) (kind film.SectionKind, known bool) {
	return kindOfNorm(heading, normHeading(heading), first)
}

// kindOfNorm is kindOf for a heading already normalised as n.
func kindOfNorm(heading, n string, first bool) (kind film.SectionKind, known bool) {
	if n == "overview" {
		if first {
			return film.SectionIntroduction, true
		}
		return film.SectionSynopsis, true
	}
	if k, ok := synonyms[n]; ok {
		return k, true
	}
	// "Her Plot Overview", "Parasite Plot Summary": a synonym after the
	// film's title — but not "about the film" in "Common Questions About
	// the Film", nor one word ("Historical Background" is no introduction).
	for i, w := 0, 0; i < len(n) && w < 6; i++ {
		if n[i] == ' ' {
			w++
			rest := n[i+1:]
			first, _, _ := strings.Cut(rest, " ")
			if k, ok := synonyms[rest]; ok && !smallWords[first] && strings.Contains(rest, " ") {
				return k, true
			}
		}
	}
	if len(n) > 60 {
		return film.SectionOther, false
	}
	// A quoted film title must not decide the kind: "Introduction to
	// “Sound of Metal”" is an introduction.
	kn := n
	if sq := stripQuoted(heading); sq != heading {
		kn = normHeading(sq)
	}
	k := firstKeyword(kn)
	if k < 0 && strings.Contains(kn, "-") {
		k = firstKeyword(strings.ReplaceAll(kn, "-", " ")) // "Pre-production" holds "production"
	}
	if k >= 0 {
		return keywords[k].kind, true
	}
	return film.SectionOther, false
}

// keywordsByByte lists, for each byte, the indexes in keywords of the
// keywords that begin with it, in order.
var keywordsByByte = func() (t [256][]int) {
	for i, kw := range keywords {
		t[kw.word[0]] = append(t[kw.word[0]], i)
	}
	return t
}()

// firstKeyword returns the index of the first of keywords (in their
// order) that s has at the start of a word — wordPrefix(s, kw.word) for
// each in turn — or -1. It visits each word of s once and tries only the
// keywords that begin with its first byte.
func firstKeyword(s string) int {
	best := len(keywords)
	for p := 0; p < len(s); p++ {
		if p > 0 && s[p-1] != ' ' {
			continue
		}
		for _, k := range keywordsByByte[s[p]] {
			if k >= best {
				break
			}
			if strings.HasPrefix(s[p:], keywords[k].word) {
				best = k
				break
			}
		}
	}
	if best == len(keywords) {
		return -1
	}
	return best
}

// normHeading folds case, curly quotes, "&", numbering, and punctuation
// so that "2. PLOT SYNOPSIS:" and "Plot Synopsis" compare equal.
func normHeading(s string) string {
	s, _ = headingText(s)
	s = fold(s)
	var b strings.Builder
	b.Grow(len(s) + 4)
	space := false
	for i := 0; i < len(s); {
		// As "for _, r := range s", with ASCII taken a byte at a time.
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		switch {
		case r == '&':
			if b.Len() > 0 {
				b.WriteString(" and")
			}
			space = true
			continue
		case r == '\'' || r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '"':
		default:
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
		} else {
			b.WriteRune(r)
		}
	}
	out := b.String()
	out = strings.TrimPrefix(out, "the ")
	return out
}

// stripQuoted drops text between double quotes, curly or straight.
func stripQuoted(s string) string {
	if !strings.ContainsAny(s, "\"“") {
		return s
	}
	var b strings.Builder
	in := false
	for _, r := range s {
		switch r {
		case '"':
			in = !in
		case '“':
			in = true
		case '”':
			in = false
		default:
			if !in {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// fold is film.Fold without its Unicode normalisation when s needs none:
// headings are checked on every short line, and most are ASCII.
func fold(s string) string {
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		plain = s[i] < 0x80 && (s[i] < 'A' || s[i] > 'Z')
	}
	if plain {
		return s // already folded: most headings' words are
	}
	for _, r := range s {
		if r >= 0x80 && r != '’' && r != '‘' && r != '“' && r != '”' {
			return film.Fold(s)
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '’' || r == '‘':
			r = '\''
		case r == '“' || r == '”':
			r = '"'
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}
