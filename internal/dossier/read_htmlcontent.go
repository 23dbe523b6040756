package dossier

import (
	"strings"

	"golang.org/x/net/html/atom"
)

// The main content of a page is found the way readability finds it, in
// one pass over the tree rather than several: every paragraph of some
// length scores its parent (and half that its grandparent) by its length
// and commas; a box's score is then discounted by the share of its text
// that is links; the best box is the content, with those of its
// siblings that score near it or are paragraphs of prose. Page chrome
// (navigation, sidebars, share and comment boxes, forms) was already
// taken out while the tree was built.

// measure fills in every node's text and link lengths, and scores the
// boxes that hold paragraphs. Children come after their parent in the
// slice, so one backward sweep sees every child before its parent.
func (t *htree) measure() {
	commas := make([]int32, len(t.nodes))
	block := make([]bool, len(t.nodes)) // holds a block element
	for i := len(t.nodes) - 1; i > 0; i-- {
		n := &t.nodes[i]
		if n.drop || n.chrome != "" {
			continue
		}
		if !n.elem {
			n.textLen = int32(len(n.text))
			commas[i] = int32(strings.Count(n.text, ","))
		}
		if n.tag == atom.A {
			n.linkLen = n.textLen
		}
		p := &t.nodes[n.parent]
		p.textLen += n.textLen
		p.linkLen += n.linkLen
		commas[n.parent] += commas[i]
		if n.elem && (closesP(n.tag) || n.tag == atom.Li || n.tag == atom.Tr) {
			block[n.parent] = true
		}
		// Score a paragraph now: its own measures are complete.
		if !paragraphLike(n.tag, block[i]) || n.textLen < 25 {
			continue
		}
		s := 1 + float32(commas[i]) + float32(min(n.textLen/100, 3))
		t.addScore(n.parent, s)
		if g := t.nodes[n.parent].parent; n.parent != 0 {
			t.addScore(g, s/2)
		}
	}
}

// paragraphLike: the elements whose text scores the box around them (a
// <div> that holds only inline content is a paragraph too).
func paragraphLike(a atom.Atom, hasBlock bool) bool {
	switch a {
	case atom.P, atom.Pre, atom.Td:
		return true
	case atom.Div:
		return !hasBlock
	}
	return false
}

func (t *htree) addScore(i int32, s float32) {
	n := &t.nodes[i]
	if !n.scored {
		n.scored = true
		switch n.tag {
		case atom.Div:
			n.score = 5
		case atom.Pre, atom.Td, atom.Blockquote:
			n.score = 3
		case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
			n.score = -3
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
			n.score = -5
		}
	}
	n.score += s
}

// final is a box's score discounted by its share of link text.
func (t *htree) final(i int32) float32 {
	n := &t.nodes[i]
	if n.textLen == 0 {
		return n.score
	}
	return n.score * (1 - float32(n.linkLen)/float32(n.textLen))
}

// content returns the nodes that hold the article, in document order.
func (t *htree) content() []int32 {
	best, top := int32(-1), float32(0)
	for i := range t.nodes {
		n := &t.nodes[i]
		if !n.scored || n.drop || n.chrome != "" {
			continue
		}
		if s := t.final(int32(i)); best < 0 || s > top {
			best, top = int32(i), s
		}
	}
	if best <= 0 {
		return []int32{0}
	}
	// A box that is its parent's only child stands for the parent.
	for best != 0 {
		p := &t.nodes[t.nodes[best].parent]
		if p.first != best || t.nextElem(best) != 0 {
			break
		}
		best = t.nodes[best].parent
	}
	if best == 0 {
		return []int32{0}
	}
	threshold := max(10, top*0.2)
	var out []int32
	for c := t.nodes[t.nodes[best].parent].first; c != 0; c = t.nodes[c].next {
		n := &t.nodes[c]
		if !n.elem || n.drop || n.chrome != "" {
			continue
		}
		switch {
		case c == best, n.scored && t.final(c) >= threshold:
		case n.tag == atom.P && n.textLen > 80 && n.linkLen*4 < n.textLen:
		default:
			continue
		}
		out = append(out, c)
	}
	return out
}

// nextElem returns the next sibling of i that is an element or holds
// text, or 0.
func (t *htree) nextElem(i int32) int32 {
	for c := t.nodes[i].next; c != 0; c = t.nodes[c].next {
		if n := &t.nodes[c]; n.elem || strings.TrimSpace(n.text) != "" {
			return c
		}
	}
	return 0
}

// firstHeading returns the text of the page's first <h1>.
func (t *htree) firstHeading() string {
	for i := range t.nodes {
		if n := &t.nodes[i]; n.tag == atom.H1 && n.textLen > 0 && !t.hidden(int32(i)) {
			return collapseSpace(t.textOf(int32(i), 0, false))
		}
	}
	return ""
}

// hidden reports a node inside chrome or a dropped element.
func (t *htree) hidden(i int32) bool {
	for ; i != 0; i = t.nodes[i].parent {
		if n := &t.nodes[i]; n.drop || n.chrome != "" {
			return true
		}
	}
	return false
}

// textOf returns the text inside node i, spaces between text nodes, at
// most about limit bytes when limit > 0. Dropped parts inside are
// skipped, and so are chrome parts unless chrome is set.
func (t *htree) textOf(i int32, limit int, chrome bool) string {
	var b strings.Builder
	var f func(int32)
	f = func(i int32) {
		for c := t.nodes[i].first; c != 0; c = t.nodes[c].next {
			if limit > 0 && b.Len() > limit {
				return
			}
			n := &t.nodes[c]
			switch {
			case !n.elem:
				b.WriteString(n.text)
				b.WriteByte(' ')
			case !n.drop && (chrome || n.chrome == ""):
				f(c)
			}
		}
	}
	f(i)
	return b.String()
}

// chromeNoise lists the page furniture taken out, outermost boxes only,
// each with an excerpt of its text.
func (t *htree) chromeNoise(add func(text, reason string)) {
	var f func(int32)
	f = func(i int32) {
		for c := t.nodes[i].first; c != 0; c = t.nodes[c].next {
			n := &t.nodes[c]
			switch {
			case !n.elem || n.drop:
			case n.chrome != "":
				if s := excerpt(collapseSpace(t.textOf(c, 400, true)), 100); s != "" {
					add(s, n.chrome)
				}
			default:
				f(c)
			}
		}
	}
	f(0)
}
