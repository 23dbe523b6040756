package catalog

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
)

// NFO is what a Kodi, Jellyfin or Emby movie.nfo says about one film.
// Fields the file leaves out are zero.
type NFO struct {
	Root          string // the root element: "movie" for a film
	Title         string
	OriginalTitle string
	Year          int
	Premiered     string // YYYY-MM-DD
	Plot          string
	Runtime       int // minutes
	MPAA          string
	Genres        []string
	Countries     []string
	Directors     []string
	Writers       []string
	Actors        []NFOActor
	IMDb          string // tt…
	TMDB          int64
	Ratings       []NFORating
	Notes         []string   // what was read but left out, and why (an <actor> without a name)
	URLOnly       bool       // the file is Kodi's "parsing NFO": only a URL naming the film
	Person        *PersonNFO // set instead of the film fields when Root is "person"
}

// NFOActor is one <actor> entry.
type NFOActor struct {
	Name  string
	Role  string
	Order int // 0-based billing order; -1 when the file gives none
	Thumb string
}

// NFORating is one <ratings><rating> entry (or Kodi's old flat
// <rating>/<votes> pair, named "default").
type NFORating struct {
	Name    string
	Value   float64
	Votes   int64
	Max     float64
	Default bool
}

// NFOError is a problem with an NFO file at a line, in a field when the
// problem is one element's value.
type NFOError struct {
	Line   int
	Field  string
	Reason string
}

func (e *NFOError) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("line %d: field %s: %s", e.Line, e.Field, e.Reason)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
}

// maxNFOBytes bounds an NFO file: the largest real ones (hundreds of
// actors with thumbs, stream details) are well under 1 MB.
const maxNFOBytes = 4 << 20

var (
	imdbURLRe = regexp.MustCompile(`imdb\.com/(?:[a-z]{2}/)?title/(tt[0-9]{7,10})`)
	tmdbURLRe = regexp.MustCompile(`themoviedb\.org/movie/([0-9]{1,10})`)
	imdbIDRe  = regexp.MustCompile(`^tt[0-9]{7,10}$`)
)

// ParseNFO reads one NFO file. A file that is not XML but names a film by
// an IMDb or TMDb URL is a URL-only NFO (Kodi's "parsing NFO"); XML
// followed by such a URL (a "combination NFO") takes the id from the URL
// when the XML carries none. A file starting with a UTF-16 byte order
// mark is read as UTF-16, and one that is not UTF-8 and declares no
// encoding as Windows-1252. Errors are *NFOError.
func ParseNFO(data []byte) (*NFO, error) {
	if len(data) > maxNFOBytes {
		return nil, &NFOError{Line: 1, Reason: fmt.Sprintf("file is %d bytes, more than the %d an NFO may have", len(data), maxNFOBytes)}
	}
	data, fromUTF16, err := nfoText(data)
	if err != nil {
		return nil, &NFOError{Line: 1, Reason: "not readable UTF-16: " + err.Error()}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, &NFOError{Line: 1, Reason: "empty file"}
	}
	if trimmed[0] != '<' {
		n := &NFO{Root: "movie", URLOnly: true}
		if !urlIDs(n, data) {
			return nil, &NFOError{Line: 1, Reason: "neither XML nor an IMDb or TMDb URL"}
		}
		return n, nil
	}
	n, err := parseNFOXML(data, fromUTF16)
	if err != nil {
		return nil, err
	}
	if n.Person == nil && n.IMDb == "" && n.TMDB == 0 {
		urlIDs(n, data)
	}
	return n, nil
}

// urlIDs takes IMDb and TMDb ids from URLs in data; it reports whether it
// found one.
func urlIDs(n *NFO, data []byte) bool {
	if m := imdbURLRe.FindSubmatch(data); m != nil {
		n.IMDb = string(m[1])
	}
	if m := tmdbURLRe.FindSubmatch(data); m != nil {
		n.TMDB, _ = strconv.ParseInt(string(m[1]), 10, 64)
	}
	return n.IMDb != "" || n.TMDB != 0
}

// parseNFOXML decodes an NFO's XML. HTML's named entities (&eacute;,
// &nbsp;), which scrapers copy into plots from web pages, are read as the
// characters they name. fromUTF16 says data was converted to UTF-8 from
// UTF-16 already, so a declaration naming UTF-16 is not applied again.
func parseNFOXML(data []byte, fromUTF16 bool) (*NFO, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if fromUTF16 && strings.HasPrefix(strings.ToLower(label), "utf-16") {
			return r, nil
		}
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, fmt.Errorf("unknown encoding %q", label)
		}
		return enc.NewDecoder().Reader(r), nil
	}
	line := func() int { l, _ := d.InputPos(); return l }
	var root *xml.StartElement
	for root == nil {
		tok, err := d.Token()
		if err != nil {
			return nil, syntaxErr(err, line())
		}
		if se, ok := tok.(xml.StartElement); ok {
			root = &se
		}
	}
	n := &NFO{Root: root.Name.Local}
	if strings.EqualFold(n.Root, "person") {
		n.Root = "person"
		p, err := parsePersonXML(d, line)
		if err != nil {
			return nil, err
		}
		n.Person = p
		return n, nil
	}
	r := nfoReader{d: d, n: n}
	for {
		tok, err := d.Token()
		if err != nil {
			return nil, syntaxErr(err, line())
		}
		switch t := tok.(type) {
		case xml.StartElement:
			at := line()
			if err := r.element(t, at); err != nil {
				return nil, err
			}
		case xml.EndElement:
			// The root ends; what follows (a combination NFO's URL) is
			// not XML and is read by the caller.
			return n, nil
		}
	}
}

func syntaxErr(err error, line int) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &NFOError{Line: se.Line, Reason: "not well-formed XML: " + se.Msg}
	}
	if errors.Is(err, io.EOF) {
		return &NFOError{Line: line, Reason: "not well-formed XML: the file ends before the root element closes"}
	}
	return &NFOError{Line: line, Reason: "not readable XML: " + err.Error()}
}
