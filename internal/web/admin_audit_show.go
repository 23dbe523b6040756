package web

import (
	"net/http"
	"strconv"
)

const auditPage = 100

// adminAuditShow shows the audit log to admins, newest first, a hundred
// entries a page (?before=ID pages back).
func (s *Server) adminAuditShow(w http.ResponseWriter, r *http.Request) error {
	before, _ := strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	list, err := s.store.AuditLog(r.Context(), before, auditPage)
	if err != nil {
		return err
	}
	p := &adminAuditPage{Base: s.privateBase(r, "Audit log")}
	for _, e := range list {
		p.Entries = append(p.Entries, auditRow{AuditEntry: e, When: stamp(e.At)})
	}
	if len(list) == auditPage {
		p.Older = list[len(list)-1].ID
	}
	s.render(w, r, http.StatusOK, "admin_audit", p)
	return nil
}
