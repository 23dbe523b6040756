package catalog

import (
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// nfoReader reads the children of an NFO's root element.
type nfoReader struct {
	d *xml.Decoder
	n *NFO
}

type nfoActorXML struct {
	Name      string `xml:"name"`
	Role      string `xml:"role"`
	Order     string `xml:"order"`
	SortOrder string `xml:"sortorder"` // Jellyfin
	Thumb     string `xml:"thumb"`
}

type nfoRatingXML struct {
	Name    string `xml:"name,attr"`
	Max     string `xml:"max,attr"`
	Default string `xml:"default,attr"`
	Value   string `xml:"value"`
	Votes   string `xml:"votes"`
}

type nfoUniqueIDXML struct {
	Type    string `xml:"type,attr"`
	Default string `xml:"default,attr"`
	Value   string `xml:",chardata"`
}

// text reads an element's character data, trimmed.
func (r *nfoReader) text(se xml.StartElement, line int) (string, error) {
	var s string
	if err := r.d.DecodeElement(&s, &se); err != nil {
		return "", syntaxErr(err, line)
	}
	return strings.TrimSpace(s), nil
}

func (r *nfoReader) element(se xml.StartElement, line int) error {
	n := r.n
	name := strings.ToLower(se.Name.Local)
	bad := func(reason string) error { return &NFOError{Line: line, Field: name, Reason: reason} }
	switch name {
	case "title", "originaltitle", "plot", "outline", "mpaa", "premiered", "releasedate", "year", "runtime",
		"genre", "country", "director", "credits", "writer", "id", "imdbid", "imdb_id", "tmdbid", "votes":
		s, err := r.text(se, line)
		if err != nil || s == "" {
			return err
		}
		return r.simple(name, s, bad)
	case "rating":
		// Kodi before v17: <rating>7.2</rating> beside <votes>; a
		// <rating> holding <value> is the newer form outside <ratings>.
		x, s, err := r.rating(se, line)
		if err != nil {
			return err
		}
		if x.Value == "" {
			x.Value = s
		}
		return r.addRating(x, bad)
	case "ratings":
		var x struct {
			Ratings []nfoRatingXML `xml:"rating"`
		}
		if err := r.d.DecodeElement(&x, &se); err != nil {
			return syntaxErr(err, line)
		}
		for _, rt := range x.Ratings {
			if err := r.addRating(rt, bad); err != nil {
				return err
			}
		}
		return nil
	case "uniqueid":
		var x nfoUniqueIDXML
		if err := r.d.DecodeElement(&x, &se); err != nil {
			return syntaxErr(err, line)
		}
		v := strings.TrimSpace(x.Value)
		if noID(v) {
			return nil // a template's empty <uniqueid type="imdb"></uniqueid>
		}
		switch strings.ToLower(x.Type) {
		case "imdb":
			return r.setIMDb(v, bad)
		case "tmdb", "themoviedb":
			return r.setTMDB(v, bad)
		case "", "unknown":
			// Kodi writes type="unknown" for ids it cannot name; an IMDb
			// id is recognisable by its shape.
			if imdbIDRe.MatchString(v) {
				return r.setIMDb(v, bad)
			}
		}
		return nil
	case "actor":
		var x nfoActorXML
		if err := r.d.DecodeElement(&x, &se); err != nil {
			return syntaxErr(err, line)
		}
		a := NFOActor{Name: strings.TrimSpace(x.Name), Role: strings.TrimSpace(x.Role), Thumb: strings.TrimSpace(x.Thumb), Order: -1}
		if a.Name == "" {
			// Kodi drops such an entry too; the import notes it.
			n.Notes = append(n.Notes, fmt.Sprintf("line %d: an <actor> without a <name> (role %q) was left out", line, a.Role))
			return nil
		}
		ord := strings.TrimSpace(x.Order)
		if ord == "" {
			ord = strings.TrimSpace(x.SortOrder)
		}
		if ord != "" {
			o, err := strconv.Atoi(ord)
			if err != nil || o < 0 || o > 100000 {
				return &NFOError{Line: line, Field: "actor.order", Reason: "not a billing position: " + strconv.Quote(ord)}
			}
			a.Order = o
		}
		n.Actors = append(n.Actors, a)
		return nil
	}
	if err := r.d.Skip(); err != nil {
		return syntaxErr(err, line)
	}
	return nil
}

func (r *nfoReader) rating(se xml.StartElement, line int) (nfoRatingXML, string, error) {
	var x struct {
		nfoRatingXML
		Text string `xml:",chardata"`
	}
	if err := r.d.DecodeElement(&x, &se); err != nil {
		return nfoRatingXML{}, "", syntaxErr(err, line)
	}
	return x.nfoRatingXML, strings.TrimSpace(x.Text), nil
}

func (r *nfoReader) simple(name, s string, bad func(string) error) error {
	n := r.n
	switch name {
	case "title":
		n.Title = s
	case "originaltitle":
		n.OriginalTitle = s
	case "plot":
		n.Plot = s
	case "outline":
		if n.Plot == "" {
			n.Plot = s
		}
	case "mpaa":
		n.MPAA = s
	case "premiered", "releasedate":
		d, ok := nfoDate(s)
		if !ok {
			return bad("not a YYYY-MM-DD date: " + strconv.Quote(s))
		}
		if n.Premiered == "" {
			n.Premiered = d
		}
	case "year":
		y, err := strconv.Atoi(s)
		if err != nil || y < 1870 || y > 2100 {
			return bad("not a year: " + strconv.Quote(s))
		}
		n.Year = y
	case "runtime":
		m, err := strconv.Atoi(strings.TrimSpace(strings.TrimRight(strings.ToLower(s), "minutes.")))
		if err != nil || m < 0 || m > 100000 {
			return bad("not a runtime in minutes: " + strconv.Quote(s))
		}
		n.Runtime = m
	case "genre":
		// Some tools write "Comedy / Drama" in one element.
		for _, g := range strings.Split(s, " / ") {
			if g = strings.TrimSpace(g); g != "" {
				n.Genres = append(n.Genres, g)
			}
		}
	case "country":
		n.Countries = append(n.Countries, s)
	case "director":
		n.Directors = append(n.Directors, s)
	case "credits", "writer":
		n.Writers = append(n.Writers, s)
	case "id", "imdbid", "imdb_id":
		// Kodi's <id> holds whatever the scraper used; only an IMDb-shaped
		// value is taken as one.
		if noID(s) {
			return nil
		}
		if imdbIDRe.MatchString(s) {
			return r.setIMDb(s, bad)
		}
		if name != "id" {
			return bad("not an IMDb id (tt…): " + strconv.Quote(s))
		}
	case "tmdbid":
		if noID(s) {
			return nil
		}
		return r.setTMDB(s, bad)
	case "votes":
		// Kodi's flat form; it belongs to the flat <rating>.
		v, err := parseVotes(s)
		if err != nil {
			return bad("not a vote count: " + strconv.Quote(s))
		}
		for i := range n.Ratings {
			if n.Ratings[i].Name == "default" {
				n.Ratings[i].Votes = v
				return nil
			}
		}
		n.Ratings = append(n.Ratings, NFORating{Name: "default", Votes: v, Max: 10})
	}
	return nil
}

func (r *nfoReader) setIMDb(v string, bad func(string) error) error {
	if !imdbIDRe.MatchString(v) {
		return bad("not an IMDb id (tt…): " + strconv.Quote(v))
	}
	if r.n.IMDb != "" && r.n.IMDb != v {
		return bad("two different IMDb ids: " + r.n.IMDb + " and " + v)
	}
	r.n.IMDb = v
	return nil
}

func (r *nfoReader) setTMDB(v string, bad func(string) error) error {
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return bad("not a TMDb id: " + strconv.Quote(v))
	}
	if r.n.TMDB != 0 && r.n.TMDB != id {
		return bad("two different TMDb ids: " + strconv.FormatInt(r.n.TMDB, 10) + " and " + v)
	}
	r.n.TMDB = id
	return nil
}

