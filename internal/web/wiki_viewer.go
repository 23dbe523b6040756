package web

import (
	"net/http"

	"marquee/internal/auth"
)

// viewer is who reads a wiki page: the signed-in member, if any, and the
// CSRF token their forms must carry.
type viewer struct {
	ID   int64
	Name string
	Role string // "", "member", "editor" or "admin"
	CSRF string
}

// SignedIn reports whether the reader is signed in.
func (v viewer) SignedIn() bool { return v.ID != 0 }

// IsEditor reports whether the reader is an editor or an admin.
func (v viewer) IsEditor() bool { return v.Role == "editor" || v.Role == "admin" }

// IsAdmin reports whether the reader is an admin.
func (v viewer) IsAdmin() bool { return v.Role == "admin" }

// mayEdit reports whether v may edit a dossier under protection p.
func (v viewer) mayEdit(level string) bool {
	switch level {
	case "admin":
		return v.IsAdmin()
	case "editor":
		return v.IsEditor()
	}
	return v.SignedIn()
}

// viewerOf returns the reader of r, as the auth middleware found them.
func (s *Server) viewerOf(r *http.Request) viewer {
	u, ok := auth.UserFrom(r.Context())
	if !ok {
		return viewer{}
	}
	return viewer{ID: u.ID, Name: u.Name(), Role: string(u.Role), CSRF: auth.CSRFToken(r.Context())}
}
