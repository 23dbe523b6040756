package dossier

import (
	"runtime"
	"strings"
	"testing"
)

// linearInputs are HTML pages and front-matter posts built to find
// super-linear corners of the read stage: each is made of a head, a unit
// repeated k times, and a tail.
var linearInputs = []struct {
	name, head, unit, tail string
}{
	{"html paragraphs", "<html><head><title>Red Rocket – Site</title></head><body><article>", "<p>Sean Baker’s <i>Red Rocket</i> stars Simon Rex, who plays Mikey Saber.</p>\n", "</article></body></html>"},
	{"html unclosed p", "<html><body><div>", "<p>Simon Rex plays Mikey, a washed-up actor, in Texas City.\n", "</div></body></html>"},
	{"html deep then text", "<html><body>" + strings.Repeat("<div>", 400), "<span>Sean Baker</span> directed the film, and it is long. ", "</body></html>"},
	{"html unmatched ends", "<html><body>" + strings.Repeat("<section>", 300) + "<p>Red Rocket is a 2021 film by Sean Baker, set in Texas City, about a returning actor. Simon Rex plays Mikey Saber, and Bree Elrod plays his estranged wife Lexi.</p>", "</b></i></span>", ""},
	{"html list items", "<html><body><p>The cast of the film, in order of appearance, was as follows.</p><ul>", "<li>Simon Rex as Mikey Saber", "</ul></body></html>"},
	{"html nested lists", "<html><body><p>The cast of the film, in order of appearance, was as follows.</p>", "<ul><li>Simon Rex<li>Bree Elrod", ""},
	{"html table rows", "<html><body><p>The cast of the film, in order of appearance, was as follows.</p><table>", "<tr><td>Simon Rex<td>Mikey", "</table></body></html>"},
	{"html chrome boxes", "<html><body><article><p>Red Rocket is a 2021 film by Sean Baker, set in Texas City, about a returning actor. Simon Rex plays Mikey Saber, and Bree Elrod plays his estranged wife Lexi.</p></article>", "<nav><a href=/>Home</a> <a href=/r>Reviews</a></nav><div class=\"share\">Share</div>", "</body></html>"},
	{"html scripts", "<html><body><p>Red Rocket is a 2021 film by Sean Baker, set in Texas City, about a returning actor. Simon Rex plays Mikey Saber, and Bree Elrod plays his estranged wife Lexi.</p>", "<script>var a = '<p>' + 1;</script><style>p{}</style>", "</body></html>"},
	{"html attributes", "<html><body><p>Red Rocket is a 2021 film by Sean Baker, set in Texas City, about a returning actor. Simon Rex plays Mikey Saber, and Bree Elrod plays his estranged wife Lexi.</p>", "<div class=\"a b c post-content entry\" id=\"x\" onclick=\"steal()\" data-x=\"1\">Simon Rex, Bree Elrod.</div>", "</body></html>"},
	{"html entities", "<html><body><p>", "Rex &amp; Elrod &#8217;s &mdash; &lt;b&gt; ", "</p></body></html>"},
	{"html comments", "<html><body><p>Red Rocket is a 2021 film by Sean Baker, set in Texas City, about a returning actor. Simon Rex plays Mikey Saber, and Bree Elrod plays his estranged wife Lexi.</p>", "<!-- <p>hidden</p> -->", "</body></html>"},
	{"html emphasis", "<html><body><p>", "<i>Red Rocket</i> and <b>Tangerine</b>, ", "</p></body></html>"},
	{"html open emphasis", "<html><body><p>Red Rocket is a 2021 film by Sean Baker, set in Texas City.", "<b>Simon Rex ", "</p></body></html>"},
	{"yaml header, long body", "---\ntitle: Red Rocket\ndirector: Sean Baker\nyear: 2021\ntags: [review, drama]\n---\n\n", "Simon Rex plays Mikey Saber, who returns to Texas City.\n\n", ""},
	{"yaml flow list", "---\ntitle: Red Rocket\ntags: [", "review, ", "drama]\n---\n\nSimon Rex plays Mikey Saber in Texas City, and the film is a comedy.\n"},
	{"yaml long value", "---\ntitle: \"", "Red Rocket ", "\"\n---\n\nSimon Rex plays Mikey Saber in Texas City, and the film is a comedy.\n"},
	{"yaml unclosed", "---\n", "title: Red Rocket\n", "\nSimon Rex plays Mikey Saber in Texas City, and the film is a comedy.\n"},
	{"yaml broken", "---\ntitle: [unclosed\n---\n\n", "Simon Rex plays Mikey Saber, who returns to Texas City.\n\n", ""},
	{"toml header, long body", "+++\ntitle = 'Red Rocket'\ndirector = 'Sean Baker'\nyear = 2021\n+++\n\n", "Simon Rex plays Mikey Saber, who returns to Texas City.\n\n", ""},
	{"toml array", "+++\ntitle = 'Red Rocket'\ntags = [", "'review', ", "'drama']\n+++\n\nSimon Rex plays Mikey Saber in Texas City, and the film is a comedy.\n"},
}

