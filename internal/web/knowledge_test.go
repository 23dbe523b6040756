package web

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"marquee/internal/demo"
	"marquee/internal/store"
)

// newDemoHandler serves the demo catalog exactly as demo.Load leaves it:
// the corpus articles filed and the knowledge refreshed.
func newDemoHandler(t *testing.T) (*Server, *store.Store) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, testDSN(t, "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	s, err := New(st, discardLog(), Options{BaseURL: "https://films.example.org"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, st
}

func TestKnowledgePages(t *testing.T) {
	srv, _ := newDemoHandler(t)
	h := srv.Handler()
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/films/red-rocket-2021", []string{
			`<h2 id="answers">Questions answered from the facts</h2>`,
			"<h3>Is Red Rocket suitable for all audiences?</h3>",
			"No. Red Rocket is not suitable for all audiences, because of its R certification, its content advisory",
			`<a href="/films/red-rocket-2021#facts-h">the catalog</a>`,
			`<a href="/films/red-rocket-2021#advisory">the catalog&#39;s content advisory</a>`,
			`<a href="/films/red-rocket-2021#controversies-and-debates">`,
			`<span class="gen-mark">Generated</span>`,
			`<a href="/themes/american-dream">American Dream</a>`, `<a href="/themes/redemption">Redemption</a>`,
			`<h2 id="awards">Awards</h2>`, "Best Male Lead", `<a href="/people/simon-rex">Simon Rex</a>`,
			"(source: the catalog import)", "also reports: sexual content",
		}},
		{"/themes/redemption", []string{"<h1>Redemption</h1>", `<a href="/films/red-rocket-2021">Red Rocket</a>`, `<a href="/films/starlet-2012">Starlet</a>`, "Sean Baker", "<meter"}},
		{"/themes/american-dream", []string{`<a href="/films/anora-2024">Anora</a>`, "Found with", `<svg xmlns="http://www.w3.org/2000/svg"`, `<a href="/themes/sex-work">`}},
		{"/themes", []string{"<h1>Themes</h1>", `<h2 id="graph-h">The theme graph</h2>`, "<circle", "<line", `<a href="/themes/american-dream">`}},
		{"/films?award=Palme+d%27Or", []string{"Palme d&#39;Or winners", `<a href="/films/anora-2024">`}},
		{"/browse", []string{"Award winners", `href="/films?award=Palme%20d%27Or"`}},
		{"/people/sean-baker", []string{"<h3>What is Sean Baker known for?</h3>", "Sean Baker is best known for directing",
			"Which films did Sean Baker and", `<a href="/films/anora-2024">Anora (2024)</a>`, "Best Director"}},
	} {
		res, body := get(t, h, tc.path)
		if res.StatusCode != 200 {
			t.Errorf("%s: status %d", tc.path, res.StatusCode)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: missing %q", tc.path, w)
			}
		}
	}
	// The Palme d'Or filter lists Anora and nothing else.
	_, body := get(t, h, "/films?award=Palme+d%27Or")
	if strings.Contains(body, `href="/films/red-rocket-2021"`) {
		t.Error("Palme d'Or winners list Red Rocket, which only competed")
	}
	// A film with no facts beyond its title gets no generated section.
	_, body = get(t, h, "/films/take-out-2004")
	if strings.Contains(body, `id="answers"`) && !strings.Contains(body, "How long is Take Out?") {
		t.Error("an answers section without answers")
	}
}

func TestKnowledgeJSONLD(t *testing.T) {
	srv, _ := newDemoHandler(t)
	_, body := get(t, srv.Handler(), "/films/anora-2024")
	re := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
	var movie struct {
		Award []string `json:"award"`
	}
	var faq struct {
		Type       string `json:"@type"`
		MainEntity []struct {
			Name string `json:"name"`
		} `json:"mainEntity"`
	}
	for _, m := range re.FindAllStringSubmatch(body, -1) {
		var probe struct {
			Type string `json:"@type"`
		}
		if err := json.Unmarshal([]byte(m[1]), &probe); err != nil {
			t.Fatalf("JSON-LD does not parse: %v", err)
		}
		switch probe.Type {
		case "Movie":
			_ = json.Unmarshal([]byte(m[1]), &movie)
		case "FAQPage":
			_ = json.Unmarshal([]byte(m[1]), &faq)
		}
	}
	if len(movie.Award) == 0 || !strings.Contains(strings.Join(movie.Award, "|"), "Palme d'Or, Cannes Film Festival 2024") {
		t.Errorf("Movie award = %q", movie.Award)
	}
	var qs []string
	for _, q := range faq.MainEntity {
		qs = append(qs, q.Name)
	}
	if !strings.Contains(strings.Join(qs, "|"), "Is Anora suitable for all audiences?") {
		t.Errorf("FAQPage questions = %q, want the generated ones", qs)
	}
}

// BenchmarkFilmPageUncachedKnowledge renders film pages with the page
// cache off, so every request reads and renders: Red Rocket (dossier,
// awards, eight generated answers) against Take Out (no dossier, few
// facts) as the baseline in the same run.
func BenchmarkFilmPageUncachedKnowledge(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := demo.Load(ctx, st); err != nil {
		b.Fatal(err)
	}
	srv, err := New(st, discardLog(), Options{NoCache: true})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	h := srv.Handler()
	for _, slug := range []string{"take-out-2004", "red-rocket-2021"} {
		b.Run(slug, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", "/films/"+slug, nil))
				if rec.Code != 200 {
					b.Fatal(rec.Code)
				}
			}
		})
	}
}
