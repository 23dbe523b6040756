package web

import (
	"html"
	"html/template"
	"net/url"
	"strings"
	"testing"
)

// TestQueryFuncEscapesOnce: a value put into an href through {{query}}
// reaches the server as it was written, whatever html/template does with
// the query part around it.
func TestQueryFuncEscapesOnce(t *testing.T) {
	tmpl := template.Must(template.New("t").Funcs(funcs).Parse(`<a href="/recent-changes.atom?film={{query .}}&amp;kind=edit">feed</a>`))
	for _, v := range []string{"red-rocket-2021", "café noir", "a&b=c", "100% + 1", `"><script>`} {
		var b strings.Builder
		if err := tmpl.Execute(&b, v); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		href := strings.TrimSuffix(strings.TrimPrefix(out, `<a href="`), `">feed</a>`)
		u, err := url.Parse(html.UnescapeString(href)) // as a browser reads the attribute
		if err != nil {
			t.Fatalf("%q: href %q: %v", v, href, err)
		}
		if got := u.Query().Get("film"); got != v || u.Query().Get("kind") != "edit" {
			t.Errorf("%q: href %q reads back as film=%q kind=%q", v, href, got, u.Query().Get("kind"))
		}
		if strings.Contains(out, "<script>") {
			t.Errorf("%q: unescaped markup in %s", v, out)
		}
	}
}
