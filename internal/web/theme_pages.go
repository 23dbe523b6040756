package web

import (
	"marquee/internal/film"
	"marquee/internal/store"
)

// themesPage is /themes: the theme graph and every theme.
type themesPage struct {
	Base
	Graph  *chart
	Themes []store.ThemeSummary
}

// themePage is /themes/{slug}: what the theme is, its films by strength,
// and its neighbourhood in the graph.
type themePage struct {
	Base
	Theme      *film.Theme
	Summary    string // a sentence or two, from the facts
	Films      []store.RankedFilm
	Total      int
	Page       int
	First      int // the rank of the first film listed
	PrevURL    string
	NextURL    string
	Neighbours []themeNeighbour
	Graph      *chart

	// Editors' forms (theme_rename.go, theme_merge.go, theme_split.go).
	Editor bool
	Edit   themeEdit
}

// themeEdit is what an editor's refused theme edit posted, so that the
// page shows it again with the refusal next to the field at fault.
type themeEdit struct {
	Action string // "rename", "merge" or "split"
	Field  string // the field at fault: "name", "into", "films"
	Error  string
	Name   string
	Into   string
	Films  map[string]bool // the films ticked for a split
}

// themeNeighbour is a theme linked to the page's theme by shared films.
type themeNeighbour struct {
	Slug, Name string
	Shared     int
}
