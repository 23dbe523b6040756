package api

import (
	"net/http"
	"time"

	"marquee/internal/auth"
	"marquee/internal/member"
	"marquee/internal/store"
)

// ListJSON is one of a member's lists, without its entries.
type ListJSON struct {
	ID          int64  `json:"id"`
	Slug        string `json:"slug"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Ranked      bool   `json:"ranked"`
	Public      bool   `json:"public"`
	UpdatedAt   string `json:"updated_at"`
}

// memberListsList answers GET /api/v1/members/{name}/lists: the member's
// public lists, and their private ones too when the caller is the member;
// a members-only profile needs a signed-in caller.
func (s *Server) memberListsList(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	name := r.PathValue("name")
	uid, err := s.store.MemberID(ctx, name)
	if err != nil {
		return err
	}
	st, err := s.store.MemberSettings(ctx, uid)
	if err != nil {
		return err
	}
	u, _ := auth.UserFrom(ctx)
	if st.Profile == member.ProfileMembers && u == nil {
		return &store.ForbiddenError{Entity: "lists of " + name, ID: uid}
	}
	ls, err := s.store.MemberLists(ctx, uid, u != nil && u.ID == uid)
	if err != nil {
		return err
	}
	out := []ListJSON{}
	for _, l := range ls {
		out = append(out, ListJSON{ID: l.ID, Slug: l.Slug, Name: l.Name, Description: l.Description, Ranked: l.Ranked,
			Public: l.Public, UpdatedAt: l.UpdatedAt.UTC().Format(time.RFC3339)})
	}
	w.Header().Set("Cache-Control", "private, no-cache")
	return writeJSON(w, r, out, time.Time{})
}
