package httpx

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"marquee/internal/film"
)

// ErrBadRequest is matched (errors.Is) by every *ParamError, so the HTML
// and JSON error adapters can answer 400 without knowing the details.
var ErrBadRequest = errors.New("bad request")

// ParamError is a client error naming the query parameter at fault (if
// any) and what was wrong with it.
type ParamError struct {
	Param  string
	Reason string
}

func (e *ParamError) Error() string {
	if e.Param == "" {
		return e.Reason
	}
	return fmt.Sprintf("parameter %q %s", e.Param, e.Reason)
}

// Is makes errors.Is(err, ErrBadRequest) true.
func (e *ParamError) Is(target error) bool { return target == ErrBadRequest }

// IntParam reads an optional integer query parameter in [lo, hi],
// returning def when it is absent and a *ParamError naming it otherwise.
func IntParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, &ParamError{Param: name, Reason: "must be a whole number, got " + strconv.Quote(Clip(v))}
	}
	if n < lo || n > hi {
		return 0, &ParamError{Param: name, Reason: "must be between " + strconv.Itoa(lo) + " and " + strconv.Itoa(hi)}
	}
	return n, nil
}

// DecadeParam reads "decade" as 1990 or 1990s; 0 when absent.
func DecadeParam(r *http.Request) (int, error) {
	v := r.URL.Query().Get("decade")
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimSuffix(v, "s"))
	if err != nil || n%10 != 0 || n < 1870 || n > 2100 {
		return 0, &ParamError{Param: "decade", Reason: "must be a decade such as 1990 or 1990s, got " + strconv.Quote(Clip(v))}
	}
	return n, nil
}

// TextParam reads an optional text parameter of at most max bytes of
// valid UTF-8, trimmed of surrounding space.
func TextParam(r *http.Request, name string, max int) (string, error) {
	v := r.URL.Query().Get(name)
	if len(v) > max {
		return "", &ParamError{Param: name, Reason: "is longer than " + strconv.Itoa(max) + " bytes"}
	}
	if !utf8.ValidString(v) {
		return "", &ParamError{Param: name, Reason: "is not valid UTF-8"}
	}
	return strings.TrimSpace(v), nil
}

// Clip shortens a value echoed in an error so responses stay small and
// valid UTF-8.
func Clip(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return strings.ToValidUTF8(s, "?")
}

// FilmFilter is the one reader of film filters, for the pages, the API
// and search: year, decade, genre, certification, country, theme and
// director (slugs for the last two). Sorting and paging differ between
// them and are left to each.
func FilmFilter(r *http.Request) (film.Filter, error) {
	var (
		f   film.Filter
		err error
	)
	if f.Year, err = IntParam(r, "year", 0, 1870, 2100); err != nil {
		return f, err
	}
	if f.Decade, err = DecadeParam(r); err != nil {
		return f, err
	}
	for _, p := range []struct {
		name string
		dst  *string
	}{{"genre", &f.Genre}, {"certification", &f.Certification}, {"country", &f.Country}, {"theme", &f.Theme}, {"director", &f.Director}, {"award", &f.Award}} {
		if *p.dst, err = TextParam(r, p.name, 100); err != nil {
			return f, err
		}
	}
	return f, nil
}

// FilterParams are the parameters FilmFilter reads.
var FilterParams = []string{"year", "decade", "genre", "certification", "country", "theme", "director", "award"}

// KnownParams returns a *ParamError naming the first query parameter of r
// that is not in any of the lists (in sorted order, so the answer is
// stable), or nil.
func KnownParams(r *http.Request, lists ...[]string) error {
	var unknown []string
	for k := range r.URL.Query() {
		if !slices.ContainsFunc(lists, func(l []string) bool { return slices.Contains(l, k) }) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	var all []string
	for _, l := range lists {
		all = append(all, l...)
	}
	slices.Sort(all)
	return &ParamError{Param: Clip(unknown[0]), Reason: "is not a parameter here (known: " + strings.Join(all, ", ") + ")"}
}
