package api

import (
	"net/http"
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
	uid, _, self, err := s.memberAccess(ctx, r)
	if err != nil {
		return err
	}
	ls, err := s.store.MemberLists(ctx, uid, self)
	if err != nil {
		return err
	}
	out := ListPage{Total: len(ls), Lists: make([]ListJSON, 0, len(ls))}
	for _, l := range ls {
		out.Lists = append(out.Lists, listJSON(l))
	}
	return privateJSON(w, r, http.StatusOK, out)
}
