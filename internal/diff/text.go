package diff

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Paragraphs splits a text into its paragraphs: runs of non-blank lines,
// separated by one or more blank lines. Line ends are normalised to "\n"
// and trailing spaces are kept, so joining the paragraphs with "\n\n"
// gives the text back up to its blank-line runs.
func Paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

// Join is the inverse of Paragraphs: paragraphs separated by a blank line,
// ending in one newline.
func Join(paras []string) string {
	if len(paras) == 0 {
		return ""
	}
	return strings.Join(paras, "\n\n") + "\n"
}

// Words splits a paragraph into tokens for a word-level comparison: runs of
// letters and digits (with inner apostrophes), runs of white space, and
// single other characters. Concatenating the tokens gives s back.
func Words(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		switch {
		case isWord(r):
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isWord(r2) {
					j += n2
					continue
				}
				if (r2 == '\'' || r2 == '’') && j+n2 < len(s) {
					if r3, _ := utf8.DecodeRuneInString(s[j+n2:]); isWord(r3) {
						j += n2
						continue
					}
				}
				break
			}
		case unicode.IsSpace(r):
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsSpace(r2) {
					break
				}
				j += n2
			}
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// Block is one paragraph of a comparison of two texts. An Equal, Delete or
// Insert block is a paragraph kept, removed or added whole; a changed
// paragraph (Op Equal with Changed set) carries its word-level chunks.
type Block struct {
	Op      Op
	Old     string  // the paragraph in the old text ("" for an insertion)
	New     string  // the paragraph in the new text ("" for a deletion)
	Changed bool    // the paragraph was edited: Words says how
	Words   []Chunk // word-level chunks of a changed paragraph
}

// Stats counts what a comparison changed, in paragraphs and in words.
type Stats struct {
	ParagraphsAdded, ParagraphsRemoved, ParagraphsChanged int
	WordsAdded, WordsRemoved                              int
}

// Texts compares two texts paragraph by paragraph. Where a run of removed
// paragraphs meets a run of added ones, they are paired in order and each
// pair that still shares words is shown as one changed paragraph, compared
// word by word; the rest stay whole removals and additions.
func Texts(old, new string) ([]Block, Stats) {
	a, b := Paragraphs(old), Paragraphs(new)
	var out []Block
	var st Stats
	cs := Compare(a, b)
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		switch c.Op {
		case Equal:
			for _, p := range c.Tokens {
				out = append(out, Block{Op: Equal, Old: p, New: p})
			}
		case Insert:
			for _, p := range c.Tokens {
				out = append(out, Block{Op: Insert, New: p})
				st.ParagraphsAdded++
				st.WordsAdded += countWords(p)
			}
		case Delete:
			var ins []string
			if i+1 < len(cs) && cs[i+1].Op == Insert {
				ins = cs[i+1].Tokens
				i++
			}
			out = append(out, pair(c.Tokens, ins, &st)...)
		}
	}
	return out, st
}

// pair matches removed paragraphs with added ones in order.
func pair(del, ins []string, st *Stats) []Block {
	var out []Block
	n := min(len(del), len(ins))
	for k := 0; k < n; k++ {
		wa, wb := Words(del[k]), Words(ins[k])
		ws := Compare(wa, wb)
		if similar(ws, wa, wb) {
			out = append(out, Block{Op: Equal, Old: del[k], New: ins[k], Changed: true, Words: ws})
			st.ParagraphsChanged++
			for _, w := range ws {
				switch w.Op {
				case Insert:
					st.WordsAdded += countWords(strings.Join(w.Tokens, ""))
				case Delete:
					st.WordsRemoved += countWords(strings.Join(w.Tokens, ""))
				}
			}
			continue
		}
		out = append(out, Block{Op: Delete, Old: del[k]}, Block{Op: Insert, New: ins[k]})
		st.ParagraphsRemoved++
		st.ParagraphsAdded++
		st.WordsRemoved += countWords(del[k])
		st.WordsAdded += countWords(ins[k])
	}
	for _, p := range del[n:] {
		out = append(out, Block{Op: Delete, Old: p})
		st.ParagraphsRemoved++
		st.WordsRemoved += countWords(p)
	}
	for _, p := range ins[n:] {
		out = append(out, Block{Op: Insert, New: p})
		st.ParagraphsAdded++
		st.WordsAdded += countWords(p)
	}
	return out
}

// similar reports whether two paragraphs share enough words for a
// word-level comparison to read better than a removal and an addition: at
// least a third of the longer one's words are kept.
func similar(ws []Chunk, a, b []string) bool {
	kept := 0
	for _, c := range ws {
		if c.Op == Equal {
			kept += countWords(strings.Join(c.Tokens, ""))
		}
	}
	longer := max(countWords(strings.Join(a, "")), countWords(strings.Join(b, "")))
	return longer > 0 && 3*kept >= longer
}

func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := isWord(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}
