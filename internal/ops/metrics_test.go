package ops

import (
	"database/sql"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestMetricsExposition(t *testing.T) {
	m := New()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /films/{slug}", func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("slug") == "missing" {
			http.NotFound(w, r)
			return
		}
		io.WriteString(w, "ok")
	})
	h := m.Middleware(mux)
	for _, path := range []string{"/films/a", "/films/b", "/films/missing", "/nowhere"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", path, nil))
	}
	m.WatchDB("sqlite", func() map[string]sql.DBStats {
		return map[string]sql.DBStats{"read": {MaxOpenConnections: 8, OpenConnections: 2, Idle: 2}}
	})
	m.ImportProgress("imdb", "title.basics.tsv", 1500)

	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body := rec.Body.String()
	for _, want := range []string{
		`marquee_http_requests_total{method="GET",route="/films/{slug}",code="200"} 2`,
		`marquee_http_requests_total{method="GET",route="/films/{slug}",code="404"} 1`,
		`marquee_http_requests_total{method="GET",route="unmatched",code="404"} 1`,
		`marquee_http_request_duration_seconds_bucket{method="GET",route="/films/{slug}",le="+Inf"} 3`,
		`marquee_http_request_duration_seconds_count{method="GET",route="/films/{slug}"} 3`,
		`# TYPE marquee_http_request_duration_seconds histogram`,
		`marquee_db_open_connections{engine="sqlite",pool="read"} 2`,
		`marquee_db_max_open_connections{engine="sqlite",pool="read"} 8`,
		`marquee_import_rows{source="imdb",file="title.basics.tsv"} 1500`,
	} {
		if !strings.Contains(body, want+"\n") {
			t.Errorf("metrics lack %q; got:\n%s", want, body)
		}
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("Content-Type = %q", ct)
	}
}

func TestLabelEscaping(t *testing.T) {
	if got := escapeLabel("a\"b\\c\nd"); got != `a\"b\\c\nd` {
		t.Errorf("escapeLabel = %q", got)
	}
}
