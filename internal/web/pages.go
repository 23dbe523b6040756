package web

import (
	"html/template"
	"net/http"
	"strings"
	"time"

	"marquee/internal/auth"
	"marquee/internal/film"
	"marquee/internal/search"
	"marquee/internal/store"
)

// Base is what every page carries: the head's metadata and the search box.
type Base struct {
	Title       string        // the <title>, without the site name
	Description string        // meta description and og:description
	Canonical   string        // absolute canonical URL
	OGType      string        // og:type: "website", "video.movie", "profile"
	JSONLD      []template.JS // schema.org blocks, already JSON-encoded
	Query       string        // the search box's current text
	NoIndex     bool          // ask robots not to index (search results, errors)
	Modified    time.Time     // Last-Modified, when known
	Year        int           // for the footer
	User        *auth.User    // the signed-in member, nil for visitors
	CSRF        string        // the token forms must send (auth.CSRFField)
	Private     bool          // per-visitor page: never cached or shared
}

func (b *Base) base() *Base { return b }

// page is what render accepts: any page struct embedding Base.
type page interface{ base() *Base }

func (s *Server) newBase(r *http.Request, title, description string) Base {
	u, _ := auth.UserFrom(r.Context())
	csrf := ""
	if u != nil {
		csrf = auth.CSRFToken(r.Context())
	}
	return Base{
		User:        u,
		CSRF:        csrf,
		Title:       title,
		Description: description,
		Canonical:   s.absURL(r, r.URL.Path),
		OGType:      "website",
		Query:       strings.ToValidUTF8(r.URL.Query().Get("q"), "�"),
		Year:        time.Now().Year(),
	}
}

type errorPage struct {
	Base
	Status  int
	Heading string
	Message string
	Path    string
	Maybe   []search.Suggestion // for a 404: pages whose names are close to the missing address
}

type homePage struct {
	Base
	Dossiers []store.DossierFilm
	Films    []film.Film
	Total    int
	Decades  []store.Count
	Genres   []store.Count
}

// filmPage is the film page: facts, charts, then the dossier.
type filmPage struct {
	Base
	filmView
	RatingChart *chart
	Members     *filmMembers // members' ratings and reviews (members_film.go)
}

type personPage struct {
	Base
	Person     *film.Person
	Portrait   template.HTML
	Groups     []creditGroup
	Characters []film.Character
	Mentioned  []store.FilmRef
	Timeline   *chart
	Span       string // "2004–2024"
}

// creditGroup is a person's credits in one role, newest first.
type creditGroup struct {
	Role    film.Role
	Label   string
	Credits []film.Credit
}

type characterPage struct {
	Base
	Character *film.Character
	Film      *film.Film
	Others    []film.Character // other characters the same person plays
	Quotes    []film.Quote     // dossier quotes spoken by the character's actor
}

type themePage struct {
	Base
	Theme *film.Theme
	List  filmList
}

type placePage struct {
	Base
	Name  string
	Slug  string
	Films []store.FilmRef
}

type publicationPage struct {
	Base
	Name   string
	Quotes []quoteInFilm
}

type quoteInFilm struct {
	Quote film.Quote
	Film  store.FilmRef
}

// filmList is a page of films with its filters and pagination links.
type filmList struct {
	Films   []film.Film
	Total   int
	Page    int
	Pages   int
	First   int // 1-based index of the first film shown
	Last    int
	PrevURL string
	NextURL string
	Filters []filterChip
}

// filterChip names an active filter and links to the list without it.
type filterChip struct {
	Label     string
	RemoveURL string
}

type filmListPage struct {
	Base
	Heading string
	List    filmList
	Sort    string
	SortURL map[string]string // sort key → URL of this list sorted that way
}

type browsePage struct {
	Base
	Decades        []store.Count
	Genres         []store.Count
	Certifications []store.Count
	Themes         []themeCount
	Directors      []directorCount
}

type themeCount struct {
	Theme *film.Theme
	Count int
}

type directorCount struct {
	Slug  string
	Name  string
	Count int
}

type comparePage struct {
	Base
	A, B  *filmView
	Facts []compareRow
	Rows  []compareSection
}

type compareRow struct {
	Label string
	A, B  template.HTML
}

type compareSection struct {
	ID      string
	Heading string
	A, B    *sectionView
}

type searchPage struct {
	Base
	Q       string
	Kind    string
	Results *search.Results
	Page    int
	PrevURL string
	NextURL string
	Kinds   []kindTab
}

type kindTab struct {
	Kind, Label, URL string
	Current          bool
}
