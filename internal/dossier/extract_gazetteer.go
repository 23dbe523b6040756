package dossier

import (
	_ "embed"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The gazetteers are deliberately modest: names common in film writing.
// Patterns ("on location in X", "interview with X") catch the rest.

// The word lists are data files that say where they come from; see
// data/*.txt.
var (
	//go:embed data/places.txt
	placesTxt string
	//go:embed data/publications.txt
	publicationsTxt string
	//go:embed data/first-names.txt
	firstNamesTxt string

	places       = lineSet(placesTxt)
	publications = lineSet(publicationsTxt)
	// firstNames are given names; a capitalised run that opens with one
	// is likely a person.
	firstNames = lineSet(firstNamesTxt)
)

// pubFirst holds the first word of every publication, so that a clause
// is only searched for names that can start one.
var pubFirst = func() map[string]bool {
	m := map[string]bool{}
	for p := range publications {
		// "the Guardian" is found as "Guardian", as in a capitalised run.
		if w, _, _ := strings.Cut(p, " "); isCap(w) {
			m[w] = true
		}
	}
	return m
}()

// orgWords end names that are not people: "Magnolia Pictures".
var orgWords = setOf(`Pictures|Studios|Studio|Films|Film|Festival|Award|Awards|Prize|Boulevard|Avenue|Street|Road|Route|Labs|Inn|Suites|Institute|University|College|Center|Centre|Park|Project|Productions|Records|Entertainment|Media|Magazine|Times|Post|News|Reporter|Club|Society|Academy|Foundation|Company|Kingdom|Castle|Motel|Hotel|World|Time|Eve|Day|Dream|Globe|Oscar|Oscars|Lead|Female|Male|Actor|Actress|Picture|Director|Screenplay|Theater|Theatre|Network|Channel|Pro|Gang|Channel`)

// stopCaps are capitalised only because they open a sentence.
var stopCaps = setOf(`A|An|The|In|On|At|As|It|Its|It’s|This|That|These|Those|While|When|Where|From|With|For|And|But|Or|Despite|Each|Every|His|Her|Their|Our|What|Who|How|Why|Is|Are|Was|Were|Did|Does|Do|Yes|No|Not|Some|Many|Others|After|Before|During|Instead|Speaking|Talking|Upon|Among|Behind|Throughout|Within|Through|Meanwhile|Although|Though|If|Even|Both|Neither|Nor|Only|Few|Most|All|One|Two|Three|Here|There|Then|Now|Alongside|Over|Under|By|To|Of|He|She|They|We|You|I|Director|Filmmaker|Ultimately|Also|Like|Unlike|Whether|So|Yet|Still|Later|Critics|Audiences|Viewers|Fans|Defenders|Reviews|Scenes|Let|Set|Made|Shot|Filmed|Directed|Written|Led|Starring|Featuring|Within|Once|Just|Perhaps|Indeed|However|Nearly|Running|Cinematographer|Composer|Editor|Producer|Screenwriter|Writer|Novelist|Author|Critic|Actress|Co-writer|Co-star`)

func setOf(list string) map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Split(list, "|") {
		m[s] = true
	}
	return m
}

// lineSet reads a data file: one entry a line, "#" lines are comments.
func lineSet(data string) map[string]bool {
	m := make(map[string]bool, strings.Count(data, "\n"))
	for _, l := range strings.Split(data, "\n") {
		if l = strings.TrimSpace(l); l != "" && l[0] != '#' {
			m[l] = true
		}
	}
	return m
}

// isGivenName reports a given name of the list, accents aside: the list
// spells "Penelope", an article "Penélope".
func isGivenName(w string) bool {
	if firstNames[w] {
		return true
	}
	var b strings.Builder
	for _, r := range norm.NFKD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.Len() != len(w) && firstNames[b.String()]
}
