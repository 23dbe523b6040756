package dossier

import (
	"strings"

	"marquee/internal/film"
)

// Cast lists that pair names by layout rather than by words: "Holly
// Martins – Joseph Cotten" items and Actor | Character tables. They are
// read after the first pass, when the people the prose names are known,
// because the layout alone does not say which side is the actor.

// characterTitles open a character's name, rarely an actor's.
var characterTitles = map[string]bool{"Major": true, "Captain": true, "Colonel": true, "General": true, "Sergeant": true,
	"Detective": true, "Inspector": true, "Officer": true, "Agent": true, "Dr.": true, "Doctor": true, "Mr.": true,
	"Mrs.": true, "Miss": true, "Ms.": true, "Mr": true, "Mrs": true, "Uncle": true, "Aunt": true, "Father": true,
	"Mother": true, "Sister": true, "Brother": true, "Lady": true, "Lord": true, "King": true, "Queen": true,
	"Prince": true, "Princess": true, "Professor": true, "Judge": true, "Sheriff": true, "Young": true, "Old": true}

// layoutCast reads dash lists and cast tables in every section.
func (x *extractor) layoutCast(d *film.Dossier) {
	each := func(bs []film.Block, cast bool) {
		for _, b := range bs {
			switch b.Kind {
			case film.BlockList:
				x.dashList(b.Items)
				if cast {
					x.asList(b.Items)
				}
			case film.BlockParagraph:
				if t := strings.TrimSpace(b.Text); cast && strings.HasSuffix(t, ":") && len(t) < 120 {
					// "<li>Anthony Mackie as Sam Wilson / Captain America:<br>An
					// Avenger …": the label line of an entry broken in two.
					x.asLabel(t)
				}
			case film.BlockTable:
				x.castTable(b.Header, b.Rows)
			}
		}
	}
	for _, s := range d.Sections {
		cast := s.Kind == film.SectionCharacters
		each(s.Blocks, cast)
		for _, sub := range s.Subsections {
			each(sub.Blocks, cast)
			if s.Kind == film.SectionCharacters {
				x.asLabel(sub.Label)
			}
		}
	}
}

// asLabel reads a cast entry printed as a label over its description,
// as encyclopedia cast lists do: "Zoë Kravitz as Selina Kyle / Catwoman:"
// then a paragraph about the character. Under a cast heading the label
// says on its own which side is the actor; the character is kept as
// printed, aliases and nicknames included.
func (x *extractor) asLabel(label string) {
	actor, character, ok := strings.Cut(strings.TrimSpace(label), " as ")
	character = strings.TrimSpace(strings.TrimRight(character, ": "))
	if !ok || wordCount(actor) > 4 || !isNameLike(actor) || character == "" || len(character) > 80 || !isCap(character) {
		return
	}
	x.listPair(actor, character)
}

// dashSplit splits "A – B", "A — B" or "A - B" into two name-like sides.
func dashSplit(it string) (string, string, bool) {
	for _, sep := range []string{" – ", " — ", " - ", " ... ", " …. ", " … "} {
		if a, b, ok := strings.Cut(it, sep); ok {
			a, b = bareName(a), strings.Trim(bareName(b), ".")
			if wordCount(a) <= 4 && wordCount(b) <= 4 && isNameLike(a) && isNameLike(b) {
				return a, b, true
			}
		}
	}
	return "", "", false
}

// dashList pairs a list whose items are mostly "A – B". The side holding
// the people the article names elsewhere (or the catalog knows) is the
// actors'; titles such as "Major" mark the characters' side; with no
// evidence, "Actor – Role", the commoner order, is taken.
func (x *extractor) dashList(items []string) {
	type pair struct{ a, b string }
	var ps []pair
	for _, it := range items {
		if a, b, ok := dashSplit(it); ok {
			ps = append(ps, pair{a, b})
		}
	}
	if len(ps) < 2 || len(ps)*2 < len(items) {
		return
	}
	left, right := 0, 0
	for _, p := range ps {
		if _, ok := x.resolve(p.a); ok {
			left++
		}
		if _, ok := x.resolve(p.b); ok {
			right++
		}
		if characterTitles[strings.Fields(p.a)[0]] {
			right++
		}
		if characterTitles[strings.Fields(p.b)[0]] {
			left++
		}
	}
	for _, p := range ps {
		if right > left {
			x.pair(p.b, p.a)
		} else {
			x.pair(p.a, p.b)
		}
	}
	for _, it := range items {
		// "Lolo Hugo (Blind Man) - Mahatma Canda": the prose reader took
		// the bracket for a pair of its own; the list says it is a gloss.
		for _, side := range strings.Split(it, " - ") {
			if k := strings.Index(side, " ("); k > 0 && strings.HasSuffix(strings.TrimSpace(side), ")") {
				name, gloss := strings.TrimSpace(side[:k]), strings.Trim(strings.TrimSpace(side[k+2:]), ")")
				x.unpair(name, gloss)
				x.unpair(gloss, name)
			}
		}
	}
}

// bareName is a list item's side without a bracketed gloss: "Lolo Hugo
// (Blind Man)" is Lolo Hugo.
func bareName(s string) string {
	s = strings.TrimSpace(s)
	if k := strings.Index(s, " ("); k > 0 && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[:k])
	}
	return s
}

