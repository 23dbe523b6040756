package film

// Filter selects films: every list of films (the site's lists, the API's,
// search results narrowed to films) takes one, read from a request by one
// reader (httpx.FilmFilter) and turned into SQL by one builder
// (store.FilterSQL). Zero fields do not filter; set fields combine (AND).
type Filter struct {
	Year          int
	Decade        int    // 1990 for the 1990s
	Genre         string // as stored, e.g. "Science Fiction"
	Certification string // e.g. "R"
	Country       string // as stored, e.g. "United States"
	Theme         string // theme slug
	Director      string // person slug
	Award         string // an award category the film won, "Palme d'Or"
	TitleType     string // e.g. "movie"
}

// IsZero reports whether f selects every film.
func (f Filter) IsZero() bool { return f == Filter{} }
