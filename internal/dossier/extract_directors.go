package dossier

import "strings"

// directedBy finds the director named in an introduction: "directed by
// Sean Baker", "written, directed, produced and edited by Alfonso
// Cuarón", "directed by Mark and Jay Duplass" (two directors), "directed
// by the visionary filmmaker Sean Baker", or "Greta Gerwig's directorial
// debut".
func directedBy(s string) []string {
	i := strings.Index(s, "directed")
	if i < 0 {
		i = strings.Index(s, "Directed")
	}
	if i < 0 || i+8 < len(s) && s[i+8] != ' ' && s[i+8] != ',' {
		return debutOf(s)
	}
	j := strings.Index(s[i:min(len(s), i+60)], " by ")
	if j < 0 {
		return debutOf(s)
	}
	rest := s[i+j+len(" by "):]
	name := nameAfter(rest, 4)
	if name == "" {
		return []string{}
	}
	return withPartner(name, rest)
}

// withPartner adds a second name joined by "and": "Mark and Jay Duplass"
// gives Mark Duplass and Jay Duplass, "Joel Coen and Ethan Coen" both.
func withPartner(name, rest string) []string {
	k := strings.Index(rest, name)
	if k < 0 || k > 80 {
		return []string{name}
	}
	after, ok := strings.CutPrefix(rest[k+len(name):], " and ")
	if !ok {
		return []string{name}
	}
	second := nameAfter(after, 0)
	if second == "" || !strings.HasPrefix(after, second) || possessiveAt(after, second) {
		return []string{name}
	}
	if !strings.Contains(name, " ") && strings.Contains(second, " ") {
		name += second[strings.LastIndexByte(second, ' '):]
	}
	if !strings.Contains(second, " ") {
		return []string{name}
	}
	return []string{name, second}
}

// filmBy finds the maker of "… is a 1941 American drama film by Orson
// Welles": in an article's opening sentence "a film by" names its
// director.
func filmBy(s string) []string {
	if len(s) > 300 {
		s = s[:300]
	}
	if k := strings.Index(s, ". "); k > 0 {
		s = s[:k]
	}
	for _, cue := range []string{" film by ", " movie by ", " picture by "} {
		k := strings.Index(s, cue)
		if k < 0 {
			continue
		}
		if name := nameAfter(s[k+len(cue):], 0); wordCount(name) >= 2 && strings.HasPrefix(s[k+len(cue):], name) {
			return []string{name}
		}
	}
	return []string{}
}

// debutOf finds "Greta Gerwig's solo directing debut".
func debutOf(s string) []string {
	for _, d := range []string{" directorial debut", " directing debut", " feature debut"} {
		k := strings.Index(s, d)
		if k < 0 || k > 400 {
			continue
		}
		before := strings.TrimSuffix(strings.TrimSuffix(s[:k], " solo"), " feature")
		before, ok := strings.CutSuffix(before, "'s")
		if !ok {
			before, ok = strings.CutSuffix(before, "’s")
		}
		if name := runBefore(before); ok && wordCount(name) >= 2 {
			return []string{name}
		}
	}
	return filmBy(s)
}

// infoboxDirectors reads the "director" or "directors" field of a wiki
// infobox kept in refs ("infobox directors: Terry Gilliam, Terry Jones").
// Only values that are names are taken: a field may hold a template's
// leftovers or a note.
func infoboxDirectors(refs []string) []string {
	for _, r := range refs {
		rest, ok := strings.CutPrefix(r, "infobox ")
		if !ok {
			continue
		}
		k, v, ok := strings.Cut(rest, ":")
		if k = strings.ToLower(strings.TrimSpace(k)); !ok || k != "director" && k != "directors" {
			continue
		}
		var names []string
		for _, n := range strings.Split(strings.ReplaceAll(v, " and ", ", "), ",") {
			n = strings.TrimSpace(n)
			if n == "" {
				continue
			}
			if nameAfter(n, 0) != n {
				return nil
			}
			names = append(names, n)
		}
		return names
	}
	return nil
}
