package knowledge

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"marquee/internal/film"
)

// PersonIntro is what an article says one of its film's credited people
// is, proposed as their biography with the article as its source.
type PersonIntro struct {
	Name     string // the person, as credited on the film
	Text     string // the proposed biography: the description, or the article's sentence
	Sentence string // the sentence it was read from
}

// Bounds of a description, in words: "an American filmmaker" is the
// shortest that says something, and an appositive longer than the upper
// bound has usually run on into the sentence around it.
const (
	introMinWords = 2
	introMaxWords = 40
)

// PersonIntros finds, in the article d, where it introduces a person
// credited on its film, by the one rule that reads a description off a
// sentence without guessing who is meant:
//
//   - the credited name, in full and exactly as credited, followed by an
//     appositive that starts with "a" or "an" ("Sean Baker, an American
//     filmmaker known for Tangerine, …") — the description is proposed,
//     first letter raised ("An American filmmaker known for Tangerine.");
//   - or a sentence that starts with the name, perhaps a parenthesis, then
//     "is a"/"was a"/"is an"/"was an" ("Sean Baker (born 1971) is an
//     American filmmaker.") — the sentence is proposed as written.
//
// It refuses what could be about someone else: a name that two credited
// people share, a name that is, contains or is contained in one of the
// film's character names (a biopic's "Richard Williams, the father …"
// is the character), and the sections that tell the story (plot,
// synopsis, characters, fan theories), whose people are characters. The
// first introduction of a person wins. credited are the names of the
// film's credited people, characters the names of its characters.
func PersonIntros(d *film.Dossier, credited, characters []string) []PersonIntro {
	names := introNames(credited, characters)
	if len(names) == 0 {
		return nil
	}
	var out []PersonIntro
	seen := map[string]bool{}
	for _, text := range introTexts(d) {
		for _, sent := range introSentences(text) {
			for _, name := range names {
				if seen[name] {
					continue
				}
				if intro, ok := introIn(sent, name); ok {
					seen[name] = true
					out = append(out, PersonIntro{Name: name, Text: intro, Sentence: sent})
				}
			}
		}
	}
	return out
}

// introNames are the credited names PersonIntros may read about: in full
// (two words at least), credited once, and no character's name.
func introNames(credited, characters []string) []string {
	count := map[string]int{}
	for _, n := range credited {
		count[strings.TrimSpace(n)]++
	}
	var out []string
	for _, n := range credited {
		n = strings.TrimSpace(n)
		if count[n] != 1 || len(strings.Fields(n)) < 2 || namesCharacter(n, characters) {
			continue
		}
		count[n] = 0 // once
		out = append(out, n)
	}
	return out
}

// namesCharacter reports whether the person's name and a character's name
// could be read one for the other.
func namesCharacter(name string, characters []string) bool {
	n := film.Fold(name)
	for _, c := range characters {
		c = film.Fold(c)
		if c != "" && (c == n || containsWords(c, n) || containsWords(n, c)) {
			return true
		}
	}
	return false
}

// containsWords reports whether the words of part appear, in order and
// whole, in s.
func containsWords(s, part string) bool {
	return strings.Contains(" "+s+" ", " "+part+" ")
}

// introTexts are the article's texts that may introduce people: every
// section but those that tell the story, and its interview answers.
func introTexts(d *film.Dossier) []string {
	var out []string
	for _, s := range d.Sections {
		switch s.Kind {
		case film.SectionPlot, film.SectionSynopsis, film.SectionCharacters, film.SectionFanTheories:
			continue
		}
		out = append(out, s.Text)
	}
	return out
}

// introSentences splits text into sentences at a full stop, question or
// exclamation mark (and any closing quotes after it) followed by a space
// and a capital, or at a blank line.
func introSentences(text string) []string {
	var out []string
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.Join(strings.Fields(para), " ")
		start := 0
		for i := 0; i < len(para); i++ {
			if c := para[i]; c != '.' && c != '?' && c != '!' {
				continue
			}
			end := i + 1
			for end < len(para) {
				r, size := utf8.DecodeRuneInString(para[end:])
				if r != '"' && r != '”' && r != '’' && r != '\'' && r != ')' {
					break
				}
				end += size
			}
			if end+1 >= len(para) || para[end] != ' ' {
				continue
			}
			r, _ := utf8.DecodeRuneInString(para[end+1:])
			if unicode.IsUpper(r) && !abbreviation(para[start:i]) {
				out = append(out, para[start:end])
				start = end + 1
				i = end
			}
		}
		if s := strings.TrimSpace(para[start:]); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// abbreviation reports whether text ends in a word that a full stop
// abbreviates rather than ends a sentence with: an initial ("J"), a word
// with stops inside ("U.S"), or a title or address ("Dr", "St", "Jr").
func abbreviation(text string) bool {
	w := text[strings.LastIndexByte(text, ' ')+1:]
	if strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 {
		return true
	}
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Mt", "Ft", "Gen", "Col", "Lt", "Sgt", "Rev", "Prof", "vs":
		return true
	}
	return false
}

// introIn reads the introduction of name in sent, if sent has one.
func introIn(sent, name string) (string, bool) {
	if desc, ok := subjectIntro(sent, name); ok {
		return desc, true
	}
	for at := 0; ; {
		i := strings.Index(sent[at:], name)
		if i < 0 {
			return "", false
		}
		i += at
		at = i + len(name)
		if !wordBoundary(sent, i, at) {
			continue
		}
		if desc, ok := appositive(sent[at:]); ok {
			return desc, true
		}
	}
}

// subjectIntro accepts a sentence that starts with name, perhaps a
// parenthesis, and "is a", "was an", …: the sentence itself.
func subjectIntro(sent, name string) (string, bool) {
	rest, ok := strings.CutPrefix(sent, name)
	if !ok {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	if strings.HasPrefix(rest, "(") {
		end := strings.IndexByte(rest, ')')
		if end < 0 {
			return "", false
		}
		rest = strings.TrimSpace(rest[end+1:])
	}
	for _, verb := range []string{"is a ", "is an ", "was a ", "was an "} {
		if desc, ok := strings.CutPrefix(rest, verb); ok && wordsBetween(desc, introMinWords, introMaxWords) {
			return sent, true
		}
	}
	return "", false
}

// appositive reads ", a …" or ", an …" after a name, up to the clause's
// end, as a description with its first letter raised.
func appositive(after string) (string, bool) {
	rest, ok := strings.CutPrefix(after, ", ")
	if !ok || !(strings.HasPrefix(rest, "a ") || strings.HasPrefix(rest, "an ")) {
		return "", false
	}
	end := strings.IndexAny(rest, ",;:()—–\"“”")
	if end < 0 {
		end = len(rest)
	}
	desc := strings.TrimSpace(strings.TrimRight(rest[:end], ".!? "))
	if !wordsBetween(desc, introMinWords+1, introMaxWords) {
		return "", false
	}
	return strings.ToUpper(desc[:1]) + desc[1:] + ".", true
}

// wordBoundary reports whether s[i:j] stands as whole words.
func wordBoundary(s string, i, j int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if j < len(s) {
		r, _ := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' {
			return false
		}
	}
	return true
}

// wordsBetween reports whether s has from min to max words.
func wordsBetween(s string, min, max int) bool {
	n := len(strings.Fields(s))
	return n >= min && n <= max
}