// castTable pairs the rows of a table whose header names an actor column
// and a character column: "Actor" and "Role", "Character name" and one
// "… voice actor" column a language, "Main role" and "Other roles (in
// order of appearance)", whose roles are separated by " / ".
func (x *extractor) castTable(header []string, rows [][]string) {
	var actors []int
	role, others := -1, -1
	for i, h := range header {
		h = strings.ToLower(strings.Trim(plainInline(h), "*_ "))
		switch {
		case strings.HasPrefix(h, "other role") || strings.HasPrefix(h, "other character") || strings.HasPrefix(h, "additional role"):
			others = i
		case role < 0 && (hasWord(h, "role") || hasWord(h, "character") || hasWord(h, "characters") || h == "part" || h == "as"):
			role = i
		case h == "actor" || h == "actress" || h == "actors" || h == "cast" || h == "performer" || h == "played by" || h == "name" ||
			hasWord(h, "actor") || hasWord(h, "actress"):
			actors = append(actors, i)
		case voiceColumn(h):
			// A voice cast: one column of actors for each language
			// ("Japanese", "English (Manga, 1995)").
			actors = append(actors, i)
		}
	}
	if len(actors) == 0 || role < 0 {
		return
	}
	defer x.dropRolePeople()
	for _, r := range rows {
		if role >= len(r) {
			continue
		}
		c := tableRole(plainInline(r[role]))
		x.roleGloss(plainInline(r[role]))
		for _, col := range actors {
			if col >= len(r) {
				continue
			}
			a := strings.TrimSpace(plainInline(r[col]))
			x.tableActor(a, c)
			if others >= 0 && others < len(r) {
				for _, o := range strings.Split(plainInline(r[others]), " / ") {
					x.tableActor(a, tableRole(o))
					x.roleGloss(o)
				}
			}
		}
	}
}

// dropRolePeople drops pairs made before a cast table was read whose
// person the table gives as a role.
func (x *extractor) dropRolePeople() {
	for _, p := range append([]film.CastPair(nil), x.d.Cast...) {
		if x.roles[p.Person] && p.Person != p.Character && !x.tableActors[p.Person] {
			x.unpair(p.Person, p.Character)
		}
	}
}

// roleGloss records the bracketed gloss of a role cell ("Monk (Maynard's
// Assistant)") as a role too: it names no actor.
func (x *extractor) roleGloss(cell string) {
	cell = strings.TrimSpace(cell)
	if k := strings.Index(cell, " ("); k > 0 && strings.HasSuffix(cell, ")") {
		x.roles[strings.TrimSpace(cell[k+2:len(cell)-1])] = true
	}
}

// tableRole is the character a cast table's cell names: without a
// bracketed gloss ("Boh (Baby)"), without a description after a comma
// that is not part of the name ("Akio Ogino, Chihiro's father", "Patsy,
// Arthur's Servant"; "Arthur, King of the Britons" and "Frank, the
// Historian" stay), and with the
// names of a two-named role spaced ("Chihiro Ogino/Sen").
func tableRole(c string) string {
	c = bareName(c)
	if k := strings.Index(c, ", "); k > 0 {
		rest := c[k+2:]
		epithet := strings.HasPrefix(rest, "the ") && isCap(rest[4:]) // "Frank, the Historian"
		if strings.Contains(rest, "'s ") || strings.Contains(rest, "’s ") || rest != "" && !isCap(rest) && !epithet {
			c = c[:k]
		}
	}
	if strings.Contains(c, "/") && !strings.Contains(c, " / ") {
		parts := strings.Split(c, "/")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		c = strings.Join(parts, " / ")
	}
	return strings.TrimSpace(c)
}

// tableActor pairs one cell's actor with the row's character. "Dean Wein
// (Dean Elliot)": the name credited in brackets is the same actor's, not
// a character, whatever the prose reader made of it.
func (x *extractor) tableActor(a, character string) {
	if k := strings.Index(a, " ("); k > 0 {
		alias := strings.Trim(a[k+2:], ") ")
		x.unpair(alias, a[:k])
		x.unpair(a[:k], alias)
		a = a[:k]
	}
	if isNameLike(a) && character != "" {
		x.tableActors[a] = true
		x.pair(a, character)
	}
}

// voiceColumn reports a cast table's header naming the actors who voice
// the roles: "voice", "voiced by", "dub", or a language ("Japanese",
// "English (Manga, 1995)") named by its first word.
func voiceColumn(h string) bool {
	if strings.Contains(h, "voice") || strings.Contains(h, "dub") {
		return true
	}
	w, _, _ := strings.Cut(h, " ")
	w = strings.Trim(w, "()")
	return strings.HasSuffix(w, "ese") || strings.HasSuffix(w, "ish") || strings.HasSuffix(w, "ian") ||
		w == "french" || w == "dutch" || w == "greek" || w == "thai" || w == "german" || w == "original"
}

// hasWord reports w as a whole word of the lower-case heading h.
func hasWord(h, w string) bool {
	for _, f := range strings.FieldsFunc(h, func(r rune) bool { return r == ' ' || r == '(' || r == ')' || r == '/' || r == ',' }) {
		if f == w {
			return true
		}
	}
	return false
}
