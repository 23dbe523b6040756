package web

import (
	"strings"

	"marquee/internal/film"
)

// creditLine says what a person did on one film, for a "Known for" tile:
// their jobs in film.Roles order ("Director, writer, editor"), and the
// characters they played ("as Mikey Saber"), so the tile does not repeat
// the person's own name where a film list shows its directors.
func creditLine(cs []film.Credit, filmSlug string) string {
	var (
		jobs  []string
		chars []string
		cast  bool
	)
	for _, role := range film.Roles {
		for _, c := range cs {
			if c.FilmSlug != filmSlug || c.Role != role {
				continue
			}
			if role == film.RoleCast {
				cast = true
				if c.Character != "" && !contains(chars, c.Character) {
					chars = append(chars, c.Character)
				}
				continue
			}
			if label := roleLabel(role); !contains(jobs, label) {
				jobs = append(jobs, label)
			}
		}
	}
	var parts []string
	if len(jobs) > 0 {
		s := strings.Join(jobs, ", ")
		parts = append(parts, strings.ToUpper(s[:1])+strings.ToLower(s[1:]))
	}
	switch {
	case len(chars) > 0:
		parts = append(parts, "as "+strings.Join(chars, " / "))
	case cast:
		parts = append(parts, "Cast")
	}
	return strings.Join(parts, "; ")
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
