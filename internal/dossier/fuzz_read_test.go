package dossier

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// FuzzHTMLTree checks the tree the HTML reader builds from any bytes:
// every node comes after its parent, children lists are consistent, no
// text is lost to a broken link, and the content it picks is made of
// nodes of the tree in document order.
func FuzzHTMLTree(f *testing.F) {
	for _, dir := range []string{"dev", "real"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.html"))
		for _, path := range files {
			if src, err := os.ReadFile(path); err == nil {
				f.Add(string(src))
			}
		}
	}
	for _, s := range []string{
		"<p>a<p>b<li>c<td>d</table></p>", "<ul><li>a<ul><li>b</ul><li>c</ul>", "<div><b><p>x</b>y</p></div>",
		"<my-box><p>a</my-box></p>", "<nav><p>menu</nav><article><p>Text, text, text and text.</p></article>",
		"<table><tr><td>a<tr><td>b</table>", "<script><p>x</script><p>y", "</div></p></li>", strings.Repeat("<div>", 600),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		tr, _, ok := buildTree(src)
		if !ok {
			return // nested too deep: refused
		}
		kids := 0
		for i := 1; i < len(tr.nodes); i++ {
			n := &tr.nodes[i]
			if n.parent < 0 || int(n.parent) >= i {
				t.Fatalf("node %d has parent %d", i, n.parent)
			}
			if n.next != 0 && int(n.next) <= i {
				t.Fatalf("node %d has next sibling %d", i, n.next)
			}
		}
		for i := range tr.nodes {
			last := int32(0)
			for c := tr.nodes[i].first; c != 0; c = tr.nodes[c].next {
				if int(tr.nodes[c].parent) != i {
					t.Fatalf("child %d of %d names parent %d", c, i, tr.nodes[c].parent)
				}
				last = c
				kids++
			}
			if last != tr.nodes[i].last {
				t.Fatalf("node %d: last child %d, list ends at %d", i, tr.nodes[i].last, last)
			}
		}
		if kids != len(tr.nodes)-1 {
			t.Fatalf("%d nodes reachable from the document, %d built", kids, len(tr.nodes)-1)
		}
		tr.measure()
		prev := int32(-1)
		for _, c := range tr.content() {
			if c < 0 || int(c) >= len(tr.nodes) || c <= prev {
				t.Fatalf("content node %d after %d", c, prev)
			}
			prev = c
		}
	})
}

// FuzzFrontMatter checks that a post's front matter is read as data and
// never as text, whatever its title and body hold, and that Parse never
// panics on it.
func FuzzFrontMatter(f *testing.F) {
	f.Add("Red Rocket", "Simon Rex plays Mikey Saber in Sean Baker's film.\n", false)
	f.Add("Review: Aftersun (2022)", "## Verdict\n\nCharlotte Wells directs *Aftersun*.\n", true)
	f.Add("a: b", "---\n\nbody\n", false)
	f.Add("", "", true)
	f.Fuzz(func(t *testing.T, title, body string, toml bool) {
		const key = "marqueefuzzkey"
		if strings.Contains(body, key) || strings.Contains(title, key) {
			return
		}
		var src string
		if toml {
			src = "+++\n" + key + " = 7\ntitle = " + strconv.Quote(title) + "\n+++\n\n" + body
		} else {
			src = "---\n" + key + ": 7\ntitle: " + strconv.Quote(title) + "\n---\n\n" + body
		}
		d, err := Parse("post.md", []byte(src), nil)
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatal(err)
			}
			return
		}
		for _, s := range d.Sections {
			if strings.Contains(s.Text, key) || strings.Contains(s.Heading, key) {
				t.Fatalf("front matter read as text: section %q: %q", s.Heading, s.Text)
			}
		}
		if strings.Contains(d.Title, key) {
			t.Fatalf("front matter in the title %q", d.Title)
		}
	})
}
