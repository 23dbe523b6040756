package web

import (
	"encoding/json"
	"html/template"
	"strconv"

	"marquee/internal/film"
)

// ldJSON encodes a schema.org object for a <script type="application/ld+json">
// block. encoding/json escapes <, > and &, so the text cannot close the
// script element.
func ldJSON(v any) template.JS {
	b, err := json.Marshal(v)
	if err != nil {
		return "{}"
	}
	return template.JS(b)
}

type ldThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type ldRating struct {
	Type        string `json:"@type"`
	RatingValue string `json:"ratingValue"`
	RatingCount int64  `json:"ratingCount"`
	BestRating  int    `json:"bestRating"`
	WorstRating int    `json:"worstRating"`
}

type ldMovie struct {
	Context         string    `json:"@context"`
	Type            string    `json:"@type"`
	Name            string    `json:"name"`
	URL             string    `json:"url"`
	DateCreated     string    `json:"dateCreated,omitempty"`
	Duration        string    `json:"duration,omitempty"`
	Genre           []string  `json:"genre,omitempty"`
	ContentRating   string    `json:"contentRating,omitempty"`
	Description     string    `json:"description,omitempty"`
	Director        []ldThing `json:"director,omitempty"`
	Author          []ldThing `json:"author,omitempty"`
	Actor           []ldThing `json:"actor,omitempty"`
	AggregateRating *ldRating `json:"aggregateRating,omitempty"`
	SameAs          []string  `json:"sameAs,omitempty"`
	Award           []string  `json:"award,omitempty"`
}

type ldFAQPage struct {
	Context    string       `json:"@context"`
	Type       string       `json:"@type"`
	MainEntity []ldQuestion `json:"mainEntity"`
}

type ldQuestion struct {
	Type           string   `json:"@type"`
	Name           string   `json:"name"`
	AcceptedAnswer ldAnswer `json:"acceptedAnswer"`
}

type ldAnswer struct {
	Type string `json:"@type"`
	Text string `json:"text"`
}

type ldPerson struct {
	Context     string   `json:"@context"`
	Type        string   `json:"@type"`
	Name        string   `json:"name"`
	URL         string   `json:"url"`
	BirthDate   string   `json:"birthDate,omitempty"`
	DeathDate   string   `json:"deathDate,omitempty"`
	JobTitle    []string `json:"jobTitle,omitempty"`
	SameAs      []string `json:"sameAs,omitempty"`
	Description string   `json:"description,omitempty"`
}

func (s *Server) movieLD(abs func(string) string, v *filmView) []template.JS {
	f := v.Film
	m := ldMovie{Context: "https://schema.org", Type: "Movie", Name: f.Title, URL: abs("/films/" + f.Slug),
		Genre: f.Genres, ContentRating: f.Certification, Description: f.Logline}
	if f.ReleaseDate != "" {
		m.DateCreated = f.ReleaseDate
	} else if f.Year != 0 {
		m.DateCreated = strconv.Itoa(f.Year)
	}
	if f.RuntimeMin > 0 {
		m.Duration = "PT" + strconv.Itoa(f.RuntimeMin) + "M"
	}
	for _, c := range v.Directors {
		m.Director = append(m.Director, ldThing{Type: "Person", Name: c.PersonName, URL: abs("/people/" + c.PersonSlug)})
	}
	for _, c := range v.Writers {
		m.Author = append(m.Author, ldThing{Type: "Person", Name: c.PersonName, URL: abs("/people/" + c.PersonSlug)})
	}
	for _, c := range v.Cast {
		m.Actor = append(m.Actor, ldThing{Type: "Person", Name: c.PersonName, URL: abs("/people/" + c.PersonSlug)})
	}
	if f.Rating.Votes > 0 {
		m.AggregateRating = &ldRating{Type: "AggregateRating", RatingValue: strconv.FormatFloat(f.Rating.Average, 'f', 1, 64),
			RatingCount: f.Rating.Votes, BestRating: 10, WorstRating: 1}
	}
	if f.IDs.IMDb != "" {
		m.SameAs = append(m.SameAs, "https://www.imdb.com/title/"+f.IDs.IMDb+"/")
	}
	if f.IDs.Wikidata != "" {
		m.SameAs = append(m.SameAs, "https://www.wikidata.org/wiki/"+f.IDs.Wikidata)
	}
	m.Award = awardsLD(v.Knowledge)
	out := []template.JS{ldJSON(m)}
	if fp := faqLD(v); len(fp.MainEntity) > 0 {
		out = append(out, ldJSON(fp))
	}
	return out
}

func personLD(url string, p *film.Person) template.JS {
	l := ldPerson{Context: "https://schema.org", Type: "Person", Name: p.Name, URL: url, JobTitle: p.Professions}
	if p.BirthYear != 0 {
		l.BirthDate = strconv.Itoa(p.BirthYear)
	}
	if p.DeathYear != 0 {
		l.DeathDate = strconv.Itoa(p.DeathYear)
	}
	if p.IDs.IMDb != "" {
		l.SameAs = append(l.SameAs, "https://www.imdb.com/name/"+p.IDs.IMDb+"/")
	}
	if p.IDs.Wikidata != "" {
		l.SameAs = append(l.SameAs, "https://www.wikidata.org/wiki/"+p.IDs.Wikidata)
	}
	return ldJSON(l)
}
