package dossier

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The HTML reader builds its own small tree from x/net/html's tokenizer
// in one pass: elements and text only, no attribute but the class, id
// and role that say what a box is for. Browsers' full tree construction
// (html.Parse) costs twice the tokenizer, and an article needs none of
// what it adds: the few implied end tags that shape an article (an open
// <p>, <li>, <td> or <tr> ended by the next one) are applied here, and a
// stray end tag closes the nearest open element of its name or nothing.

// hnode is one element or text of a page. Nodes live in one slice and
// point to each other by index; 0 is the document.
type hnode struct {
	tag         atom.Atom
	text        string // text node: its (unescaped) text; element: ""
	ts, te      int32  // text node: where its text lies in the tree's text
	parent      int32
	first, last int32 // children; 0 when none
	next        int32 // next sibling; 0 when none
	elem        bool
	drop        bool   // script, style and the like: never read
	chrome      string // page furniture: why
	textLen     int32  // bytes of text inside, chrome and dropped parts excluded
	linkLen     int32  // of which inside links
	score       float32
	scored      bool
}

// htree is a page as a tree, with its title.
type htree struct {
	nodes []hnode
	title string
}

// droppedTags are elements whose content is never article text.
func droppedTag(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Svg, atom.Math,
		atom.Head, atom.Textarea, atom.Object, atom.Canvas, atom.Video, atom.Audio, atom.Select:
		return true
	}
	return false
}

// closesP are the start tags that end an open paragraph.
func closesP(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Dl,
		atom.Table, atom.Blockquote, atom.Pre, atom.Section, atom.Article, atom.Aside, atom.Nav, atom.Header,
		atom.Footer, atom.Main, atom.Figure, atom.Form, atom.Hr, atom.Address, atom.Fieldset, atom.Details, atom.Menu:
		return true
	}
	return false
}

// buildTree tokenizes text into a tree. It fails only on nesting deeper
// than maxNesting, reporting the line where it went past.
func buildTree(text string) (*htree, int, bool) {
	// A page has a node for every dozen bytes or so, and text for about
	// half its bytes: sized so, neither slice of an article page grows
	// more than once (a huge page grows them as it goes).
	t := &htree{nodes: make([]hnode, 1, min(len(text)/12, 1<<15)+8)}
	t.nodes[0] = hnode{elem: true}
	z := html.NewTokenizer(strings.NewReader(text))
	stack := make([]int32, 1, 64)
	open := map[atom.Atom]int{} // open elements by name
	unknown := map[string]int{}
	buf := make([]byte, 0, min(len(text)/2, 1<<20)+16) // all text, sliced by the text nodes once it is a string
	offset := 0
	inTitle := false
	var title strings.Builder
	top := func() int32 { return stack[len(stack)-1] }
	pop := func() {
		n := &t.nodes[top()]
		if n.tag != 0 {
			open[n.tag]--
		}
		stack = stack[:len(stack)-1]
	}
	// closeTo pops up to and including the innermost open a, if any.
	closeTo := func(a atom.Atom) {
		if open[a] == 0 {
			return
		}
		for len(stack) > 1 {
			tag := t.nodes[top()].tag
			pop()
			if tag == a {
				return
			}
		}
	}
	// closeWithin pops an open a when it is the innermost element of its
	// kind before any of the given boundaries ("<li>" ends a "<li>" of the
	// same list, not one of an outer list).
	closeWithin := func(a atom.Atom, bounds ...atom.Atom) {
		if open[a] == 0 {
			return
		}
		for k := len(stack) - 1; k > 0; k-- {
			tag := t.nodes[stack[k]].tag
			if tag == a {
				for len(stack) > k {
					pop()
				}
				return
			}
			for _, b := range bounds {
				if tag == b {
					return
				}
			}
		}
	}
	add := func(n hnode) int32 {
		p := top()
		n.parent = p
		id := int32(len(t.nodes))
		t.nodes = append(t.nodes, n)
		pn := &t.nodes[p]
		if pn.last != 0 {
			t.nodes[pn.last].next = id
		} else {
			pn.first = id
		}
		pn.last = id
		return id
	}
	for {
		tt := z.Next()
		raw := len(z.Raw())
		switch tt {
		case html.ErrorToken:
			t.title = strings.TrimSpace(title.String())
			all := string(buf)
			for i := range t.nodes {
				if n := &t.nodes[i]; !n.elem {
					n.text = all[n.ts:n.te]
				}
			}
			return t, 0, true
		case html.TextToken:
			if inTitle {
				title.Write(z.Text())
				break
			}
			b := z.Text()
			if isBlank(b) {
				b = space
			}
			s := len(buf)
			buf = append(buf, b...)
			add(hnode{ts: int32(s), te: int32(len(buf))})
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Title {
				inTitle = tt == html.StartTagToken
				break
			}
			switch {
			case a == atom.Li:
				closeWithin(atom.Li, atom.Ul, atom.Ol, atom.Menu)
			case a == atom.Dt || a == atom.Dd:
				closeWithin(atom.Dt, atom.Dl)
				closeWithin(atom.Dd, atom.Dl)
			case a == atom.Td || a == atom.Th:
				closeWithin(atom.Td, atom.Tr, atom.Table)
				closeWithin(atom.Th, atom.Tr, atom.Table)
			case a == atom.Tr:
				closeWithin(atom.Tr, atom.Table)
			case a == atom.Option:
				closeWithin(atom.Option, atom.Select)
			}
			if closesP(a) {
				closeWithin(atom.P, atom.Div, atom.Td, atom.Th, atom.Li, atom.Blockquote, atom.Section, atom.Article, atom.Main, atom.Table)
			}
			n := hnode{tag: a, elem: true, drop: droppedTag(a)}
			if r, ok := chromeTags[a]; ok {
				n.chrome = r
			}
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				if n.chrome == "" {
					n.chrome = chromeAttr(string(k), v)
				}
			}
			id := add(n)
			if tt == html.SelfClosingTagToken || voidElement(a) {
				break
			}
			stack = append(stack, id)
			if a == 0 {
				unknown[string(name)]++
			} else {
				open[a]++
			}
			if len(stack) > maxNesting+1 {
				return nil, 1 + strings.Count(text[:min(len(text), offset+raw)], "\n"), false
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Title {
				inTitle = false
				break
			}
			if a == 0 {
				// A custom element: close it when it is open.
				if unknown[string(name)] > 0 {
					unknown[string(name)]--
					for k := len(stack) - 1; k > 0; k-- {
						if t.nodes[stack[k]].tag == 0 {
							for len(stack) > k {
								pop()
							}
							break
						}
					}
				}
				break
			}
			closeTo(a)
		}
		offset += raw
	}
}

func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input, atom.Link,
		atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// chromeAttr says why an element with this attribute is page furniture,
// or "".
func chromeAttr(key string, val []byte) string {
	switch key {
	case "role":
		switch string(val) {
		case "navigation", "banner", "contentinfo", "complementary":
			return "navigation"
		}
	case "class", "id":
		v := lowerASCII(string(val))
		for _, h := range chromeHints {
			if strings.Contains(v, h.word) {
				return h.reason
			}
		}
	}
	return ""
}

var space = []byte{' '}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f' {
			return false
		}
	}
	return true
}
