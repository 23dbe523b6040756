package diff

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// lcs is the textbook dynamic programme, the yardstick for Compare.
func lcs(a, b []string) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}

func sides(cs []Chunk) (a, b []string, common int) {
	for _, c := range cs {
		switch c.Op {
		case Equal:
			a = append(a, c.Tokens...)
			b = append(b, c.Tokens...)
			common += len(c.Tokens)
		case Delete:
			a = append(a, c.Tokens...)
		case Insert:
			b = append(b, c.Tokens...)
		}
	}
	return a, b, common
}

func randSeq(r *rand.Rand, n, alphabet int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = string(rune('a' + r.IntN(alphabet)))
	}
	return out
}

// TestCompareMinimal checks on random inputs that the chunks rebuild both
// sides and that what they keep is a longest common subsequence.
func TestCompareMinimal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 3000; n++ {
		a := randSeq(r, r.IntN(25), 1+r.IntN(5))
		b := randSeq(r, r.IntN(25), 1+r.IntN(5))
		cs := Compare(a, b)
		ga, gb, common := sides(cs)
		if diff := cmp.Diff(a, ga, cmpEmpty); diff != "" {
			t.Fatalf("old side of %q→%q (-want +got):\n%s", a, b, diff)
		}
		if diff := cmp.Diff(b, gb, cmpEmpty); diff != "" {
			t.Fatalf("new side of %q→%q (-want +got):\n%s", a, b, diff)
		}
		if want := lcs(a, b); common != want {
			t.Fatalf("%q→%q keeps %d tokens, the LCS has %d", a, b, common, want)
		}
		for i := 1; i < len(cs); i++ {
			if cs[i].Op == cs[i-1].Op {
				t.Fatalf("two %v chunks in a row in %v", cs[i].Op, cs)
			}
			if cs[i-1].Op == Insert && cs[i].Op == Delete {
				t.Fatalf("insert before delete in %v", cs)
			}
		}
	}
}

var cmpEmpty = cmp.Transformer("empty", func(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
})

func TestCompareLargeDisjoint(t *testing.T) {
	// Wholly different inputs: the linear-space search must finish and mark
	// everything, without the quadratic memory of a full trace.
	a := make([]string, 3000)
	b := make([]string, 3000)
	for i := range a {
		a[i] = "a" + itoa(i)
		b[i] = "b" + itoa(i)
	}
	_, _, common := sides(Compare(a, b))
	if common != 0 {
		t.Fatalf("disjoint inputs share %d tokens", common)
	}
}

func itoa(i int) string {
	return strings.Repeat("x", i%7) + string(rune('0'+i%10)) + string(rune('A'+i/10%26)) + string(rune('a'+i/260%26)) + string(rune('a'+i/6760%26))
}

func TestWordsRebuild(t *testing.T) {
	for _, s := range []string{"", "Mikey Saber returns to Texas City.", "don't  stop—now’s  the time", "Amélie, 2001; 「日本」 ok", "\t trailing  "} {
		if got := strings.Join(Words(s), ""); got != s {
			t.Errorf("Words(%q) joins to %q", s, got)
		}
	}
	if diff := cmp.Diff([]string{"don't", " ", "stop", "."}, Words("don't stop.")); diff != "" {
		t.Errorf("Words (-want +got):\n%s", diff)
	}
}

func TestTexts(t *testing.T) {
	old := "Plot\n\nMikey returns to Texas City.\n\nHe meets Strawberry.\n\nThe end.\n"
	new := "Plot\n\nMikey Saber returns to Texas City, broke.\n\nA wholly new paragraph about the refinery.\n\nThe end.\n"
	blocks, st := Texts(old, new)
	var ops []string
	for _, b := range blocks {
		op := b.Op.String()
		if b.Changed {
			op = "changed"
		}
		ops = append(ops, op)
	}
	if diff := cmp.Diff([]string{"equal", "changed", "delete", "insert", "equal"}, ops); diff != "" {
		t.Fatalf("block ops (-want +got):\n%s", diff)
	}
	want := Stats{ParagraphsAdded: 1, ParagraphsRemoved: 1, ParagraphsChanged: 1, WordsAdded: 1 + 1 + 7, WordsRemoved: 3}
	if diff := cmp.Diff(want, st); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}
	var ins []string
	for _, c := range blocks[1].Words {
		if c.Op == Insert {
			ins = append(ins, strings.Join(c.Tokens, ""))
		}
	}
	for i := range ins {
		ins[i] = strings.TrimSpace(ins[i])
	}
	if diff := cmp.Diff([]string{"Saber", ", broke"}, ins); diff != "" {
		t.Errorf("word insertions (-want +got):\n%s", diff)
	}
}

