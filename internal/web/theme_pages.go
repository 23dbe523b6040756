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
}

// themeNeighbour is a theme linked to the page's theme by shared films.
type themeNeighbour struct {
	Slug, Name string
	Shared     int
}