func (r *nfoReader) addRating(x nfoRatingXML, bad func(string) error) error {
	rt := NFORating{Name: strings.ToLower(strings.TrimSpace(x.Name)), Max: 10, Default: x.Default == "true"}
	if rt.Name == "" {
		rt.Name = "default"
	}
	if s := strings.TrimSpace(x.Max); s != "" {
		m, err := strconv.ParseFloat(s, 64)
		if err != nil || m <= 0 {
			return bad("not a rating scale: max=" + strconv.Quote(s))
		}
		rt.Max = m
	}
	if s := strings.TrimSpace(x.Value); s != "" {
		v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
		if err != nil || v < 0 || v > rt.Max {
			return bad("not a rating from 0 to " + strconv.FormatFloat(rt.Max, 'g', -1, 64) + ": " + strconv.Quote(s))
		}
		rt.Value = v
	}
	if s := strings.TrimSpace(x.Votes); s != "" {
		v, err := parseVotes(s)
		if err != nil {
			return bad("not a vote count: " + strconv.Quote(s))
		}
		rt.Votes = v
	}
	for i := range r.n.Ratings {
		if r.n.Ratings[i].Name == rt.Name && rt.Name == "default" {
			// the flat <votes> came first
			r.n.Ratings[i].Value = rt.Value
			return nil
		}
	}
	r.n.Ratings = append(r.n.Ratings, rt)
	return nil
}

// groupedRe is a number written with thousands separators as Kodi's
// locales write vote counts: "1,234", "2.345.678", "12 345".
var groupedRe = regexp.MustCompile(`^[0-9]{1,3}(?:[,.\x{a0}\x{202f} ][0-9]{3})+$`)

// parseVotes reads a vote count, allowing thousands separators.
func parseVotes(s string) (int64, error) {
	if groupedRe.MatchString(s) {
		s = strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, s)
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err == nil && v < 0 {
		err = strconv.ErrRange
	}
	return v, err
}

// noID reports whether an id element holds no id: empty, or a placeholder
// that writers put where they have none ("0", "-1", "null", "None", "N/A").
func noID(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "0", "-1", "null", "none", "n/a", "undefined":
		return true
	}
	return false
}

// nfoDate reads a date as NFO writers give it: YYYY-MM-DD, or with a time
// of day after it ("2010-07-15 00:00:00", "2010-07-15T00:00:00Z", as
// Emby, Jellyfin and tinyMediaManager write dates they store as times).
func nfoDate(s string) (string, bool) {
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
		s = s[:10]
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return "", false
	}
	return d.Format(time.DateOnly), true
}
