package dossier

import "strings"

// Critics are introduced with their paper on either side of the name:
// "In his review for the San Francisco Chronicle, Peter Stack wrote",
// "Chicago Reader critic Jonathan Rosenbaum noted". A title in either
// place names a publication, never a film.

// reviewCues end the words before a publication's name.
var reviewCues = []string{"review for ", "review for the ", "review in ", "review in the ", "reviewing for ", "reviewing for the ",
	"writing in the ", "critic at ", "critic at the ", "column in ", "column in the ",
	// Staff of a paper: "a reporter for The Inquirer", "editor of The Inquirer".
	"reporter for ", "reporter for the ", "editor of ", "editor of the ", "journalist for ", "journalist for the ",
	"columnist for ", "columnist for the ", "writer for ", "writer for the ", "readers of ", "readers of the "}

// criticWords open the words after a publication's name.
var criticWords = []string{"critic", "film critic", "reviewer", "columnist", "'s critic", "’s critic", "'s reviewer", "’s reviewer"}

// pubBefore reports a title the words before it make a publication.
func pubBefore(before string) bool {
	b := strings.TrimRight(before[max(0, len(before)-40):], "“\"_*[ ")
	return hasSuffixAny(b+" ", reviewCues) || hasSuffixAny(b+" ", pubCues)
}

// criticAfter reports a title followed by the critic it employs:
// "Chicago Reader critic Jonathan Rosenbaum".
func criticAfter(after string) bool {
	a := strings.TrimLeft(after[:min(len(after), 30)], "”\"_*]")
	for _, w := range criticWords {
		rest, ok := strings.CutPrefix(a, w)
		if !ok && strings.HasPrefix(w, "'") == false {
			rest, ok = strings.CutPrefix(a, " "+w)
		}
		if ok && (rest == "" || rest[0] == ' ' || rest[0] == ',') {
			return true
		}
	}
	return false
}
