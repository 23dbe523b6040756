package dossier

import (
	"strings"
)

// A cast list is a list of "Actor as Role" items under a cast heading:
// "Rahul as Muthu", "Eric Barker as Dr. Morgan Rutherford", "Satya
// Bandyopadhyay as Santu's father", "Jim Dale as Cheeky young trombonist".
// The list says on its own which side is the actor, so neither a single
// name nor a role that is a description needs other evidence; the prose
// reader, which does, may have cut such a role short ("Dr") or read a
// parenthesis the wrong way round, and the list corrects it.

// asList pairs the items of a cast section's list when most of them read
// "Actor as Role".
func (x *extractor) asList(items []string) {
	type entry struct{ actor, role string }
	var es []entry
	for _, it := range items {
		if a, r, ok := asItem(plainInline(it)); ok {
			es = append(es, entry{a, r})
		}
	}
	if len(es) < 2 || len(es)*2 < len(items) {
		return
	}
	for _, e := range es {
		x.unpairCharacter(e.actor)
		x.listPair(e.actor, e.role)
	}
}

// asItem splits one "Actor as Role[: note]" item.
func asItem(it string) (actor, role string, ok bool) {
	actor, role, ok = strings.Cut(strings.TrimSpace(it), " as ")
	if !ok {
		return "", "", false
	}
	if k := strings.Index(actor, " ("); k > 0 {
		actor = actor[:k] // "Eddie Wilson (Albert Edward Wilson)": the name he is credited by
	}
	actor = strings.TrimSpace(actor)
	if actor == "" || wordCount(actor) > 4 || !isNameLike(actor) {
		return "", "", false
	}
	role = trimNoteMark(roleText(role)) // "Condemned Officer.2": a footnote mark left behind
	if role == "" || !isCap(role) && !startsDigit(role) {
		return "", "", false
	}
	return actor, role, true
}

// roleText is the role an item gives: up to a note (": …", ". …", " (…",
// ", …" — "Special Agent Richard Gill, U.S. Secret Service"),
// without a leading article, at most eight words.
func roleText(r string) string {
	r = strings.TrimSpace(r)
	for _, a := range []string{"the ", "a ", "an "} {
		r = strings.TrimPrefix(r, a)
	}
	end := len(r)
	for _, sep := range []string{": ", " (", ", ", "; ", " – ", " — "} {
		if k := strings.Index(r, sep); k >= 0 && k < end {
			end = k
		}
	}
	for from := 0; from < end; {
		k := strings.Index(r[from:end], ". ")
		if k < 0 {
			break
		}
		k += from
		if !abbreviationBefore(r[:k]) {
			end = k
			break
		}
		from = k + 2
	}
	r = strings.TrimRight(strings.TrimSpace(r[:end]), ".,;:")
	if wordCount(r) > 8 {
		return ""
	}
	return r
}

// abbreviationBefore reports a title or initial ending s, after which a
// full stop does not end a sentence: "Dr", "Mrs", "Jr", "U.S", "K".
func abbreviationBefore(s string) bool {
	w := s[strings.LastIndexAny(s, " ")+1:]
	switch w {
	case "Dr", "Mr", "Mrs", "Ms", "St", "Jr", "Sr", "Prof", "Rev", "Capt", "Col", "Gen", "Sgt", "Lt", "No", "Vol":
		return true
	}
	return len(w) == 1 && isCap(w) || strings.Contains(w, ".")
}

func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// listPair pairs actor and role, replacing a pair the prose reader made
// for the same actor with a role this one extends ("Dr" for "Dr. Morgan
// Rutherford", "Dade" for "Dade Murphy").
func (x *extractor) listPair(actor, role string) {
	if full, ok := x.resolve(actor); ok && strings.HasSuffix(full, " "+actor) {
		actor = full
	}
	for i, p := range x.d.Cast {
		if n := len(p.Character); p.Person == actor && n < len(role) && strings.HasPrefix(role, p.Character) && (role[n] == ' ' || role[n] == '.') {
			delete(x.pairs, p.Person+"\x00"+p.Character)
			x.d.Cast = append(x.d.Cast[:i:i], x.d.Cast[i+1:]...)
			break
		}
	}
	x.pair(actor, role)
}

// unpairCharacter drops pairs whose character is name: the cast list
// gives name as an actor's.
func (x *extractor) unpairCharacter(name string) {
	out := x.d.Cast[:0]
	for _, p := range x.d.Cast {
		if p.Character == name {
			delete(x.pairs, p.Person+"\x00"+p.Character)
			continue
		}
		out = append(out, p)
	}
	x.d.Cast = out
}

// unpair drops the pair of person and character, if it was made.
func (x *extractor) unpair(person, character string) {
	key := person + "\x00" + character
	if !x.pairs[key] {
		return
	}
	delete(x.pairs, key)
	for i, p := range x.d.Cast {
		if p.Person == person && p.Character == character {
			x.d.Cast = append(x.d.Cast[:i:i], x.d.Cast[i+1:]...)
			return
		}
	}
}
