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
	Image       string        // og:image: absolute URL of the page's picture, when it has one
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
	Dossiers []writtenFilm // recently written about
	Popular  []filmRow     // most votes
	Recent   []filmRow     // recently added
	Total    int
	Decades  []store.Count
	Genres   []store.Count
}

// filmPage is the film page: facts, charts, then the dossier.
//
// The film's view is a named field, not an embedded one: html/template
// finds a promoted field by a breadth-first search through the embedded
// structs on every lookup, which cost a third of the page's render time.
type filmPage struct {
	Base
	View        *filmView
	RatingChart *chart
	Wiki        filmWiki
	Similar     []store.SimilarFilm // "More like this", from internal/recommend
	Members     *filmMembers        // members' ratings and reviews (members_film.go)
}

type personPage struct {
	Base
	Person     *film.Person
	Portrait   template.HTML
	Groups     []creditGroup
	Characters []film.Character
	Mentioned  []store.FilmRef
	Timeline   *chart
	Span       string           // "2004–2024"
	Knowledge  *personKnowledge // awards and answered questions
	KnownFor   []filmRow        // their most voted films, across roles
	Bio        *personBio       // the biography an import gave, or nil
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
	About     []string         // what the film's dossier says about the character (characterText)
	AboutURL  string           // the dossier's characters section
	Quotes    []film.Quote     // dossier quotes by the character's actor, or naming the character
}

type placePage struct {
	Base
	Name  string
	Slug  string
	Films []mentionedIn
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
	pager
	Films   []film.Film
	Rows    []filmRow // Films with their thumbnails and directors
	Total   int
	First   int // 1-based index of the first film shown
	Last    int
	Filters []filterChip
}

// pager is where a paginated list is and the links to its other pages.
type pager struct {
	Page    int
	Pages   int
	PrevURL string
	NextURL string
	Numbers []pageLink // numbered page links, gaps as zero Page
	PastEnd bool       // the page asked for is past the last one
	LastURL string     // the last page, when PastEnd
}

// pageLink is one numbered link of a pager.
type pageLink struct {
	Page    int
	URL     string
	Current bool
}

// indexPage lists people, places, publications or characters.
type indexPage struct {
	Base
	pager
	Kicker  string
	Heading string
	Lede    string
	Noun    string // "person", for "1 person"
	Nouns   string // "people"
	Total   int
	Entries []indexRow
}

// indexRow is one entry of an index page.
type indexRow struct {
	URL, Name, Detail string
	Count             int
	CountOne          string // "credit", "dossier"
	CountMany         string // "credits", "dossiers"
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
	Sorts   []sortLink
	Facets  []facetGroup
}

type browsePage struct {
	Base
	Decades        []store.Count
	Genres         []store.Count
	Certifications []store.Count
	Themes         []themeCount
	Directors      []directorCount
	Awards         []store.Count // award categories with the films that won them
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

// compareFormPage is /compare: two boxes to pick two films.
type compareFormPage struct {
	Base
	Boxes [2]compareChoice
}

// compareChoice is one box of the compare form.
type compareChoice struct {
	Name    string // the parameter: "a" or "b"
	Label   string
	Value   string          // what was typed
	Slug    string          // the film it names, once resolved
	Options []compareOption // films it could mean
}

// compareOption is a film a box could mean, with the form resubmitted
// with that film chosen.
type compareOption struct {
	Title string
	Year  int
	URL   string
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
	pager
	Kinds   []kindTab
	Facets  []facetGroup
	Filters []filterChip
}

type kindTab struct {
	Kind, Label, URL string
	Current          bool
}
