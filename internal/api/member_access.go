package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"marquee/internal/auth"
	"marquee/internal/httpx"
	"marquee/internal/member"
	"marquee/internal/store"
)

// memberAccess reads the member of the {name} path value and their
// settings, and refuses a visitor a members-only profile, as the site
// does. self says whether the caller is that member.
func (s *Server) memberAccess(ctx context.Context, r *http.Request) (uid int64, st member.Settings, self bool, err error) {
	name := r.PathValue("name")
	if uid, err = s.store.MemberID(ctx, name); err != nil {
		return 0, st, false, err
	}
	if st, err = s.store.MemberSettings(ctx, uid); err != nil {
		return 0, st, false, err
	}
	u, _ := auth.UserFrom(ctx)
	self = u != nil && u.ID == uid
	if st.Profile == member.ProfileMembers && u == nil {
		return 0, st, false, &store.ForbiddenError{Entity: "profile of " + name + " (members only; sign in)", ID: uid}
	}
	return uid, st, self, nil
}

// contentOwner returns the rule's owner lookup for member content of kind
// (review, diary, list, pending) named by the {id} path value.
func (s *Server) contentOwner(kind string) auth.OwnerFunc {
	return func(r *http.Request) (int64, error) {
		id, err := pathID(r)
		if err != nil {
			return 0, err
		}
		return s.store.ContentOwner(r.Context(), kind, id)
	}
}

// privateJSON answers with v, never cached by anyone else.
func privateJSON(w http.ResponseWriter, r *http.Request, status int, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode response: %w", err)
	}
	w.Header().Set("Cache-Control", "private, no-store")
	httpx.Write(w, r, status, "application/json", append(b, '\n'), time.Time{})
	return nil
}
