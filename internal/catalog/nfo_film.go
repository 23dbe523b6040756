package catalog

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"marquee/internal/film"
)

// folderTitleRe reads Kodi's and Jellyfin's folder convention,
// "Red Rocket (2021)", optionally with "[imdbid-tt…]" or "{tmdb-…}" tags.
var folderTitleRe = regexp.MustCompile(`^(.+?)\s*\((\d{4})\)`)

// titleFromFolder returns the title and year a film's folder name gives,
// or "" when it follows no convention.
func titleFromFolder(dir string) (string, int) {
	m := folderTitleRe.FindStringSubmatch(filepath.Base(dir))
	if m == nil {
		return "", 0
	}
	y, _ := strconv.Atoi(m[2])
	return strings.TrimSpace(m[1]), y
}

// nfoFilm turns an NFO into the catalog's film: the year from <year> or
// else <premiered>, the plot's first paragraph as logline, MPAA as the
// certification without "Rated " or a "US:" prefix, and one rating on the
// 0–10 scale (IMDb's when present, else the default one).
func nfoFilm(n *NFO, e nfoEntry) (film.Film, *NFOError) {
	f := film.Film{
		Title:         n.Title,
		OriginalTitle: n.OriginalTitle,
		Year:          n.Year,
		ReleaseDate:   n.Premiered,
		RuntimeMin:    n.Runtime,
		Genres:        n.Genres,
		Countries:     n.Countries,
		Certification: certification(n.MPAA),
		Logline:       firstParagraph(n.Plot),
		IDs:           film.ExternalIDs{IMDb: n.IMDb, TMDB: n.TMDB},
		Rating:        bestRating(n.Ratings),
		TitleType:     "movie",
	}
	if f.OriginalTitle == f.Title {
		f.OriginalTitle = ""
	}
	if f.Year == 0 && len(n.Premiered) >= 4 {
		f.Year, _ = strconv.Atoi(n.Premiered[:4])
	}
	if f.Title == "" {
		f.Title, f.Year = titleFromFolder(e.dir)
		if f.Title == "" && !n.URLOnly {
			return f, &NFOError{Line: 1, Field: "title", Reason: "no <title>, and the folder name is not \"Title (Year)\""}
		}
	}
	f.Slug = film.FilmSlug(f.Title, f.Year)
	if f.Title != "" {
		if err := f.Validate(); err != nil {
			return f, &NFOError{Line: 1, Field: "movie", Reason: err.Error()}
		}
	}
	return f, nil
}

// certification reads an NFO's <mpaa>: the US rating of its values
// (several are joined by " / "), without a "US:" or "United States:"
// prefix, "Rated " or the reason after it ("Rated R for violence"). A
// value naming another country ("Australia:M", "de:FSK 12") is not the
// catalog's MPAA rating and gives none.
func certification(mpaa string) string {
	for _, s := range strings.Split(mpaa, " / ") {
		s = strings.TrimSpace(s)
		if country, rest, ok := strings.Cut(s, ":"); ok && isCountryName(country) {
			switch strings.ToUpper(strings.TrimSpace(country)) {
			case "US", "USA", "UNITED STATES":
				s = strings.TrimSpace(rest)
			default:
				continue // another country's rating
			}
		}
		s = strings.TrimSpace(strings.TrimPrefix(s, "Rated "))
		s, _, _ = strings.Cut(s, " for ")
		if s != "" && len(s) <= 16 {
			return s
		}
	}
	return ""
}

// isCountryName reports whether s can be the country before a rating: a
// code or a name, of letters, spaces and dots.
func isCountryName(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 40 {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && r != ' ' && r != '.' {
			return false
		}
	}
	return true
}

func firstParagraph(plot string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(plot), "\n")
	p = strings.TrimSpace(p)
	if r := []rune(p); len(r) > 1000 {
		p = string(r[:999]) + "…"
	}
	return p
}

// bestRating picks the film's rating from an NFO's: IMDb's, else the one
// marked default, else the first. A rating without a value (the 0.0 that
// tinyMediaManager writes for a source it has no figure from) is not a
// candidate, so it cannot hide another that has one.
func bestRating(rs []NFORating) film.Rating {
	pick := -1
	for i, r := range rs {
		if r.Value <= 0 || r.Max <= 0 {
			continue
		}
		switch {
		case r.Name == "imdb":
			pick = i
		case pick < 0 && r.Default:
			pick = i
		}
		if r.Name == "imdb" {
			break
		}
	}
	for i, r := range rs {
		if pick < 0 && r.Value > 0 && r.Max > 0 {
			pick = i
		}
	}
	if pick < 0 {
		return film.Rating{}
	}
	r := rs[pick]
	avg := float64(int(r.Value/r.Max*10*10+0.5)) / 10
	return film.Rating{Average: avg, Votes: r.Votes}
}

// nfoPeople returns the people an NFO credits and their credits: each
// name once per role, slugged by name (NFOs carry no person ids), actors
// billed by <order> (or their place in the file).
func nfoPeople(n *NFO) ([]film.Person, []film.Credit) {
	var (
		people  []film.Person
		credits []film.Credit
		seen    = map[string]bool{}
		credit  = map[string]bool{}
	)
	add := func(name string, role film.Role, character string, billing int) {
		name = strings.TrimSpace(name)
		if name == "" {
			return
		}
		slug := film.PersonSlug(name)
		if !seen[slug] {
			seen[slug] = true
			people = append(people, film.Person{Slug: slug, Name: name})
		}
		key := slug + "\x00" + string(role) + "\x00" + character
		if credit[key] {
			return
		}
		credit[key] = true
		credits = append(credits, film.Credit{PersonSlug: slug, Role: role, Character: character, Billing: billing})
	}
	for _, d := range n.Directors {
		add(d, film.RoleDirector, "", 0)
	}
	for _, w := range n.Writers {
		add(w, film.RoleWriter, "", 0)
	}
	for i, a := range n.Actors {
		billing := i + 1
		if a.Order >= 0 {
			billing = a.Order + 1
		}
		add(a.Name, film.RoleCast, a.Role, billing)
	}
	return people, credits
}
