package dossier

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"
)

// mdWriter writes an HTML content tree as the Markdown lines the
// structure stage reads: headings as "#", paragraphs on one line, list
// items as "- ", blockquotes as "> ", tables as pipe rows, emphasis as
// "_…_" and "**…**". Only text is written: no tag or attribute survives.
type mdWriter struct {
	t      *htree
	lines  []string
	cur    strings.Builder
	prefix string // "> " inside a blockquote
	pre    bool
}

func (w *mdWriter) flush() {
	t := collapseSpace(w.cur.String())
	w.cur.Reset()
	if t == "" {
		return
	}
	w.lines = append(w.lines, w.prefix+t, "")
}

func (w *mdWriter) node(i int32) {
	n := &w.t.nodes[i]
	if !n.elem {
		w.cur.WriteString(n.text)
		return
	}
	if n.drop || n.chrome != "" {
		return
	}
	switch n.tag {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.flush()
		level := int(n.tag.String()[1] - '0')
		w.children(i)
		t := collapseSpace(w.cur.String())
		w.cur.Reset()
		if t != "" {
			w.lines = append(w.lines, strings.Repeat("#", level)+" "+strings.Trim(t, "*_ "), "")
		}
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Figure, atom.Figcaption, atom.Dd, atom.Dt, atom.Pre:
		w.flush()
		w.children(i)
		w.flush()
	case atom.Br:
		w.flush()
	case atom.Blockquote:
		w.flush()
		old := w.prefix
		w.prefix = "> "
		w.children(i)
		w.flush()
		w.prefix = old
	case atom.Ul, atom.Ol:
		w.flush()
		k := 0
		for c := n.first; c != 0; c = w.t.nodes[c].next {
			if cn := &w.t.nodes[c]; cn.tag != atom.Li || cn.drop || cn.chrome != "" {
				continue
			}
			k++
			w.children(c)
			t := collapseSpace(w.cur.String())
			w.cur.Reset()
			if t == "" {
				continue
			}
			mark := "- "
			if n.tag == atom.Ol {
				mark = strconv.Itoa(k) + ". "
			}
			w.lines = append(w.lines, w.prefix+mark+t)
		}
		w.lines = append(w.lines, "")
	case atom.Table:
		w.flush()
		w.table(i)
	case atom.Em, atom.I, atom.Cite:
		w.wrap(i, "_")
	case atom.Strong, atom.B:
		w.wrap(i, "**")
	case atom.Img:
		// An image's alt text is a caption at best; captions are noise.
	default:
		w.children(i)
	}
}

func (w *mdWriter) children(i int32) {
	for c := w.t.nodes[i].first; c != 0; c = w.t.nodes[c].next {
		w.node(c)
	}
}

// wrap writes n's text between marks, keeping its spaces outside them
// ("_Parasite_ won", never "_Parasite _won").
func (w *mdWriter) wrap(i int32, mark string) {
	inner := mdWriter{t: w.t}
	inner.children(i)
	raw := inner.cur.String()
	t := strings.TrimSpace(raw)
	if t == "" || len(inner.lines) > 0 {
		w.cur.WriteString(raw)
		for _, l := range inner.lines {
			w.cur.WriteString(" " + l)
		}
		return
	}
	if raw[0] == ' ' || raw[0] == '\n' || raw[0] == '\t' {
		w.cur.WriteByte(' ')
	}
	w.cur.WriteString(mark + t + mark)
	if last := raw[len(raw)-1]; last == ' ' || last == '\n' || last == '\t' {
		w.cur.WriteByte(' ')
	}
}

// table writes rows as "| a | b |", with a separator after the first.
func (w *mdWriter) table(i int32) {
	t := w.t
	var rows [][]string
	var find func(int32)
	find = func(i int32) {
		for c := t.nodes[i].first; c != 0; c = t.nodes[c].next {
			if cn := &t.nodes[c]; !cn.elem || cn.drop || cn.chrome != "" {
				continue
			}
			if t.nodes[c].tag == atom.Tr {
				var row []string
				for td := t.nodes[c].first; td != 0; td = t.nodes[td].next {
					if tn := &t.nodes[td]; tn.elem && (tn.tag == atom.Td || tn.tag == atom.Th) {
						cell := collapseSpace(t.textOf(td, 0, false))
						row = append(row, strings.ReplaceAll(cell, "|", "/"))
					}
				}
				if len(row) > 0 {
					rows = append(rows, row)
				}
				continue
			}
			if t.nodes[c].tag != atom.Table {
				find(c)
			}
		}
	}
	find(i)
	for k, r := range rows {
		w.lines = append(w.lines, "| "+strings.Join(r, " | ")+" |")
		if k == 0 {
			w.lines = append(w.lines, "|"+strings.Repeat(" --- |", len(r)))
		}
	}
	w.lines = append(w.lines, "")
}

// collapseSpace is strings.Join(strings.Fields(s), " ") for the HTML
// writer's hot path: one allocation, none when s is already collapsed.
func collapseSpace(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
			c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}
