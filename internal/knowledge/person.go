package knowledge

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"marquee/internal/film"
)

// PersonFilm is one film in a person's credits, with every role they had.
type PersonFilm struct {
	Slug, Title string
	Year        int
	Votes       int64
	Roles       []film.Role
	Character   string
}

func (p PersonFilm) name() string {
	if p.Year == 0 {
		return p.Title
	}
	return p.Title + " (" + strconv.Itoa(p.Year) + ")"
}

// KnownForFilms bounds the films named in "known for".
const KnownForFilms = 4

// TogetherFilms bounds the films named in "made together" (the most
// voted); the answer counts the rest.
const TogetherFilms = 10

// KnownFor answers "What is X known for?" from a person's credits (the
// most-voted films first; at least the KnownForFilms most voted), the
// number of films they are credited on, and awards. Without credits there
// is no answer.
func KnownFor(name, slug string, films []PersonFilm, total int, awards []film.Award, catalog film.Source) (film.Answer, bool) {
	if len(films) == 0 {
		return film.Answer{}, false
	}
	fs := append([]PersonFilm(nil), films...)
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Votes > fs[j].Votes })
	byRole := map[film.Role][]string{}
	var order []film.Role
	a := film.Answer{Question: fmt.Sprintf("What is %s known for?", name), Generated: true, Sources: []film.Source{catalog}}
	for i, f := range fs {
		if i == KnownForFilms {
			break
		}
		a.Links = append(a.Links, film.Source{Label: f.name(), URL: "/films/" + f.Slug})
		r := f.Roles[0]
		if _, ok := byRole[r]; !ok {
			order = append(order, r)
		}
		label := f.name()
		if r == film.RoleCast && f.Character != "" {
			label += " as " + f.Character
		}
		byRole[r] = append(byRole[r], label)
	}
	var parts []string
	for _, r := range order {
		parts = append(parts, roleVerb(r)+" "+andList(byRole[r]))
	}
	a.Answer = fmt.Sprintf("%s is best known for %s", name, andList(parts))
	var wins []string
	for _, w := range awards {
		if w.Won() {
			wins = append(wins, fmt.Sprintf("%s at the %s", awardName(w.Category), edition(w.Ceremony, w.Year)))
			a.Sources = append(a.Sources, AwardSource(w))
		}
	}
	if len(wins) > 0 {
		a.Answer += ", and won " + andList(dedupe(wins))
	}
	total = max(total, len(films))
	a.Answer += fmt.Sprintf(". The catalog credits %s on %s %s.", name, film.Grouped(int64(total)), plural(total, "film", "films"))
	a.Sources = dedupeSources(a.Sources)
	return a, true
}

func roleVerb(r film.Role) string {
	switch r {
	case film.RoleDirector:
		return "directing"
	case film.RoleWriter:
		return "writing"
	case film.RoleCast:
		return "acting in"
	case film.RoleProducer:
		return "producing"
	case film.RoleCinematographer:
		return "shooting"
	case film.RoleComposer:
		return "scoring"
	case film.RoleEditor:
		return "editing"
	}
	return "working on"
}

// Together answers "Which films did X and Y make together?" from the
// films both are credited on (at most TogetherFilms of them named) and
// how many there are; none, no answer.
func Together(name, otherName, otherSlug string, shared []PersonFilm, total int, catalog film.Source) (film.Answer, bool) {
	if len(shared) == 0 {
		return film.Answer{}, false
	}
	a := film.Answer{Question: fmt.Sprintf("Which films did %s and %s make together?", name, otherName), Generated: true,
		Sources: []film.Source{catalog}}
	a.Links = append(a.Links, film.Source{Label: otherName, URL: "/people/" + otherSlug})
	var titles []string
	for _, f := range shared {
		titles = append(titles, f.name())
		a.Links = append(a.Links, film.Source{Label: f.name(), URL: "/films/" + f.Slug})
	}
	total = max(total, len(shared))
	if rest := total - len(shared); rest > 0 {
		titles = append(titles, fmt.Sprintf("%s other %s", film.Grouped(int64(rest)), plural(rest, "film", "films")))
	}
	a.Answer = fmt.Sprintf("%s and %s are both credited on %s %s: %s.", name, otherName, film.Grouped(int64(total)),
		plural(total, "film", "films"), andList(titles))
	return a, true
}

// CatalogSource names the catalog facts of a film or person: the IMDb
// import when it carries an IMDb id, else the catalog itself.
func CatalogSource(imdbID, page string, person bool) film.Source {
	if imdbID != "" {
		kind := "title"
		if person {
			kind = "name"
		}
		return film.Source{Kind: film.SourceImport, Label: "the IMDb import", URL: "https://www.imdb.com/" + kind + "/" + imdbID + "/"}
	}
	return film.Source{Kind: film.SourceImport, Label: "the catalog", URL: page}
}

// awardName is how a sentence names an award won: a category that names
// what was best ("Best Director") stands alone, as in "won Best Director";
// any other prize takes the article ("won the Palme d'Or").
func awardName(category string) string {
	if strings.HasPrefix(category, "Best ") {
		return category
	}
	return "the " + category
}
