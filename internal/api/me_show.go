package api

import (
	"net/http"
	"time"

	"marquee/internal/auth"
)

// Me is the signed-in account as the API shows it.
type Me struct {
	Username    string    `json:"username"`
	DisplayName string    `json:"display_name"`
	Role        string    `json:"role"`
	CreatedAt   time.Time `json:"created_at"`
}

func meOf(u *auth.User) Me {
	return Me{Username: u.Username, DisplayName: u.DisplayName, Role: string(u.Role), CreatedAt: u.CreatedAt}
}

// meShow answers GET /api/v1/me: the account of the API key or session.
func (s *Server) meShow(w http.ResponseWriter, r *http.Request) error {
	u, _ := auth.UserFrom(r.Context()) // the route's Rule guarantees a caller
	w.Header().Set("Cache-Control", "private, no-store")
	return writeJSON(w, r, meOf(u), time.Time{})
}
