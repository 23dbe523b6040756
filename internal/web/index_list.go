package web

import (
	"net/http"
	"strings"

	"marquee/internal/store"
)

// indexPageSize is the number of entries per index page.
const indexPageSize = 100

// indexSource reads one page of an index and its total.
type indexSource func(r *http.Request, limit, offset int) ([]store.IndexEntry, int, error)

// serveIndex renders one page of an index, each entry turned into a row
// by row.
func (s *Server) serveIndex(w http.ResponseWriter, r *http.Request, p *indexPage, read indexSource, row func(store.IndexEntry) indexRow) error {
	pg, err := intParam(r, "page", 1, 1, maxPage)
	if err != nil {
		return err
	}
	entries, total, err := read(r, indexPageSize, (pg-1)*indexPageSize)
	if err != nil {
		return err
	}
	p.Total, p.pager = total, newPager(r, pg, total, indexPageSize)
	if !p.PastEnd {
		for _, e := range entries {
			p.Entries = append(p.Entries, row(e))
		}
	}
	p.Base = s.newBase(r, p.Heading, p.Lede)
	if pg > 1 {
		p.Title += " — page " + itoa(pg)
		p.Canonical = s.absURL(r, r.URL.RequestURI())
	}
	s.render(w, r, p.status(), "index", p)
	return nil
}

func (s *Server) personList(w http.ResponseWriter, r *http.Request) error {
	p := &indexPage{Kicker: "Index", Heading: "People", Noun: "person", Nouns: "people",
		Lede: "Everyone credited in the catalog, those with the most credits first."}
	return s.serveIndex(w, r, p, func(r *http.Request, limit, offset int) ([]store.IndexEntry, int, error) {
		return s.store.PeopleIndex(r.Context(), limit, offset)
	}, func(e store.IndexEntry) indexRow {
		return indexRow{URL: "/people/" + e.Slug, Name: e.Name, Detail: strings.ReplaceAll(e.Detail, ",", ", "), Count: e.Count, CountOne: "credit", CountMany: "credits"}
	})
}

func (s *Server) characterList(w http.ResponseWriter, r *http.Request) error {
	p := &indexPage{Kicker: "Index", Heading: "Characters", Noun: "character", Nouns: "characters",
		Lede: "Characters with a page of their own, those of the most-watched films first."}
	return s.serveIndex(w, r, p, func(r *http.Request, limit, offset int) ([]store.IndexEntry, int, error) {
		return s.store.CharacterIndex(r.Context(), limit, offset)
	}, func(e store.IndexEntry) indexRow {
		d := "in " + e.Film.Title
		if e.Film.Year != 0 {
			d += " (" + itoa(e.Film.Year) + ")"
		}
		if e.Detail != "" {
			d += ", played by " + e.Detail
		}
		return indexRow{URL: "/films/" + e.Film.Slug + "/characters/" + e.Slug, Name: e.Name, Detail: d}
	})
}

func (s *Server) placeList(w http.ResponseWriter, r *http.Request) error {
	return s.mentionList(w, r, "place", "/places/", &indexPage{Kicker: "Index", Heading: "Places", Noun: "place", Nouns: "places",
		Lede: "Places the dossiers mention, those in the most dossiers first."})
}

func (s *Server) publicationList(w http.ResponseWriter, r *http.Request) error {
	return s.mentionList(w, r, "publication", "/publications/", &indexPage{Kicker: "Index", Heading: "Publications", Noun: "publication", Nouns: "publications",
		Lede: "Newspapers, magazines and sites the dossiers cite, those in the most dossiers first."})
}

func (s *Server) mentionList(w http.ResponseWriter, r *http.Request, kind, prefix string, p *indexPage) error {
	return s.serveIndex(w, r, p, func(r *http.Request, limit, offset int) ([]store.IndexEntry, int, error) {
		return s.store.MentionIndex(r.Context(), kind, limit, offset)
	}, func(e store.IndexEntry) indexRow {
		return indexRow{URL: prefix + e.Slug, Name: e.Name, Count: e.Count, CountOne: "dossier", CountMany: "dossiers"}
	})
}
