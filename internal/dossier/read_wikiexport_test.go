package dossier

import (
	"strings"
	"testing"
)

func init() {
	// The wikitext readers added for exports, tables and lists, and the
	// dated-title reader, join the linear-work checks.
	linearInputs = append(linearInputs, []struct{ name, head, unit, tail string }{
		{"export, long text", "<page>\n<title>Raising the Wind (1961 film)</title>\n<revision>\n<text xml:space=\"preserve\">'''''Raising the Wind''''' is a 1961 film.\n\n==Cast==\n", "*[[Sid James]] as Sid &amp; [[Leslie Phillips|Phillips]] as Mervyn\n", "</text></revision></page>"},
		{"export, unclosed text", "<mediawiki><page><title>X</title><revision><text>", "Kagero is a ninja &amp; a spy. ", ""},
		{"wikitable rows", "'''Kadavul''' is a 1997 film.\n\n==Soundtrack==\n{|\n! Track !! Song\n", "|-\n| 1 || 'Aadi Sivan' || [[Bhavatharini]] || 5:40\n", "|}\n"},
		{"wikitable unclosed", "'''Kadavul''' is a 1997 film.\n\n==Cast==\n", "{|\n| a || b\n", ""},
		{"wiki hash lists", "==Soundtrack==\n", "# \"Cowgirl\" - [[Underworld (band)|Underworld]]\n", ""},
		{"dated titles", "Many docos are worthy records.", " When We Were Kings (1996) and The Fog of War (2003) and", " more."},
	}...)
}

