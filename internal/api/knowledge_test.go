package api

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestFilmKnowledgeJSON checks the knowledge fields of the film document:
// awards, the generated answers with their sources, and themes with
// their strengths.
func TestFilmKnowledgeJSON(t *testing.T) {
	h := newTestAPI(t)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/films/anora-2024", nil))
	var d struct {
		Awards []struct {
			Category, Outcome string
		} `json:"awards"`
		FAQ []struct {
			Question  string `json:"question"`
			Generated bool   `json:"generated"`
			Sources   []struct {
				URL string `json:"url"`
			} `json:"sources"`
		} `json:"faq"`
		Themes []struct {
			Slug     string  `json:"slug"`
			Strength float64 `json:"strength"`
		} `json:"themes"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	palme := false
	for _, a := range d.Awards {
		palme = palme || a.Category == "Palme d'Or" && a.Outcome == "won"
	}
	if !palme {
		t.Errorf("awards = %+v, want the Palme d'Or won", d.Awards)
	}
	if len(d.FAQ) == 0 || !d.FAQ[0].Generated || !strings.HasPrefix(d.FAQ[0].Question, "Is Anora suitable") || len(d.FAQ[0].Sources) == 0 {
		t.Errorf("faq = %+v, want generated answers with sources", d.FAQ)
	}
	if len(d.Themes) == 0 || d.Themes[0].Strength <= 0 {
		t.Errorf("themes = %+v, want strengths", d.Themes)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/films?award=Palme+d%27Or", nil))
	if body := rec.Body.String(); !strings.Contains(body, `"slug":"anora-2024"`) || strings.Contains(body, `"slug":"red-rocket-2021"`) {
		t.Errorf("Palme d'Or winners: %s", body)
	}
}
