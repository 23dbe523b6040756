package web

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"time"

	"marquee/internal/httpx"
	"marquee/internal/member"
)

// activityText says what an activity was, in words.
func activityText(a member.Activity) string {
	film := a.FilmTitle
	if a.FilmYear != 0 {
		film += fmt.Sprintf(" (%d)", a.FilmYear)
	}
	switch a.Kind {
	case "rated":
		return fmt.Sprintf("%s rated %s %s", a.Member, film, a.Rating.Glyphs())
	case "liked":
		return a.Member + " liked " + film
	case "reviewed":
		return a.Member + " reviewed " + film
	case "logged":
		return a.Member + " watched " + film
	case "watchlisted":
		return a.Member + " wants to watch " + film
	case "listed":
		return a.Member + " made the list " + a.Object
	case "followed":
		return a.Member + " followed " + a.Object
	}
	return a.Member + " " + a.Kind
}

// memberFeed serves a member's public activity as Atom.
func (s *Server) memberFeed(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	uid, _, _, err := s.memberAccess(ctx, r)
	if err != nil {
		return err
	}
	name := r.PathValue("name")
	acts, err := s.store.MemberActivity(ctx, uid, false, 50)
	if err != nil {
		return err
	}
	self := s.absURL(r, "/members/"+name+"/feed.atom")
	f := atomFeed{Title: "Marquee: " + name, ID: self, Author: atomAuthor{Name: name},
		Links:   []atomLink{{Rel: "self", Href: self, Type: "application/atom+xml"}, {Rel: "alternate", Href: s.absURL(r, "/members/"+name)}},
		Updated: time.Unix(0, 0).UTC().Format(time.RFC3339)}
	var newest time.Time
	for _, a := range acts {
		if a.CreatedAt.After(newest) {
			newest = a.CreatedAt
		}
		link := s.absURL(r, "/members/"+name)
		if a.FilmSlug != "" {
			link = s.absURL(r, "/films/"+a.FilmSlug)
		}
		at := a.CreatedAt.UTC().Format(time.RFC3339)
		text := activityText(a)
		f.Entries = append(f.Entries, atomEntry{Title: text, ID: fmt.Sprintf("%s#activity-%d", s.absURL(r, "/members/"+name), a.ID),
			Updated: at, Published: at, Link: atomLink{Href: link}, Summary: text})
	}
	if !newest.IsZero() {
		f.Updated = newest.UTC().Format(time.RFC3339)
	}
	body, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "private, no-cache")
	httpx.Write(w, r, http.StatusOK, "application/atom+xml; charset=utf-8", append([]byte(xml.Header), body...), newest)
	return nil
}
