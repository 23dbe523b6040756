package web

import (
	"encoding/xml"
	"net/http"
	"time"

	"marquee/internal/httpx"
)

// recentChangesFeed is /recent-changes.atom, with the page's filters.
func (s *Server) recentChangesFeed(w http.ResponseWriter, r *http.Request) error {
	f, err := changeFilter(r)
	if err != nil {
		return err
	}
	cs, err := s.store.RecentChanges(r.Context(), f)
	if err != nil {
		return err
	}
	self := s.absURL(r, "/recent-changes.atom")
	if r.URL.RawQuery != "" {
		self += "?" + r.URL.Query().Encode()
	}
	feed := atomFeed{Title: "Marquee: recent changes", ID: self,
		Links:  []atomLink{{Rel: "self", Href: self, Type: "application/atom+xml"}, {Rel: "alternate", Href: s.absURL(r, "/recent-changes")}},
		Author: atomAuthor{Name: "Marquee"}, Updated: time.Unix(0, 0).UTC().Format(time.RFC3339)}
	if len(cs) > 0 {
		feed.Updated = cs[0].At.Format(time.RFC3339)
	}
	for _, c := range cs {
		title := c.FilmTitle + ": "
		switch c.Kind {
		case "edit":
			title += "revision " + itoa(c.Revision)
		case "theory":
			title += "new theory “" + c.Summary + "”"
		default:
			title += "comment in “" + c.Summary + "”"
		}
		summary := c.Summary
		if c.Author != "" {
			summary = c.Author + ": " + summary
		}
		at := c.At.Format(time.RFC3339)
		feed.Entries = append(feed.Entries, atomEntry{Title: title, ID: s.absURL(r, changeURL(c)), Updated: at, Published: at,
			Link: atomLink{Href: s.absURL(r, changeURL(c))}, Summary: summary})
	}
	out, err := xml.MarshalIndent(feed, "", " ")
	if err != nil {
		return err
	}
	httpx.Write(w, r, http.StatusOK, "application/atom+xml; charset=utf-8", append([]byte(xml.Header), out...), time.Time{})
	return nil
}