func TestMerge3(t *testing.T) {
	p := Paragraphs
	tests := []struct {
		name            string
		base, ours, the string
		want            string
		conflicts       int
	}{
		{"disjoint edits", "A\n\nB\n\nC\n\nD", "A2\n\nB\n\nC\n\nD", "A\n\nB\n\nC\n\nD2", "A2\n\nB\n\nC\n\nD2", 0},
		{"adjacent edits", "A\n\nB\n\nC", "A\n\nB2\n\nC", "A\n\nB\n\nC2", "A\n\nB2\n\nC2", 0},
		{"same edit twice", "A\n\nB", "A\n\nB2", "A\n\nB2", "A\n\nB2", 0},
		{"insert and delete elsewhere", "A\n\nB\n\nC", "A\n\nnew\n\nB\n\nC", "A\n\nB", "A\n\nnew\n\nB", 0},
		{"one side only", "A\n\nB", "A\n\nB", "X\n\nB", "X\n\nB", 0},
		{"both change one paragraph", "A\n\nB\n\nC", "A\n\nB-ours\n\nC", "A\n\nB-theirs\n\nC", "A\n\nB-theirs\n\nC", 1},
		{"both insert at one place", "A\n\nC", "A\n\nB1\n\nC", "A\n\nB2\n\nC", "A\n\nB2\n\nC", 1},
		{"delete against edit", "A\n\nB\n\nC", "A\n\nC", "A\n\nB2\n\nC", "A\n\nB2\n\nC", 1},
		{"both append", "A", "A\n\nX", "A\n\nY", "A\n\nY", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, cs := Merge3(p(tc.base), p(tc.ours), p(tc.the))
			if diff := cmp.Diff(p(tc.want), got, cmpEmpty); diff != "" {
				t.Errorf("merged (-want +got):\n%s", diff)
			}
			if len(cs) != tc.conflicts {
				t.Errorf("%d conflicts, want %d: %+v", len(cs), tc.conflicts, cs)
			}
		})
	}
}

// TestMerge3Properties: merging an edit with an unchanged base gives the
// edit; merging with itself gives itself; disjoint random edits keep every
// paragraph either side added.
func TestMerge3Properties(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 2000; n++ {
		base := randSeq(r, r.IntN(12), 6)
		edit := mutate(r, base)
		if got, cs := Merge3(base, edit, base); len(cs) != 0 || !equal(got, edit) {
			t.Fatalf("merge(%q, ours=%q, theirs=base) = %q, %d conflicts", base, edit, got, len(cs))
		}
		if got, cs := Merge3(base, base, edit); len(cs) != 0 || !equal(got, edit) {
			t.Fatalf("merge(%q, ours=base, theirs=%q) = %q, %d conflicts", base, edit, got, len(cs))
		}
		if got, cs := Merge3(base, edit, edit); len(cs) != 0 || !equal(got, edit) {
			t.Fatalf("merge(%q, %q twice) = %q, %d conflicts", base, edit, got, len(cs))
		}
		other := mutate(r, base)
		got, cs := Merge3(base, edit, other)
		for _, c := range cs {
			if equal(c.Ours, c.Theirs) {
				t.Fatalf("conflict with equal sides: %+v", c)
			}
		}
		_ = got
	}
}

func mutate(r *rand.Rand, base []string) []string {
	out := append([]string(nil), base...)
	for k := r.IntN(3); k >= 0; k-- {
		switch i := r.IntN(len(out) + 1); r.IntN(3) {
		case 0:
			out = append(out[:i], append([]string{"new" + string(rune('a'+r.IntN(26)))}, out[i:]...)...)
		case 1:
			if i < len(out) {
				out = append(out[:i], out[i+1:]...)
			}
		case 2:
			if i < len(out) {
				out[i] += "'"
			}
		}
	}
	return out
}

func TestParagraphs(t *testing.T) {
	got := Paragraphs("Title\r\n\r\n\r\nline one\nline two\n   \nlast")
	if diff := cmp.Diff([]string{"Title", "line one\nline two", "last"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if Join(got) != "Title\n\nline one\nline two\n\nlast\n" {
		t.Errorf("Join = %q", Join(got))
	}
}
