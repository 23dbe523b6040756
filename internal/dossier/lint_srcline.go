package dossier

import (
	"html"
	"strings"
)

// An HTML page is read as converted lines, so a finding's line counts
// lines of the conversion, not of the file an editor has open. srcLines
// maps findings back: it flattens the page to its text (tags dropped,
// entities decoded, spaces collapsed, lower case) keeping the source
// line of every byte, then finds each finding's excerpt in it.
type srcLines struct {
	flat   string
	lineAt []int32
	from   map[string]int // next search offset per excerpt, for repeats
}

func newSrcLines(src string) *srcLines {
	var b strings.Builder
	lineAt := make([]int32, 0, len(src)/2)
	line := int32(1)
	space := true
	emit := func(s string, at int32) {
		for _, r := range strings.ToLower(s) {
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' {
				if space {
					continue
				}
				r, space = ' ', true
			} else {
				space = false
			}
			n := b.Len()
			b.WriteRune(r)
			for range b.Len() - n {
				lineAt = append(lineAt, at)
			}
		}
	}
	for i := 0; i < len(src); {
		switch c := src[i]; {
		case c == '<':
			j := strings.IndexByte(src[i:], '>')
			if j < 0 {
				j = len(src) - i - 1
			}
			line += int32(strings.Count(src[i:i+j+1], "\n"))
			i += j + 1
		case c == '&':
			j := strings.IndexByte(src[i:min(len(src), i+12)], ';')
			if j < 0 {
				emit("&", line)
				i++
				continue
			}
			emit(html.UnescapeString(src[i:i+j+1]), line)
			i += j + 1
		default:
			j := strings.IndexAny(src[i:], "<&")
			if j < 0 {
				j = len(src) - i
			}
			chunk := src[i : i+j]
			for k, part := range strings.Split(chunk, "\n") {
				if k > 0 {
					emit("\n", line)
					line++
				}
				emit(part, line)
			}
			i += j
		}
	}
	return &srcLines{flat: b.String(), lineAt: lineAt, from: map[string]int{}}
}

// lineOf returns the source line of a finding: where phrase (if not
// empty) stands inside excerpt ex, or where ex starts; 0 if not found.
// key tells repeats apart: the same excerpt under the same key is looked
// for after the place found last.
func (m *srcLines) lineOf(key, ex, phrase string) int {
	core := strings.Trim(ex, "…")
	core = strings.NewReplacer("_", "", "*", "", "“", "\"", "”", "\"", "‘", "'", "’", "'").Replace(core)
	core = strings.Join(strings.Fields(strings.ToLower(core)), " ")
	if len(core) > 40 {
		core = core[:40]
	}
	for core != "" && core[len(core)-1]&0xc0 == 0x80 {
		core = core[:len(core)-1]
	}
	if len(core) < 8 {
		return 0
	}
	flat := strings.NewReplacer("“", "\"", "”", "\"", "‘", "'", "’", "'").Replace(m.flat)
	if len(flat) != len(m.flat) {
		// Curly quotes are three bytes and straight ones one; search the
		// page as written instead.
		flat = m.flat
	}
	key += "\x00" + core
	at := strings.Index(flat[min(len(flat), m.from[key]):], core)
	if at < 0 {
		return 0
	}
	at += m.from[key]
	m.from[key] = at + 1
	if phrase != "" {
		if k := strings.Index(flat[at:min(len(flat), at+len(core)+len(phrase)+80)], strings.ToLower(phrase)); k >= 0 {
			at += k
		}
	}
	return int(m.lineAt[at])
}
