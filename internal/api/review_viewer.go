package api

import (
	"net/http"

	"marquee/internal/auth"
	"marquee/internal/member"
)

// reviewViewer is who asks for reviews, as far as hidden reviews go: an
// editor sees every review with its hidden state, an author their own.
type reviewViewer struct {
	username string
	editor   bool
}

// viewerOf is the caller of r (the zero viewer for an anonymous one).
func viewerOf(r *http.Request) reviewViewer {
	u, ok := auth.UserFrom(r.Context())
	if !ok || u == nil {
		return reviewViewer{}
	}
	return reviewViewer{username: u.Username, editor: u.Role.AtLeast(auth.RoleEditor)}
}

// mayModerate reports whether v may see rv's hidden state (and rv itself
// when it is hidden): v is an editor or rv's author.
func (v reviewViewer) mayModerate(rv member.Review) bool {
	return v.editor || (v.username != "" && v.username == rv.Author)
}

// mayRead reports whether v may read rv at all: a review hidden by an
// editor is for editors and its author only.
func (v reviewViewer) mayRead(rv member.Review) bool {
	return !rv.Hidden || v.mayModerate(rv)
}
