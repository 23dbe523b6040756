package web

import (
	"net/http"

	"marquee/internal/film"
	"marquee/internal/store"
)

// Base is what every page carries.
type Base struct {
	Title     string // the <title>, without the site name
	Canonical string // path of the canonical URL
	Query     string // the search box's current text
}

func (s *Server) base(r *http.Request, title string) Base {
	return Base{Title: title, Canonical: r.URL.Path, Query: r.URL.Query().Get("q")}
}

type errorPage struct {
	Base
	Status  int
	Message string
}

type homePage struct {
	Base
	Films []film.Film
	Total int
}

type filmPage struct {
	Base
	Film       *film.Film
	Directors  []film.Credit
	Writers    []film.Credit
	Cast       []film.Credit
	Crew       []film.Credit
	Characters []film.Character
	BoxOffice  *film.BoxOffice
	Festivals  []film.Festival
	Advisories []film.Advisory
	Relations  []film.Relation
	Dossier    *film.Dossier
}

type personPage struct {
	Base
	Person     *film.Person
	Credits    []film.Credit
	Characters []film.Character
	Mentioned  []store.FilmRef
}
