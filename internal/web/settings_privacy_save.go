package web

import (
	"fmt"
	"net/http"
	"strings"

	"marquee/internal/member"
	"marquee/internal/search"
)

// settingsPrivacySave stores the member's privacy settings and favourite
// four. Each favourite field holds what the suggest box filled in (a
// film's slug) or, typed without it, an address or a title; a title that
// names no one film is a 400 naming the field and the films it could be.
// (The four fields are read in order; a favourite is a slug once saved.)
func (s *Server) settingsPrivacySave(w http.ResponseWriter, r *http.Request) error {
	st := member.Settings{Profile: member.Privacy(r.PostFormValue("profile")), DiaryPrivate: r.PostFormValue("diary_private") == "1"}
	for i, f := range []string{"fav1", "fav2", "fav3", "fav4"} {
		v := strings.TrimSpace(r.PostFormValue(f))
		if v == "" {
			continue
		}
		slug, hits, err := s.filmByName(r.Context(), v)
		if err != nil {
			return err
		}
		if slug == "" {
			return &badRequest{Reason: fmt.Sprintf("Favourite %d: %s.", i+1, favouriteReason(v, hits))}
		}
		st.Favourites = append(st.Favourites, slug)
	}
	if err := s.store.SaveMemberSettings(r.Context(), signedIn(r).ID, st); err != nil {
		return memberBadRequest(err)
	}
	http.Redirect(w, r, "/settings/films?done=privacy", http.StatusSeeOther)
	return nil
}

// favouriteReason says why a typed favourite names no one film.
func favouriteReason(v string, hits []search.Result) string {
	if len(hits) == 0 {
		return fmt.Sprintf("no film matches “%s”", v)
	}
	var names []string
	for _, h := range hits[:min(len(hits), 5)] {
		names = append(names, fmt.Sprintf("%s (%s)", h.Title, h.Slug))
	}
	return fmt.Sprintf("“%s” could be %s; type the address of the one you mean", v, strings.Join(names, ", "))
}
