package web

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"testing"

	"marquee/internal/film"
)

var barRE = regexp.MustCompile(`<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)" height="[0-9.]+" class="yr yr-(\w+)"><title>(\d+): `)

// A career of 150 films, up to six a year, draws one bar per role and
// year, and no two bars of a role overlap: nothing smears.
func TestTimelineBarsPerYear(t *testing.T) {
	var groups []creditGroup
	years := map[film.Role]map[int]bool{}
	for r, role := range []film.Role{film.RoleDirector, film.RoleCast} {
		g := creditGroup{Role: role, Label: roleLabel(role)}
		years[role] = map[int]bool{}
		for i := range 75 {
			y := 1950 + (i*7+r)%40
			g.Credits = append(g.Credits, film.Credit{FilmTitle: fmt.Sprintf("F%d", i), FilmYear: y})
			years[role][y] = true
		}
		groups = append(groups, g)
	}
	c := timelineChart("Pat", groups)
	type span struct{ lo, hi float64 }
	bars := map[string][]span{}
	for _, m := range barRE.FindAllStringSubmatch(string(c.SVG), -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		w, _ := strconv.ParseFloat(m[2], 64)
		bars[m[3]] = append(bars[m[3]], span{x, x + w})
	}
	for role, ys := range years {
		got := bars[string(role)]
		if len(got) != len(ys) {
			t.Errorf("%s: %d bars for %d years", role, len(got), len(ys))
		}
		sort.Slice(got, func(i, j int) bool { return got[i].lo < got[j].lo })
		for i := 1; i < len(got); i++ {
			if got[i].lo < got[i-1].hi {
				t.Errorf("%s: bars at %.1f and %.1f overlap", role, got[i-1].lo, got[i].lo)
			}
		}
	}
	if len(c.Rows) != 150 {
		t.Errorf("the table has %d rows, want one per film (150)", len(c.Rows))
	}
}
