package web

import (
	"net"
	"net/http"
	"strings"
)

// hostSet is the Host headers canonical URLs may be built from when no
// base URL is configured: "name" matches the name on any port,
// "name:port" that port only. Nil trusts every Host (callers that embed
// the site and set their own Host); serve always passes a list.
type hostSet []string

func newHostSet(hosts []string) hostSet {
	if hosts == nil {
		return nil
	}
	out := hostSet{}
	for _, h := range hosts {
		if h = strings.ToLower(strings.TrimSpace(h)); h != "" {
			out = append(out, h)
		}
	}
	return out
}

// trusts reports whether host (a request's Host header) is in the set.
func (hs hostSet) trusts(host string) bool {
	if hs == nil {
		return true
	}
	host = strings.ToLower(host)
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
		if strings.Contains(h, ":") {
			name = "[" + h + "]"
		}
	}
	for _, t := range hs {
		if t == host || t == name {
			return true
		}
	}
	return false
}

// trustedHosts answers 421 Misdirected Request to a request whose Host the
// site would otherwise copy into canonical links, feeds, sitemaps and
// JSON-LD. With a base URL every link comes from it and any Host is
// served. Health checks answer whatever the Host.
func (s *Server) trustedHosts(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.baseURL != "" || s.hosts.trusts(r.Host) || r.URL.Path == "/healthz" || r.URL.Path == "/readyz" {
			next.ServeHTTP(w, r)
			return
		}
		r.Host = s.hosts[0] // never echo the unknown one, even in the error page
		s.refuse(w, r, http.StatusMisdirectedRequest, "This server does not answer for that host name.")
	})
}
