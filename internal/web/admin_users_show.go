package web

import "net/http"

// adminUsersShow lists every account for an admin, with forms to change
// roles, disable accounts, pick the sign-up mode and make invite links.
func (s *Server) adminUsersShow(w http.ResponseWriter, r *http.Request) error {
	return s.renderAdminUsers(w, r, "")
}

func (s *Server) renderAdminUsers(w http.ResponseWriter, r *http.Request, inviteLink string) error {
	me := signedIn(r)
	users, err := s.store.ListUsers(r.Context())
	if err != nil {
		return err
	}
	mode, err := s.auth.SignupMode(r.Context())
	if err != nil {
		return err
	}
	p := &adminUsersPage{Base: s.privateBase(r, "Members"), Roles: authRoles, Mode: mode, InviteLink: inviteLink, Notice: noticeOf(r)}
	for _, u := range users {
		p.Users = append(p.Users, adminUserRow{ID: u.ID, Username: u.Username, DisplayName: u.DisplayName, Role: u.Role,
			Disabled: u.Disabled, Created: stamp(u.CreatedAt), Self: u.ID == me.ID})
	}
	s.render(w, r, http.StatusOK, "admin_users", p)
	return nil
}