// TestReadLinearWork checks that the read stage's work grows linearly
// with HTML and front-matter input: doubling an input at most about
// doubles the allocations Parse makes, and four times the input
// allocates at most eight times the bytes (slices that grow by doubling
// may end anywhere between their need and twice it). Counting
// allocations rather than timing keeps the test deterministic on a
// shared machine; a quadratic corner (a list rebuilt per element, text
// copied per tag) shows as four and sixteen times the work.
func TestReadLinearWork(t *testing.T) {
	const k = 600 // units in the smallest input
	for _, in := range linearInputs {
		t.Run(in.name, func(t *testing.T) {
			src := func(n int) []byte { return []byte(in.head + strings.Repeat(in.unit, n) + in.tail) }
			a1, b1 := parseWork(src(k))
			a2, _ := parseWork(src(2 * k))
			_, b4 := parseWork(src(4 * k))
			t.Logf("%d units: %d allocations, %d bytes; 2×: %d allocations; 4×: %d bytes", k, a1, b1, a2, b4)
			// The fixed part (tables, maps of the extractor) is paid once,
			// so a linear input grows less than its repeated part.
			if float64(a2) > 2.3*float64(a1)+200 {
				t.Errorf("2× input made %.2f× the allocations (%d → %d)", float64(a2)/float64(a1), a1, a2)
			}
			if float64(b4) > 8*float64(b1)+256<<10 {
				t.Errorf("4× input allocated %.2f× the bytes (%d → %d)", float64(b4)/float64(b1), b1, b4)
			}
		})
	}
}

// parseWork returns the allocations and bytes allocated by one Parse.
// Parse keeps working buffers in sync.Pools between calls; two
// collections empty a pool (the first moves its items to the victim
// cache, the second drops them), so every measured Parse starts from
// empty pools and pays for its own buffers, whatever ran before it.
func parseWork(src []byte) (allocs, bytes uint64) {
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m0)
	Parse("x", src, nil)
	runtime.ReadMemStats(&m1)
	return m1.Mallocs - m0.Mallocs, m1.TotalAlloc - m0.TotalAlloc
}

// TestLinearInputsParse checks that the inputs above are read as the
// format they are meant to exercise, so the work test measures the path
// it names.
func TestLinearInputsParse(t *testing.T) {
	for _, in := range linearInputs {
		src := []byte(in.head + strings.Repeat(in.unit, 50) + in.tail)
		d, err := Parse("x", src, nil)
		want := formatHTML
		if !strings.HasPrefix(in.name, "html") {
			want = ""
		}
		switch {
		case err != nil:
			t.Errorf("%s: %v", in.name, err)
		case want != "" && d.Format != want:
			t.Errorf("%s: read as %s, want %s", in.name, d.Format, want)
		case want == "" && d.Format == formatHTML:
			t.Errorf("%s: read as HTML", in.name)
		}
	}
}
