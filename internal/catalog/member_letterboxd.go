package catalog

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"marquee/internal/film"
	"marquee/internal/member"
	"marquee/internal/store"
)

// MemberSummary is what a member's Letterboxd import did: rows read and
// malformed by file, what landed, and the rows waiting for the member.
type MemberSummary struct {
	Files     []FileSummary       `json:"files"`
	Counts    member.ImportCounts `json:"imported"`
	Pending   int                 `json:"pending"` // unmatched + fuzzy, filed for the member to resolve
	Unmatched []Unmatched         `json:"unmatched"`
	Fuzzy     []Unmatched         `json:"fuzzy"`
	RowErrors []RowError          `json:"row_errors"`
}

// memberFiles are the export's files a member import reads, with their
// required columns (Letterboxd's own headers).
var memberFiles = []struct {
	name string
	cols []string
}{
	{"diary.csv", []string{"Date", "Name", "Year", "Rating", "Rewatch", "Tags", "Watched Date"}},
	{"reviews.csv", []string{"Date", "Name", "Year", "Rating", "Review", "Watched Date"}},
	{"watched.csv", []string{"Date", "Name", "Year"}},
	{"ratings.csv", []string{"Date", "Name", "Year", "Rating"}},
	{"likes/films.csv", []string{"Date", "Name", "Year"}},
	{"watchlist.csv", []string{"Date", "Name", "Year"}},
}

// memberImport is the state of one member import.
type memberImport struct {
	st    *store.Store
	match matcher
	db    *bulkConn
	sum   *MemberSummary
	opts  Options
	data  member.Data
	pend  []member.Pending
	cache map[string]filmHit
}

type filmHit struct {
	slug, title string
	year        int
	fuzzy       bool
}

// ImportMemberLetterboxd imports a Letterboxd export (ZIP or directory)
// into member uid's account, with the catalog importer's reader and
// matching rules: by the IMDb id of a letterboxd.com/imdb/… URI when the
// export carries one, else by folded title and year, then alternative
// titles, then a year off by one. Rows matched only by an alternative title
// or another year are fuzzy; they and unmatched rows are filed for the member
// to resolve, never guessed into the account. Every header is checked and
// every row parsed before anything is written; malformed rows over
// opts.MaxErrors, or any malformed row on a non-dry run, change nothing.
func ImportMemberLetterboxd(ctx context.Context, st *store.Store, export string, uid int64, opts Options) (*MemberSummary, error) {
	sum := &MemberSummary{Unmatched: []Unmatched{}, Fuzzy: []Unmatched{}, RowErrors: []RowError{}}
	src, err := openExport(export, "Letterboxd export")
	if err != nil {
		return sum, badExport(err)
	}
	defer src.Close()
	db, err := openBulk(ctx, st)
	if err != nil {
		return sum, err
	}
	defer db.Close()
	m := &memberImport{st: st, match: matcher{db: db}, db: db, sum: sum, opts: opts, cache: map[string]filmHit{}}
	present := 0
	for _, f := range memberFiles {
		in, err := openMemberFile(src, f.name)
		if err != nil {
			return sum, badExport(err)
		}
		if in == nil {
			continue
		}
		present++
		c, err := newCSV(in, f.cols...)
		if err != nil {
			return sum, badExport(err)
		}
		err = m.readFile(ctx, c, f.name)
		c.Close()
		if err != nil {
			return sum, badExport(err)
		}
	}
	for _, name := range listFiles(src) {
		present++
		if err := m.readList(ctx, src, name); err != nil {
			return sum, badExport(err)
		}
	}
	if present == 0 {
		return sum, badExport(fmt.Errorf("%s: no Letterboxd files (watched.csv, ratings.csv, diary.csv, reviews.csv, watchlist.csv, lists/)", export))
	}
	if len(sum.RowErrors) > 0 {
		return sum, badExport(fmt.Errorf("%s: %d malformed rows, the first: %v; nothing was imported", export, len(sum.RowErrors), sum.RowErrors[0]))
	}
	sum.Pending = len(m.pend)
	if opts.DryRun {
		return sum, nil
	}
	sum.Counts, err = st.ApplyImport(ctx, uid, m.data, m.pend)
	return sum, err
}

// openMemberFile opens a file of the export by its path inside it
// (likes/films.csv, lists/x.csv), at the top of a ZIP or in its one top
// folder; never from deleted/ or orphaned/.
func openMemberFile(src exportSource, name string) (*input, error) {
	if !strings.Contains(name, "/") {
		return src.open(name)
	}
	switch s := src.(type) {
	case dirSource:
		if _, err := os.Stat(filepath.Join(string(s), filepath.FromSlash(name))); err != nil {
			return nil, nil
		}
		return s.openPath(name)
	case zipSource:
		for _, f := range s.r.File {
			if f.Name == name || strings.HasSuffix(f.Name, "/"+name) && strings.Count(f.Name, "/") == strings.Count(name, "/")+1 {
				if strings.Contains(f.Name, "deleted/") || strings.Contains(f.Name, "orphaned/") {
					continue
				}
				return s.openPath(f.Name)
			}
		}
	}
	return nil, nil
}

