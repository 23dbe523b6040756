package web

import (
	"strings"

	"marquee/internal/film"
)

// suitability is a one-line answer to "who is this film for?", from the
// advisories and the certification.
type suitability struct {
	Audience string // "Adults only", "Suitable for teens", …
	Detail   string // "severe sexual content, strong language; moderate drug use"
	Level    string // CSS modifier: "all", "teens", "older-teens", "adults", "unknown"
}

// advisoryNoun names each category as a reader would in a sentence.
var advisoryNoun = map[film.AdvisoryCategory]string{
	film.AdvisorySex:         "sexual content and nudity",
	film.AdvisoryViolence:    "violence",
	film.AdvisoryProfanity:   "language",
	film.AdvisorySubstances:  "drug and alcohol use",
	film.AdvisoryFrightening: "frightening scenes",
}

func suitabilityOf(as []film.Advisory, cert string) suitability {
	if len(as) == 0 {
		switch strings.ToUpper(cert) {
		case "":
			return suitability{Audience: "No content advisory yet", Level: "unknown"}
		case "G", "U", "TV-G", "TV-Y":
			return suitability{Audience: "Suitable for all audiences", Detail: "rated " + cert, Level: "all"}
		case "PG", "TV-PG":
			return suitability{Audience: "Suitable for most children with a parent", Detail: "rated " + cert, Level: "teens"}
		case "PG-13", "12", "12A", "TV-14":
			return suitability{Audience: "Suitable for teens", Detail: "rated " + cert, Level: "teens"}
		case "R", "15", "TV-MA":
			return suitability{Audience: "Suitable for older teens with an adult", Detail: "rated " + cert, Level: "older-teens"}
		case "NC-17", "18", "X":
			return suitability{Audience: "Adults only", Detail: "rated " + cert, Level: "adults"}
		}
		return suitability{Audience: "Rated " + cert, Level: "unknown"}
	}
	bySev := map[film.Severity][]string{}
	top := 0
	for _, c := range film.AdvisoryCategories {
		for _, a := range as {
			if a.Category != c || a.Severity.Rank() <= 0 {
				continue
			}
			bySev[a.Severity] = append(bySev[a.Severity], advisoryNoun[c])
			top = max(top, a.Severity.Rank())
		}
	}
	var parts []string
	for _, sev := range []film.Severity{film.SeveritySevere, film.SeverityModerate, film.SeverityMild} {
		if ns := bySev[sev]; len(ns) > 0 {
			parts = append(parts, string(sev)+" "+andList(ns))
		}
	}
	s := suitability{Detail: strings.Join(parts, "; ")}
	switch top {
	case 3:
		s.Audience, s.Level = "Adults only", "adults"
	case 2:
		s.Audience, s.Level = "Suitable for older teens", "older-teens"
	case 1:
		s.Audience, s.Level = "Suitable for teens", "teens"
	default:
		s.Audience, s.Level = "Suitable for all audiences", "all"
	}
	if cert != "" {
		if s.Detail != "" {
			s.Detail += "; "
		}
		s.Detail += "rated " + cert
	}
	return s
}

func andList(ns []string) string {
	switch len(ns) {
	case 0:
		return ""
	case 1:
		return ns[0]
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
}
