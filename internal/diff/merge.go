package diff

import "sort"

// hunk is one change of a text against its base: base[Lo:Hi] replaced by
// Lines (an insertion when Lo == Hi, a removal when Lines is empty).
type hunk struct {
	Lo, Hi int
	Lines  []string
	side   int // 0: ours, 1: theirs
}

// hunks lists the changes that turn base into other, in base order.
func hunks(base, other []string, side int) []hunk {
	delA, insB := changes(base, other)
	var out []hunk
	i, j := 0, 0
	for i < len(base) || j < len(other) {
		if (i < len(base) && delA[i]) || (j < len(other) && insB[j]) {
			h := hunk{Lo: i, side: side}
			for i < len(base) && delA[i] {
				i++
			}
			j0 := j
			for j < len(other) && insB[j] {
				j++
			}
			h.Hi = i
			h.Lines = other[j0:j]
			out = append(out, h)
			continue
		}
		i++
		j++
	}
	return out
}

// Conflict is a passage both edits changed in different ways.
type Conflict struct {
	Base   []string // the passage in the base text
	Ours   []string // as the first edit has it
	Theirs []string // as the second edit has it
	At     int      // index in the merged paragraphs where Theirs stands
}

// Merge3 merges two edits, ours and theirs, made to the same base (all
// three as paragraphs, see Paragraphs). Changes that touch different
// passages are both applied; a change both sides made identically is
// applied once; where the two edits changed one passage differently, the
// merged text keeps theirs and the passage is reported as a Conflict with
// both versions, so nothing is lost. Two changes conflict when their base
// passages overlap, or when both insert at the same place.
func Merge3(base, ours, theirs []string) (merged []string, conflicts []Conflict) {
	all := append(hunks(base, ours, 0), hunks(base, theirs, 1)...)
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Lo != all[j].Lo {
			return all[i].Lo < all[j].Lo
		}
		return all[i].Hi < all[j].Hi
	})
	pos := 0
	for k := 0; k < len(all); {
		// A cluster is a maximal run of hunks whose base passages overlap.
		lo, hi := all[k].Lo, all[k].Hi
		end := k + 1
		for end < len(all) && overlaps(all[end], lo, hi) {
			hi = max(hi, all[end].Hi)
			end++
		}
		cluster := all[k:end]
		k = end
		merged = append(merged, base[pos:lo]...)
		pos = hi
		o := apply(base, lo, hi, cluster, 0)
		t := apply(base, lo, hi, cluster, 1)
		sides := map[int]bool{}
		for _, h := range cluster {
			sides[h.side] = true
		}
		switch {
		case !sides[1]:
			merged = append(merged, o...)
		case !sides[0] || equal(o, t):
			merged = append(merged, t...)
		default:
			conflicts = append(conflicts, Conflict{
				Base: append([]string(nil), base[lo:hi]...), Ours: o, Theirs: t, At: len(merged),
			})
			merged = append(merged, t...)
		}
	}
	merged = append(merged, base[pos:]...)
	return merged, conflicts
}

// overlaps reports whether h, which starts at or after lo, touches the
// base passage [lo, hi): it starts inside it, or both are insertions at the
// same place. Changes that only meet end to end are independent.
func overlaps(h hunk, lo, hi int) bool {
	return h.Lo < hi || (lo == hi && h.Lo == lo && h.Hi == h.Lo)
}

// apply returns base[lo:hi] with one side's hunks of the cluster applied.
func apply(base []string, lo, hi int, cluster []hunk, side int) []string {
	var out []string
	pos := lo
	for _, h := range cluster {
		if h.side != side {
			continue
		}
		out = append(out, base[pos:h.Lo]...)
		out = append(out, h.Lines...)
		pos = h.Hi
	}
	return append(out, base[pos:hi]...)
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