func TestReadMediaWikiExport(t *testing.T) {
	src := "<mediawiki>\n  <page>\n    <title>Raising the Wind (1961 film)</title>\n    <revision>\n" +
		"      <text xml:space=\"preserve\">'''''Raising the Wind''''' is a 1961 British [[comedy film]].\n\n==Cast==\n" +
		"* [[Sid James]] as Sid &amp;amp; co\n</text>\n    </revision>\n  </page>\n  <page><title>B</title><revision><text>x</text></revision></page>\n</mediawiki>\n"
	d, err := Parse("export.xml", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != formatWiki || d.Film.Title != "Raising the Wind" || d.Film.Year != 1961 {
		t.Errorf("format %q, film %q (%d); want wikitext, Raising the Wind (1961)", d.Format, d.Film.Title, d.Film.Year)
	}
	if len(d.Sections) < 2 || d.Sections[1].Heading != "Cast" || d.Sections[1].Line != 7 {
		t.Errorf("sections %+v; want the Cast heading on the file's line 7", d.Sections)
	}
	if !strings.Contains(d.Sections[0].Text, "1961 British comedy film") {
		t.Errorf("lead %q keeps markup or metadata", d.Sections[0].Text)
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "2 pages") {
		t.Errorf("warnings %q; want one naming the export's 2 pages", d.Warnings)
	}
	if _, ok := readMediaWikiExport("<p>not an export</p>"); ok {
		t.Error("an HTML page was read as an export")
	}
	if x, ok := readMediaWikiExport("<page><title>Empty</title><revision><text bytes=\"0\" /></revision></page>"); !ok || strings.TrimSpace(x.text) != "" {
		t.Errorf("a page with no text gave %q, %v", x.text, ok)
	}
}

func TestWikiListsAndTables(t *testing.T) {
	for in, want := range map[string]string{
		"*[[A]] as B": "- [[A]] as B", "** nested": "- nested", "# Song": "1. Song", "#Song": "1. Song",
		":reply": "reply", ";Term": "Term", "#REDIRECT [[X]]": "#REDIRECT [[X]]", "plain": "plain",
	} {
		if got, _ := wikiListLine(in); got != want {
			t.Errorf("wikiListLine(%q) = %q, want %q", in, got, want)
		}
	}
	s := &source{lines: strings.Split("{| class=\"wikitable\"\n|-\n! Characters\n! Japanese\n|-\n! '''Kagero'''\n| [[Emi Shinohara]]\n|align=\"center\"| {{won}}\n|}\nafter", "\n")}
	var out []string
	end := s.wikiTable(0, &out)
	if end != 8 || len(out) != 9 {
		t.Fatalf("table ends at %d with %d lines; want 8 and 9 (one a source line)", end, len(out))
	}
	if out[1] != "| Characters | Japanese |" || out[3] != "| **Kagero** | Emi Shinohara | Won |" {
		t.Errorf("table lines %q", out)
	}
}

func TestLinkDisambiguation(t *testing.T) {
	for target, want := range map[string][2]bool{
		"Pump Up the Volume (film)": {true, true}, "Raising_the_Wind_(1961_film)": {true, true},
		"Doctor (film series)": {false, true}, "The Outer Limits (1963 TV series)": {false, true},
		"Messiah (Handel)": {false, true}, "The Wild One": {false, false},
	} {
		if f, ok := disambiguation(target); f != want[0] || ok != want[1] {
			t.Errorf("disambiguation(%q) = %v, %v; want %v, %v", target, f, ok, want[0], want[1])
		}
	}
}

func TestCastItemsAndRoles(t *testing.T) {
	for in, want := range map[string][2]string{
		"Eric Barker as Dr. Morgan Rutherford":                              {"Eric Barker", "Dr. Morgan Rutherford"},
		"Jim Dale as Cheeky young trombonist":                               {"Jim Dale", "Cheeky young trombonist"},
		"Satya Bandyopadhyay as Santu's father":                             {"Satya Bandyopadhyay", "Santu's father"},
		"Rahul as Muthu":                                                    {"Rahul", "Muthu"},
		"Wendell Pierce as Special Agent Richard Gill, U.S. Secret Service": {"Wendell Pierce", "Special Agent Richard Gill"},
		"Eddie Wilson (Albert Edward Wilson) as the 2nd Bassoon":            {"Eddie Wilson", "2nd Bassoon"},
		"Anthony Mackie as Sam Wilson / Captain America: An Avenger":        {"Anthony Mackie", "Sam Wilson / Captain America"},
	} {
		a, r, ok := asItem(in)
		if !ok || a != want[0] || r != want[1] {
			t.Errorf("asItem(%q) = %q, %q, %v; want %q, %q", in, a, r, ok, want[0], want[1])
		}
	}
	if _, _, ok := asItem("he was cast as the lead"); ok {
		t.Error("a sentence was read as a cast item")
	}
}

func TestDatedRunAndCapsule(t *testing.T) {
	for in, want := range map[string]string{
		"But with few exceptions, When We Were Kings": "When We Were Kings",
		"Kings (1996) and The Fog of War":             "The Fog of War",
		"a 1998 film by someone":                      "",
	} {
		if got := datedRun(in); got != want {
			t.Errorf("datedRun(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]int{"11min.": 11, "95 min": 95, "102 mins": 102, "USA": 0} {
		if got := capsuleMinutes(in); got != want {
			t.Errorf("capsuleMinutes(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestPlainQuestionInterview(t *testing.T) {
	var b strings.Builder
	b.WriteString("An interview with the director of Dark Room.\n\n")
	for _, q := range []string{"What motivated you to make this film?", "How long did it take?", "What was the biggest obstacle?"} {
		b.WriteString(q + "\n\nIt was something I felt I had to do, and we did it together.\n\n")
	}
	d, err := Parse("qa.txt", []byte(b.String()), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Interview)+len(d.FAQ) != 3 {
		t.Errorf("%d interview and %d FAQ pairs; want 3 pairs", len(d.Interview), len(d.FAQ))
	}
	// Two rhetorical questions in a review are not an interview.
	d, err = Parse("review.txt", []byte("Is it any good?\n\nYes, it is a fine film by anyone's measure.\n\nWho is it for?\n\nEveryone who likes a slow film.\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Interview)+len(d.FAQ) != 0 {
		t.Errorf("a review's two questions became %d pairs", len(d.Interview)+len(d.FAQ))
	}
}
