package catalog

import (
	"encoding/xml"
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// PersonNFO is what a person NFO says about one person: Jellyfin and
// Emby keep one in each person's metadata folder
// (metadata/People/<letter>/<Name>/person.nfo, beside folder.jpg), and
// scrapers write the same shape. The root is <person>; the biography is
// in <biography>, or in <plot>, <overview> or <outline> as Jellyfin's
// own NFO writer puts it; the birth date in <birthdate>, <birthday> or
// Jellyfin's <premiered>; the death date in <deathdate>, <deathday> or
// <enddate>. Fields the file leaves out are zero.
type PersonNFO struct {
	Name       string
	Biography  string // cleaned: plain text, paragraphs separated by blank lines
	BirthDate  string // YYYY-MM-DD, or YYYY when only the year is known
	DeathDate  string
	Birthplace string
	IMDb       string // nm…
	TMDB       int64
	Thumbs     []string // <thumb> values, in file order
}

var imdbNameRe = regexp.MustCompile(`^nm[0-9]{7,10}$`)

// maxBiographyRunes bounds a stored biography; the longest real ones
// (TMDb's, copied from Wikipedia) are a few thousand characters.
const maxBiographyRunes = 20000

// parsePersonXML reads the children of a <person> root.
func parsePersonXML(d *xml.Decoder, line func() int) (*PersonNFO, error) {
	p := &PersonNFO{}
	texts := map[string]string{} // first value of each text element
	for {
		tok, err := d.Token()
		if err != nil {
			return nil, syntaxErr(err, line())
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return p, p.finish(texts, line())
		case xml.StartElement:
			at := line()
			name := strings.ToLower(t.Name.Local)
			bad := func(reason string) error { return &NFOError{Line: at, Field: name, Reason: reason} }
			switch name {
			case "name", "title", "biography", "plot", "overview", "outline", "review",
				"birthdate", "birthday", "premiered", "releasedate", "born", "year",
				"deathdate", "deathday", "enddate", "died", "placeofbirth", "birthplace",
				"imdbid", "imdb_id", "imdb", "tmdbid", "thumb":
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return nil, syntaxErr(err, at)
				}
				s = strings.TrimSpace(s)
				if s == "" {
					continue
				}
				if err := p.simple(name, s, texts, bad); err != nil {
					return nil, err
				}
			case "uniqueid":
				var x nfoUniqueIDXML
				if err := d.DecodeElement(&x, &t); err != nil {
					return nil, syntaxErr(err, at)
				}
				v := strings.TrimSpace(x.Value)
				switch strings.ToLower(x.Type) {
				case "imdb":
					err = p.setIMDb(v, bad)
				case "tmdb", "themoviedb":
					err = p.setTMDB(v, bad)
				case "", "unknown":
					if imdbNameRe.MatchString(v) {
						err = p.setIMDb(v, bad)
					}
				}
				if err != nil {
					return nil, err
				}
			default:
				if err := d.Skip(); err != nil {
					return nil, syntaxErr(err, at)
				}
			}
		}
	}
}

func (p *PersonNFO) simple(name, s string, texts map[string]string, bad func(string) error) error {
	switch name {
	case "imdbid", "imdb_id", "imdb":
		return p.setIMDb(s, bad)
	case "tmdbid":
		return p.setTMDB(s, bad)
	case "thumb":
		p.Thumbs = append(p.Thumbs, s)
		return nil
	case "birthdate", "birthday", "premiered", "releasedate", "born",
		"deathdate", "deathday", "enddate", "died":
		d, ok := personDate(s)
		if !ok {
			return bad("not a YYYY-MM-DD date: " + strconv.Quote(s))
		}
		s = d
	case "year":
		y, err := strconv.Atoi(s)
		if err != nil || y < 1800 || y > 2100 {
			return bad("not a year: " + strconv.Quote(s))
		}
	}
	if _, ok := texts[name]; !ok {
		texts[name] = s
	}
	return nil
}

// finish picks each field from the elements that can carry it, the first
// named winning.
func (p *PersonNFO) finish(texts map[string]string, line int) error {
	first := func(names ...string) string {
		for _, n := range names {
			if v := texts[n]; v != "" {
				return v
			}
		}
		return ""
	}
	p.Name = first("name", "title")
	p.Biography = cleanBiography(first("biography", "plot", "overview", "review", "outline"))
	p.BirthDate = first("birthdate", "birthday", "born", "premiered", "releasedate", "year")
	p.DeathDate = first("deathdate", "deathday", "died", "enddate")
	p.Birthplace = cleanLine(first("placeofbirth", "birthplace"))
	if p.Name == "" {
		return &NFOError{Line: line, Field: "name", Reason: "a person NFO without a <name>"}
	}
	if p.BirthDate != "" && p.DeathDate != "" && p.DeathDate < p.BirthDate {
		return &NFOError{Line: line, Field: "deathdate", Reason: "the death date " + p.DeathDate + " is before the birth date " + p.BirthDate}
	}
	return nil
}

func (p *PersonNFO) setIMDb(v string, bad func(string) error) error {
	if !imdbNameRe.MatchString(v) {
		return bad("not an IMDb name id (nm…): " + strconv.Quote(v))
	}
	if p.IMDb != "" && p.IMDb != v {
		return bad("two different IMDb ids: " + p.IMDb + " and " + v)
	}
	p.IMDb = v
	return nil
}

func (p *PersonNFO) setTMDB(v string, bad func(string) error) error {
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return bad("not a TMDb id: " + strconv.Quote(v))
	}
	if p.TMDB != 0 && p.TMDB != id {
		return bad("two different TMDb ids: " + strconv.FormatInt(p.TMDB, 10) + " and " + v)
	}
	p.TMDB = id
	return nil
}

// personDate reads a date as NFO writers give it: YYYY-MM-DD, with or
// without Jellyfin's time of day, or a bare year.
func personDate(s string) (string, bool) {
	if len(s) == 4 {
		y, err := strconv.Atoi(s)
		return s, err == nil && y >= 1800 && y <= 2100
	}
	d, ok := nfoDate(s)
	if !ok || d[:4] < "1800" || d[:4] > "2100" {
		return "", false
	}
	return d, true
}

var (
	breakTagRe = regexp.MustCompile(`(?i)<\s*(br|/p|p)\b[^>]*>`)
	anyTagRe   = regexp.MustCompile(`<[^<>]{1,200}>`)
	blankRunRe = regexp.MustCompile(`\n{2,}`)
)

// cleanBiography turns a biography into plain paragraphs: HTML that
// scrapers leave in (<br>, <p>, links) becomes line breaks or goes,
// entities are decoded, control characters dropped, each paragraph's
// spaces collapsed, and paragraphs separated by one blank line. The page
// escapes the result; nothing of it is ever markup.
func cleanBiography(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	s = html.UnescapeString(s)
	s = breakTagRe.ReplaceAllString(s, "\n")
	for { // each pass shortens s: "<<b>b>" leaves "<b>" for the next
		t := anyTagRe.ReplaceAllString(s, "")
		if t == s {
			break
		}
		s = t
	}
	var paras []string
	for _, para := range strings.Split(s, "\n") {
		if para = cleanLine(para); para != "" {
			paras = append(paras, para)
		}
	}
	s = blankRunRe.ReplaceAllString(strings.Join(paras, "\n\n"), "\n\n")
	if r := []rune(s); len(r) > maxBiographyRunes {
		s = strings.TrimSpace(string(r[:maxBiographyRunes-1])) + "…"
	}
	return s
}

// cleanLine drops control characters and collapses runs of spaces.
func cleanLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\uFEFF' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
