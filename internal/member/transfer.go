package member

// Data is everything a member keeps, as exported and imported: the shape
// both the Letterboxd and the IMDb files are written from and read into.
type Data struct {
	Username  string
	Films     []FilmLog    // watched, rated, liked
	Diary     []DiaryEntry // viewings, oldest first on import
	Reviews   []Review
	Watchlist []ListEntry // Note carries the date added (YYYY-MM-DD)
	Lists     []List
}

// Pending is an imported row whose film is not certain: unmatched (no film
// found) or fuzzy (found by an alternative title or a year off by one). It
// waits for the member to pick the film, or to dismiss it.
type Pending struct {
	ID             int64
	File           string
	Line           int
	Title          string
	Year           int
	Kind           string // "unmatched" or "fuzzy"
	Suggested      string // slug of the fuzzy match
	SuggestedTitle string
	// Row is the parsed row, applied to the chosen film on resolution.
	Row Data
}

// ImportCounts say what an import did, by kind of row.
type ImportCounts struct {
	Films     int `json:"films"`
	Ratings   int `json:"ratings"`
	Likes     int `json:"likes"`
	Diary     int `json:"diary"`
	Reviews   int `json:"reviews"`
	Watchlist int `json:"watchlist"`
	Lists     int `json:"lists"`
	Unchanged int `json:"unchanged"` // rows already present (a re-import)
}
