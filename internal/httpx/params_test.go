package httpx

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestParams(t *testing.T) {
	tests := []struct {
		query string
		get   func(q string) (any, error)
		want  any
		param string // "" means no error
	}{
		{"year=1999", func(q string) (any, error) { return IntParam(req(q), "year", 0, 1870, 2100) }, 1999, ""},
		{"", func(q string) (any, error) { return IntParam(req(q), "year", 7, 1870, 2100) }, 7, ""},
		{"year=abc", func(q string) (any, error) { return IntParam(req(q), "year", 0, 1870, 2100) }, 0, "year"},
		{"year=3000", func(q string) (any, error) { return IntParam(req(q), "year", 0, 1870, 2100) }, 0, "year"},
		{"decade=1990s", func(q string) (any, error) { return DecadeParam(req(q)) }, 1990, ""},
		{"decade=1995", func(q string) (any, error) { return DecadeParam(req(q)) }, 0, "decade"},
		{"genre=+Drama+", func(q string) (any, error) { return TextParam(req(q), "genre", 100) }, "Drama", ""},
		{"genre=%ff", func(q string) (any, error) { return TextParam(req(q), "genre", 100) }, "", "genre"},
		{"genre=abcdef", func(q string) (any, error) { return TextParam(req(q), "genre", 3) }, "", "genre"},
	}
	for _, tt := range tests {
		got, err := tt.get(tt.query)
		if tt.param == "" {
			if err != nil || got != tt.want {
				t.Errorf("%q: got %v, %v; want %v", tt.query, got, err, tt.want)
			}
			continue
		}
		var pe *ParamError
		if !errors.As(err, &pe) || pe.Param != tt.param || !errors.Is(err, ErrBadRequest) {
			t.Errorf("%q: error %v, want a ParamError on %s", tt.query, err, tt.param)
		}
	}
}

func req(q string) *http.Request { return httptest.NewRequest("GET", "/films?"+q, nil) }

func TestFilmFilter(t *testing.T) {
	f, err := FilmFilter(req("year=2021&genre=Drama&director=sean-baker&decade=2020s"))
	if err != nil || f.Year != 2021 || f.Genre != "Drama" || f.Director != "sean-baker" || f.Decade != 2020 {
		t.Errorf("FilmFilter = %+v, %v", f, err)
	}
	var pe *ParamError
	if _, err := FilmFilter(req("theme=%ff")); !errors.As(err, &pe) || pe.Param != "theme" {
		t.Errorf("bad theme: %v", err)
	}
}

func TestKnownParams(t *testing.T) {
	if err := KnownParams(req("year=2021&sort=year"), FilterParams, []string{"sort"}); err != nil {
		t.Errorf("known parameters refused: %v", err)
	}
	var pe *ParamError
	err := KnownParams(req("year=2021&zz=1&colour=red"), FilterParams)
	if !errors.As(err, &pe) || pe.Param != "colour" || !strings.Contains(pe.Reason, "certification") {
		t.Errorf("unknown parameter: %v", err)
	}
}