func (m *memberImport) bad(e *RowError) error {
	if len(m.sum.RowErrors) < maxReported {
		m.sum.RowErrors = append(m.sum.RowErrors, *e)
	}
	if len(m.sum.RowErrors) > m.opts.maxErrors() {
		return fmt.Errorf("%w: more than %d", ErrTooManyErrors, m.opts.maxErrors())
	}
	return nil
}

func (m *memberImport) fileSummary(name string) *FileSummary {
	for i := range m.sum.Files {
		if m.sum.Files[i].File == name {
			return &m.sum.Files[i]
		}
	}
	m.sum.Files = append(m.sum.Files, FileSummary{File: name})
	return &m.sum.Files[len(m.sum.Files)-1]
}

func (m *memberImport) readFile(ctx context.Context, c *csvFile, name string) error {
	fs := m.fileSummary(name)
	for {
		ok, rowErr, err := c.next()
		if err != nil || !ok {
			return err
		}
		fs.Read++
		if rowErr == nil {
			rowErr, err = m.row(ctx, c, name, fs)
			if err != nil {
				return err
			}
		}
		if rowErr != nil {
			if err := m.bad(rowErr); err != nil {
				return err
			}
		}
	}
}

// row parses one row and files it as data or as a pending row.
func (m *memberImport) row(ctx context.Context, c *csvFile, file string, fs *FileSummary) (*RowError, error) {
	title, year, bad := memberTitleYear(c.get("Name"), c.get("Year"), func(f, r string) *RowError { return c.fieldErr(f, r) })
	if bad != nil {
		return bad, nil
	}
	date, bad := lbDate(c, "Date", true)
	if bad != nil {
		return bad, nil
	}
	var rating member.Rating
	if s := strings.TrimSpace(c.get("Rating")); s != "" {
		r, err := member.ParseStars("Rating", s)
		if err != nil {
			return c.fieldErr("Rating", "bad rating (0.5–5 in halves): "+strconv.Quote(s)), nil
		}
		rating = r
	} else if file == "ratings.csv" {
		return c.fieldErr("Rating", "missing rating"), nil
	}
	watched := ""
	if _, ok := c.cols["Watched Date"]; ok {
		if watched, bad = lbDate(c, "Watched Date", false); bad != nil {
			return bad, nil
		}
	}
	at, _ := time.Parse(time.DateOnly, date)
	var d member.Data
	switch file {
	case "diary.csv":
		if watched == "" {
			watched = date
		}
		d.Diary = []member.DiaryEntry{{WatchedOn: watched, Rating: rating, Rewatch: strings.EqualFold(c.get("Rewatch"), "yes"),
			Tags: member.SplitTags(c.get("Tags")), CreatedAt: at}}
	case "reviews.csv":
		body := c.get("Review")
		if strings.TrimSpace(body) == "" {
			return c.fieldErr("Review", "empty review"), nil
		}
		if len([]rune(body)) > member.MaxReviewLength {
			return c.fieldErr("Review", fmt.Sprintf("longer than the limit of %d characters", member.MaxReviewLength)), nil
		}
		d.Reviews = []member.Review{{Body: body, Rating: rating, WatchedOn: watched, CreatedAt: at}}
	case "watched.csv":
		d.Films = []member.FilmLog{{Watched: true, UpdatedAt: at}}
	case "ratings.csv":
		d.Films = []member.FilmLog{{Watched: true, Rating: rating, UpdatedAt: at}}
	case "likes/films.csv":
		d.Films = []member.FilmLog{{Watched: true, Liked: true, UpdatedAt: at}}
	case "watchlist.csv":
		d.Watchlist = []member.ListEntry{{Note: date}}
	}
	return nil, m.file(ctx, d, file, c.line, title, year, filmURI(file, c.get("Letterboxd URI")), fs)
}

// filmURI is the row's "Letterboxd URI" when it names the film: in
// diary.csv and reviews.csv Letterboxd gives the entry's own short link
// (https://boxd.it/n2lM7), which, taken for the film's, would rule out the
// film the catalog knows by its real link. Marquee's own letterboxd.com/
// imdb/… form names the film in every file.
func filmURI(file, uri string) string {
	uri = lbURI(uri)
	if filmURIFiles[path.Base(file)] || imdbFromLetterboxdURI(uri) != "" {
		return uri
	}
	return ""
}

func memberTitleYear(name, y string, fail func(field, reason string) *RowError) (string, int, *RowError) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", 0, fail("Name", "empty film name")
	}
	year := 0
	if y = strings.TrimSpace(y); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1870 || n > 2100 {
			return "", 0, fail("Year", "bad year: "+strconv.Quote(y))
		}
		year = n
	}
	return name, year, nil
}

