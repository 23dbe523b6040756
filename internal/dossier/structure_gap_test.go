package dossier

import (
	"strings"
	"testing"
)

func sectionOutline(t *testing.T, src string) string {
	t.Helper()
	d, err := Parse("dump.md", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range d.Sections {
		var subs []string
		for _, u := range s.Subsections {
			subs = append(subs, u.Label)
		}
		out = append(out, string(s.Kind)+":"+s.Heading+"["+strings.Join(subs, ",")+"]")
	}
	return strings.Join(out, " ")
}

// A plain dump of a wiki page keeps heading levels only in blank lines:
// two above a section, one above a sub-heading. A line of footnote marks
// is no text, and "Pre-production" is a production heading.
func TestPlainDumpHeadingLevels(t *testing.T) {
	src := strings.Join([]string{
		"_LANTERN TOWN_ is a 2004 drama film directed by Aiko Mori. It follows a kite maker.[1]",
		"",
		"",
		"Plot",
		"",
		"A kite maker loses her shop and builds a kite the size of a house.",
		"",
		"",
		"Cast",
		"",
		"[2][3]",
		"",
		"",
		"Production",
		"",
		"Mori wrote the script in a month.",
		"",
		"Pre-production",
		"",
		"The crew built the kites by hand.",
		"",
		"Filming",
		"",
		"Filming took place by the sea.",
		"",
		"",
		"Music",
		"",
		"The score uses only wind instruments.",
	}, "\n")
	want := "introduction:[] plot:Plot[] production:Production[Pre-production,Filming] sound:Music[]"
	if got := sectionOutline(t, src); got != want {
		t.Errorf("outline\n got %s\nwant %s", got, want)
	}
}

// One blank line between everything, and one pair of blank lines by
// chance, says nothing about levels.
func TestPlainHeadingsWithoutGapLevels(t *testing.T) {
	src := strings.Join([]string{
		"Lantern Town is a 2004 drama film directed by Aiko Mori.",
		"",
		"",
		"Plot",
		"",
		"A kite maker loses her shop.",
		"",
		"Production",
		"",
		"Mori wrote the script in a month.",
		"",
		"Music",
		"",
		"The score uses only wind instruments.",
	}, "\n")
	want := "introduction:[] plot:Plot[] production:Production[] sound:Music[]"
	if got := sectionOutline(t, src); got != want {
		t.Errorf("outline\n got %s\nwant %s", got, want)
	}
}
