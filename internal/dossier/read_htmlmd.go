package dossier

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// mdWriter writes an HTML content tree as the Markdown lines the
// structure stage reads: headings as "#", paragraphs on one line, list
// items as "- ", blockquotes as "> ", tables as pipe rows, emphasis as
// "_…_" and "**…**". Only text is written: no tag or attribute survives.
type mdWriter struct {
	lines  []string
	cur    strings.Builder
	prefix string // "> " inside a blockquote
	pre    bool
}

func (w *mdWriter) flush() {
	t := strings.Join(strings.Fields(w.cur.String()), " ")
	w.cur.Reset()
	if t == "" {
		return
	}
	w.lines = append(w.lines, w.prefix+t, "")
}

func (w *mdWriter) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.cur.WriteString(n.Data)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.flush()
		level := int(n.Data[1] - '0')
		w.children(n)
		t := strings.Join(strings.Fields(w.cur.String()), " ")
		w.cur.Reset()
		if t != "" {
			w.lines = append(w.lines, strings.Repeat("#", level)+" "+strings.Trim(t, "*_ "), "")
		}
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Figure, atom.Figcaption, atom.Dd, atom.Dt, atom.Pre:
		w.flush()
		w.children(n)
		w.flush()
	case atom.Br:
		w.flush()
	case atom.Blockquote:
		w.flush()
		old := w.prefix
		w.prefix = "> "
		w.children(n)
		w.flush()
		w.prefix = old
	case atom.Ul, atom.Ol:
		w.flush()
		k := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c.DataAtom != atom.Li {
				continue
			}
			k++
			w.children(c)
			t := strings.Join(strings.Fields(w.cur.String()), " ")
			w.cur.Reset()
			if t == "" {
				continue
			}
			mark := "- "
			if n.DataAtom == atom.Ol {
				mark = strconv.Itoa(k) + ". "
			}
			w.lines = append(w.lines, w.prefix+mark+t)
		}
		w.lines = append(w.lines, "")
	case atom.Table:
		w.flush()
		w.table(n)
	case atom.Em, atom.I, atom.Cite:
		w.wrap(n, "_")
	case atom.Strong, atom.B:
		w.wrap(n, "**")
	case atom.Img:
		// An image's alt text is a caption at best; captions are noise.
	default:
		w.children(n)
	}
}

func (w *mdWriter) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
}

// wrap writes n's text between marks, keeping its spaces outside them
// ("_Parasite_ won", never "_Parasite _won").
func (w *mdWriter) wrap(n *html.Node, mark string) {
	var inner mdWriter
	inner.children(n)
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
func (w *mdWriter) table(n *html.Node) {
	var rows [][]string
	var find func(*html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Tr {
				var row []string
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type == html.ElementNode && (td.DataAtom == atom.Td || td.DataAtom == atom.Th) {
						cell := strings.Join(strings.Fields(textOf(td)), " ")
						row = append(row, strings.ReplaceAll(cell, "|", "/"))
					}
				}
				if len(row) > 0 {
					rows = append(rows, row)
				}
				continue
			}
			if c.DataAtom != atom.Table {
				find(c)
			}
		}
	}
	find(n)
	for i, r := range rows {
		w.lines = append(w.lines, "| "+strings.Join(r, " | ")+" |")
		if i == 0 {
			w.lines = append(w.lines, "|"+strings.Repeat(" --- |", len(r)))
		}
	}
	w.lines = append(w.lines, "")
}