// file matches the row's film and adds the row to the import or, when the
// film is uncertain, to the pending rows.
func (m *memberImport) file(ctx context.Context, d member.Data, file string, line int, title string, year int, uri string, fs *FileSummary) error {
	hit, err := m.find(ctx, title, year, uri)
	if err != nil {
		return err
	}
	if hit.slug == "" || hit.fuzzy {
		kind := "unmatched"
		u := Unmatched{File: file, Line: line, Title: title, Year: year}
		if hit.fuzzy {
			kind = "fuzzy"
			m.sum.Fuzzy = append(m.sum.Fuzzy, u)
		} else {
			m.sum.Unmatched = append(m.sum.Unmatched, u)
		}
		fs.Skipped++
		m.pend = append(m.pend, member.Pending{File: file, Line: line, Title: title, Year: year, Kind: kind, Suggested: hit.slug, Row: d})
		return nil
	}
	fs.Imported++
	for i := range d.Films {
		d.Films[i].FilmSlug = hit.slug
	}
	for i := range d.Diary {
		d.Diary[i].FilmSlug = hit.slug
	}
	for i := range d.Reviews {
		d.Reviews[i].FilmSlug = hit.slug
	}
	for i := range d.Watchlist {
		d.Watchlist[i].FilmSlug = hit.slug
	}
	for i := range d.Lists {
		for j := range d.Lists[i].Entries {
			d.Lists[i].Entries[j].FilmSlug = hit.slug
		}
	}
	m.data.Films = append(m.data.Films, d.Films...)
	m.data.Diary = append(m.data.Diary, d.Diary...)
	m.data.Reviews = append(m.data.Reviews, d.Reviews...)
	m.data.Watchlist = append(m.data.Watchlist, d.Watchlist...)
	return nil
}

// find matches a film: by IMDb id in the URI, else with the catalog
// importer's matcher; a match whose folded title or year differs is fuzzy.
func (m *memberImport) find(ctx context.Context, title string, year int, uri string) (filmHit, error) {
	key := title + "\x00" + strconv.Itoa(year) + "\x00" + uri
	if h, ok := m.cache[key]; ok {
		return h, nil
	}
	var hit filmHit
	if id := imdbFromLetterboxdURI(uri); id != "" {
		f, err := m.st.FilmByIMDb(ctx, id)
		if err == nil {
			hit = filmHit{slug: f.Slug, title: f.Title, year: f.Year}
			m.cache[key] = hit
			return hit, nil
		}
	}
	res, err := m.match.find(matchQuery{title: title, year: year, source: "letterboxd", extID: uri})
	if err != nil || res.id == 0 {
		m.cache[key] = hit
		return hit, err
	}
	// The same title (case and diacritics aside) and year is the film; an
	// alternative title, a year off or a tie is for the member to confirm.
	fuzzy := res.candidates > 1 || res.rejected || res.score < scoreFolded
	hit = filmHit{slug: res.slug, title: res.title, year: res.year, fuzzy: fuzzy}
	m.cache[key] = hit
	return hit, nil
}

// imdbFromLetterboxdURI reads the id of letterboxd.com/imdb/{id}/, the
// URI Marquee's own Letterboxd export writes.
func imdbFromLetterboxdURI(uri string) string {
	const p = "letterboxd.com/imdb/"
	i := strings.Index(uri, p)
	if i < 0 {
		return ""
	}
	id := strings.Trim(uri[i+len(p):], "/")
	if len(id) < 9 || !strings.HasPrefix(id, "tt") || strings.Trim(id[2:], "0123456789") != "" {
		return ""
	}
	return id
}

// readList reads one lists/*.csv with the catalog importer's list reader
// (readList) and files its entries as one member list, in their order.
func (m *memberImport) readList(ctx context.Context, src exportSource, name string) error {
	in, err := openMemberFile(src, name)
	if err != nil || in == nil {
		return err
	}
	l, bad, err := readList(in)
	if err != nil {
		return err
	}
	fs := m.fileSummary(name)
	for i := range bad {
		fs.Read++
		if err := m.bad(&bad[i]); err != nil {
			return err
		}
	}
	list := member.List{Name: l.Name, Slug: film.Slugify(l.Name), Description: l.Description, Public: true}
	if t, err := time.Parse(time.DateOnly, l.Date); err == nil {
		list.CreatedAt = t
	}
	for _, e := range l.Entries {
		fs.Read++
		if err := ctx.Err(); err != nil {
			return err
		}
		hit, err := m.find(ctx, e.Name, e.Year, lbURI(e.URL))
		if err != nil {
			return err
		}
		le := member.ListEntry{Position: e.Position, FilmSlug: hit.slug, Note: e.Notes}
		if hit.slug == "" || hit.fuzzy {
			one := list
			one.Entries = []member.ListEntry{le}
			if err := m.file(ctx, member.Data{Lists: []member.List{one}}, name, e.Line, e.Name, e.Year, e.URL, fs); err != nil {
				return err
			}
			continue
		}
		fs.Imported++
		list.Entries = append(list.Entries, le)
	}
	m.data.Lists = append(m.data.Lists, list)
	return nil
}
