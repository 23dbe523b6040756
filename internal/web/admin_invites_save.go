package web

import (
	"net/http"
	"time"

	"marquee/internal/auth"
)

// inviteLifetime is how long an invite link made in the browser works.
const inviteLifetime = 7 * 24 * time.Hour

// adminInvitesSave makes a single-use invite link for a role and shows it.
func (s *Server) adminInvitesSave(w http.ResponseWriter, r *http.Request) error {
	me := signedIn(r)
	role := auth.Role(r.PostFormValue("role"))
	if !role.Valid() {
		return &badRequest{Param: "role", Reason: "must be member, editor or admin"}
	}
	tok, err := s.auth.CreateInvite(r.Context(), me.Username, role, inviteLifetime)
	if err != nil {
		return err
	}
	auth.Note(r.Context(), "invite", nil, map[string]string{"role": string(role)})
	return s.renderAdminUsers(w, r, s.absURL(r, "/signup?invite="+tok))
}
