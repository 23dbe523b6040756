package search

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Limits on what a query may ask for. Words past maxTerms are ignored, and
// so are words longer than maxTermBytes: no title has them.
const (
	maxTerms     = 8
	maxTermBytes = 48
	maxOffset    = 1000
)

// term is one word of a query after folding. alts are the words the index
// holds that the term may stand for: the term itself when the index has
// it, or its one-edit neighbours when it does not (a typo). A prefix term
// (the last word, as typed so far) also matches every word it begins.
type term struct {
	text   string
	alts   []string
	prefix bool
	fixed  bool // alts are typo corrections, not the word itself
	// loose marks a one-letter word being typed after others ("sean b"):
	// too common a prefix to ask the index for, it is checked on the
	// candidates instead.
	loose bool
	// completions, when set, are every indexed word the prefix term
	// begins, few enough to ask for by name: FTS5 reads an OR of words
	// lazily, where a prefix query without a prefix index of its length
	// first merges the whole doclist of every completion.
	completions []string
}

// parsed is a query reduced to what the engine needs.
type parsed struct {
	terms []term
	year  int // a trailing or leading year ("red rocket 2021"), or 0
}

// parseText folds and splits a query. It never fails on content: invalid
// UTF-8 and FTS syntax characters are just separators. Only length is
// refused, with ErrBadQuery.
func parseText(text string) (*parsed, error) {
	if len(text) > MaxQueryBytes {
		return nil, fmt.Errorf("%w: query is %d bytes, the limit is %d", ErrBadQuery, len(text), MaxQueryBytes)
	}
	words := tokens(text)
	if len(words) > maxTerms {
		words = words[:maxTerms]
	}
	p := &parsed{}
	typing := !endsWithSpace(text) // the last word may be incomplete
	if len(words) > 1 {
		if y := yearOf(words[len(words)-1]); y != 0 {
			p.year, words, typing = y, words[:len(words)-1], false
		} else if y := yearOf(words[0]); y != 0 {
			p.year, words = y, words[1:]
		}
	}
	for _, w := range words {
		p.terms = append(p.terms, term{text: w})
	}
	if n := len(p.terms); n > 0 && typing {
		last := p.terms[n-1].text
		r, _ := utf8.DecodeRuneInString(last)
		switch {
		case utf8.RuneCountInString(last) >= 2:
			p.terms[n-1].prefix = true
		case n > 1 && unicode.IsLetter(r):
			p.terms[n-1].prefix, p.terms[n-1].loose = true, true
		}
	}
	return p, nil
}

// words returns the folded words of the query, the year included.
func (p *parsed) words() []string {
	out := make([]string, 0, len(p.terms)+1)
	for _, t := range p.terms {
		out = append(out, t.text)
	}
	if p.year != 0 {
		out = append(out, strconv.Itoa(p.year))
	}
	return out
}

func endsWithSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

// yearOf returns the year a word names, if it looks like a film year.
func yearOf(w string) int {
	if len(w) != 4 {
		return 0
	}
	y, err := strconv.Atoi(w)
	if err != nil || y < 1870 || y > 2100 {
		return 0
	}
	return y
}

// tokens folds s the way the index's tokenizer does (unicode61 with
// diacritics removed): lower case, marks dropped, anything but letters
// and digits separates words.
func tokens(s string) []string {
	s = strings.ToValidUTF8(s, " ")
	var (
		out []string
		b   strings.Builder
	)
	flush := func() {
		if b.Len() > 0 && b.Len() <= maxTermBytes {
			out = append(out, b.String())
		}
		b.Reset()
	}
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return out
}

// ftsPhrase quotes a word for an FTS5 expression. Words hold only letters
// and digits, so quoting is all the escaping there is to do; the quotes
// keep words such as NEAR, AND or OR from being read as operators.
func ftsPhrase(w string) string { return `"` + strings.ReplaceAll(w, `"`, `""`) + `"` }

// indexed returns the terms the index is asked about: all but a loose one.
func indexed(terms []term) []term {
	if n := len(terms); n > 0 && terms[n-1].loose {
		return terms[:n-1]
	}
	return terms
}

// matchExpr is the FTS5 expression for terms, restricted to columns (nil
// for all): every term must match one of its alternatives.
func matchExpr(terms []term, columns []string) string {
	terms = indexed(terms)
	var b strings.Builder
	if len(columns) > 0 {
		b.WriteString("{" + strings.Join(columns, " ") + "} : (")
	}
	for i, t := range terms {
		if i > 0 {
			b.WriteString(" AND ")
		}
		b.WriteString("(")
		alts, star := t.alts, t.prefix && !t.fixed
		if len(alts) == 0 {
			alts = []string{t.text}
		}
		if t.completions != nil {
			alts, star = t.completions, false
		}
		for j, a := range alts {
			if j > 0 {
				b.WriteString(" OR ")
			}
			b.WriteString(ftsPhrase(a))
			if star {
				b.WriteString(" *")
			}
		}
		b.WriteString(")")
	}
	if len(columns) > 0 {
		b.WriteString(")")
	}
	return b.String()
}

// startExpr is the FTS5 expression for names that begin with the query's
// words in order: one phrase per combination of alternatives, at most a
// few, anchored to the start of the name column.
func startExpr(terms []term) string {
	terms = indexed(terms)
	combos := [][]string{nil}
	for _, t := range terms {
		var next [][]string
		for _, c := range combos {
			alts := t.alts
			if len(alts) == 0 {
				alts = []string{t.text}
			}
			for _, a := range alts {
				if len(next) == 8 {
					break
				}
				next = append(next, append(append([]string(nil), c...), a))
			}
		}
		combos = next
	}
	prefix := len(terms) > 0 && terms[len(terms)-1].prefix && !terms[len(terms)-1].fixed
	parts := make([]string, len(combos))
	for i, c := range combos {
		parts[i] = "^ " + ftsPhrase(strings.Join(c, " "))
		if prefix {
			parts[i] += " *"
		}
	}
	return "{name} : (" + strings.Join(parts, " OR ") + ")"
}
