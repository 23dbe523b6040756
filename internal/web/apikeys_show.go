package web

import "net/http"

// apikeysShow lists the member's API keys with a form to make one.
func (s *Server) apikeysShow(w http.ResponseWriter, r *http.Request) error {
	return s.renderAPIKeys(w, r, http.StatusOK, "", "")
}

func (s *Server) renderAPIKeys(w http.ResponseWriter, r *http.Request, status int, newKey, msg string) error {
	u := signedIn(r)
	keys, err := s.store.UserAPIKeys(r.Context(), u.ID)
	if err != nil {
		return err
	}
	p := &apikeysPage{Base: s.privateBase(r, "API keys"), NewKey: newKey, Error: msg}
	for _, k := range keys {
		p.Keys = append(p.Keys, apikeyRow{ID: k.ID, Name: k.Name, Prefix: k.Prefix, Scope: k.Scope,
			Created: stamp(k.CreatedAt), LastUsed: stamp(k.LastUsedAt)})
	}
	s.render(w, r, status, "apikeys", p)
	return nil
}
