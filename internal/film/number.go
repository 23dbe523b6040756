package film

import "strconv"

// Grouped writes n in decimal with its thousands grouped by commas, as the
// site and the generated answers print counts: 6,615; -1,200; 999.
func Grouped(n int64) string {
	if n < 0 {
		return "-" + Grouped(-n)
	}
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
