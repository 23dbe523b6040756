package dossier

import (
	_ "embed"
	"strings"
)

// Words to watch, after Wikipedia's guideline of that name: peacock terms
// praise without showing, weasel phrases claim support without saying
// whose. The lists are a data file that says where it comes from.
var (
	//go:embed data/words-to-watch.txt
	wordsToWatchTxt string

	wordsToWatch = sectionLists(wordsToWatchTxt)

	peacockTerms = wordsToWatch["peacock"]
	// acclaimTerms are praise that needs a source on the same line.
	acclaimTerms  = wordsToWatch["acclaim"]
	weaselPhrases = wordsToWatch["weasel"]
	// successClaims assert commercial success; negated ones ("may not
	// have achieved blockbuster status") are skipped.
	successClaims = wordsToWatch["success"]
	// acclaimClaims assert critical praise, checked against the rating.
	acclaimClaims = wordsToWatch["acclaim-claim"]
)

// sectionLists reads a data file of "[name]" headers, each followed by
// one entry a line; "#" lines are comments.
func sectionLists(data string) map[string][]string {
	m := map[string][]string{}
	name := ""
	for _, l := range strings.Split(data, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "" || l[0] == '#':
		case l[0] == '[' && l[len(l)-1] == ']':
			name = l[1 : len(l)-1]
		default:
			m[name] = append(m[name], strings.ToLower(l))
		}
	}
	return m
}
