package web

import (
	"net/http"

	"marquee/internal/recommend"
)

// forYouLimit is how many films the "For you" page recommends.
const forYouLimit = 24

// forYouShow renders the signed-in member's recommendations, each with
// the ratings of theirs that led to it; films they rated or logged are
// never among them. With nothing rated yet it says what to do.
func (s *Server) forYouShow(w http.ResponseWriter, r *http.Request) error {
	u := signedIn(r)
	picks, err := recommend.ForPerson(r.Context(), s.store, u.Username, forYouLimit)
	if err != nil {
		return err
	}
	p := &forYouPage{Base: s.privateBase(r, "For you"), Picks: picks}
	s.render(w, r, http.StatusOK, "for_you", p)
	return nil
}

// forYouPage is the "For you" page.
type forYouPage struct {
	Base
	Picks []recommend.Pick
}
