package api

import (
	"net/http"

	"marquee/internal/auth"
	"marquee/internal/member"
)

// listCreate is the body of POST /api/v1/lists.
type listCreate struct {
	Name        string       `json:"name"`
	Description string       `json:"description"`
	Ranked      bool         `json:"ranked"`
	Public      bool         `json:"public"`
	Entries     []entryWrite `json:"entries"`
}

// entryWrite is a film put on a list.
type entryWrite struct {
	Film string `json:"film"` // slug
	Note string `json:"note"`
}

// listSave answers POST /api/v1/lists: the caller's new list, entries in
// the order given, answered with the list as stored.
func (s *Server) listSave(w http.ResponseWriter, r *http.Request) error {
	var in listCreate
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	l := member.List{Name: in.Name, Description: in.Description, Ranked: in.Ranked, Public: in.Public}
	for _, e := range in.Entries {
		if e.Film == "" {
			return &auth.FormError{Field: "entries", Msg: "entries: every entry needs a film"}
		}
		l.Entries = append(l.Entries, member.ListEntry{FilmSlug: e.Film, Note: e.Note})
	}
	u, _ := auth.UserFrom(r.Context())
	id, err := s.store.SaveList(r.Context(), u.ID, l)
	if err != nil {
		return memberErr(err)
	}
	return s.listAnswer(w, r, id, http.StatusCreated)
}

// listAnswer answers with list id as stored.
func (s *Server) listAnswer(w http.ResponseWriter, r *http.Request, id int64, status int) error {
	l, err := s.store.ListByID(r.Context(), id)
	if err != nil {
		return err
	}
	return privateJSON(w, r, status, listDetail(l))
}
