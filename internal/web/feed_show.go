package web

import (
	"encoding/xml"
	"net/http"
	"time"

	"marquee/internal/httpx"
)

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title     string   `xml:"title"`
	ID        string   `xml:"id"`
	Updated   string   `xml:"updated"`
	Published string   `xml:"published"`
	Link      atomLink `xml:"link"`
	Summary   string   `xml:"summary"`
}

// feedShow serves an Atom feed of new and revised dossiers.
func (s *Server) feedShow(w http.ResponseWriter, r *http.Request) error {
	ds, err := s.store.DossierFilms(r.Context(), 50)
	if err != nil {
		return err
	}
	f := atomFeed{Title: "Marquee: new and revised dossiers", ID: s.absURL(r, "/feed.atom"),
		Links:  []atomLink{{Rel: "self", Href: s.absURL(r, "/feed.atom"), Type: "application/atom+xml"}, {Rel: "alternate", Href: s.absURL(r, "/")}},
		Author: atomAuthor{Name: "Marquee"}, Updated: time.Unix(0, 0).UTC().Format(time.RFC3339)}
	var newest time.Time
	for _, d := range ds {
		up := time.Unix(d.UpdatedAt, 0).UTC()
		if up.After(newest) {
			newest = up
		}
		title := d.Title
		if d.Year != 0 {
			title += " (" + itoa(d.Year) + ")"
		}
		summary := "A new dossier on " + title + "."
		if d.Revision > 1 {
			summary = "The dossier on " + title + " was revised (revision " + itoa(d.Revision) + ")."
		}
		url := s.absURL(r, "/films/"+d.Slug)
		f.Entries = append(f.Entries, atomEntry{Title: title, ID: url + "#dossier-r" + itoa(d.Revision), Updated: up.Format(time.RFC3339),
			Published: time.Unix(d.CreatedAt, 0).UTC().Format(time.RFC3339), Link: atomLink{Href: url}, Summary: summary})
	}
	if !newest.IsZero() {
		f.Updated = newest.Format(time.RFC3339)
	}
	body, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	httpx.Write(w, r, http.StatusOK, "application/atom+xml; charset=utf-8", append([]byte(xml.Header), body...), newest)
	return nil
}
