package knowledge

import (
	"regexp"
	"strings"

	"marquee/internal/film"
)

// advisoryCues names, per category, the phrases by which prose reports
// that kind of content. They are ordinary English, not any one article's.
var advisoryCues = []struct {
	cat film.AdvisoryCategory
	re  *regexp.Regexp
}{
	{film.AdvisorySex, regexp.MustCompile(`(?i)\b(sexual content|sex scenes?|sexuality|nudity|explicit sex|sexually explicit|sexual violence)\b`)},
	{film.AdvisoryViolence, regexp.MustCompile(`(?i)\b(violence|violent|gore|gory|bloodshed|brutality|killings?)\b`)},
	{film.AdvisoryProfanity, regexp.MustCompile(`(?i)\b(profanity|strong language|foul language|swearing|obscenit(?:y|ies)|crude language|slurs?)\b`)},
	{film.AdvisorySubstances, regexp.MustCompile(`(?i)\b(drug use|drugs?|drug dealing|alcohol|drinking|drunkenness|smoking|substance abuse|addiction)\b`)},
	{film.AdvisoryFrightening, regexp.MustCompile(`(?i)\b(frightening|terrifying|disturbing|harrowing|intense scenes|scary|horrifying|suicide)\b`)},
}

var (
	severeRe = regexp.MustCompile(`(?i)\b(explicit|graphic|strong|pervasive|extreme|brutal|relentless|constant|unflinching)\b`)
	mildRe   = regexp.MustCompile(`(?i)\b(brief|mild|some|implied|occasional|off[- ]screen)\b`)
	negRe    = regexp.MustCompile(`(?i)\b(no|without|free of|lacks?)\s+(\w+\s+){0,2}$`)
)

// AdvisoriesInText reads content advisories from a passage, such as a
// dossier's controversies section: each category the passage names, graded
// severe when the same sentence calls it explicit, graphic or strong, mild
// when brief, implied or occasional, else moderate. The note quotes the
// phrase found. A category named only after "no" or "without" is skipped.
func AdvisoriesInText(text string) []film.Advisory {
	best := map[film.AdvisoryCategory]film.Advisory{}
	for _, sent := range sentences(text) {
		for _, c := range advisoryCues {
			loc := c.re.FindStringIndex(sent)
			if loc == nil || negRe.MatchString(sent[:loc[0]]) {
				continue
			}
			sev := film.SeverityModerate
			switch {
			case severeRe.MatchString(sent):
				sev = film.SeveritySevere
			case mildRe.MatchString(sent):
				sev = film.SeverityMild
			}
			if cur, ok := best[c.cat]; ok && cur.Severity.Rank() >= sev.Rank() {
				continue
			}
			best[c.cat] = film.Advisory{Category: c.cat, Severity: sev, Note: strings.ToLower(sent[loc[0]:loc[1]])}
		}
	}
	var out []film.Advisory
	for _, c := range film.AdvisoryCategories {
		if a, ok := best[c]; ok {
			out = append(out, a)
		}
	}
	return out
}

var sentenceEnd = regexp.MustCompile(`[.!?]+(?:\s+|$)`)

func sentences(text string) []string {
	var out []string
	for _, s := range sentenceEnd.Split(text, -1) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Audience is the verdict on "is it suitable for all audiences?".
type Audience int

// The verdicts.
const (
	AudienceUnknown Audience = iota
	AudienceAll              // a general-audience certification and no advisory above mild
	AudienceGuided           // parental guidance: PG-type certificate or mild advisories
	AudienceNotAll           // a restricted certification or a moderate/severe advisory
)

// CertificationAudience grades a certification from the common rating
// systems (MPAA, BBFC, TV Parental Guidelines, FSK, numeric ages).
func CertificationAudience(cert string) Audience {
	c := strings.ToUpper(strings.TrimSpace(cert))
	switch c {
	case "":
		return AudienceUnknown
	case "G", "U", "TV-G", "TV-Y", "ALL", "0", "FSK 0", "TP", "APPROVED", "PASSED":
		return AudienceAll
	case "PG", "TV-PG", "TV-Y7", "6", "FSK 6", "7":
		return AudienceGuided
	case "PG-13", "12", "12A", "TV-14", "R", "15", "16", "TV-MA", "NC-17", "18", "X", "R18", "FSK 12", "FSK 16", "FSK 18", "MA15+", "R18+", "M":
		return AudienceNotAll
	}
	return AudienceUnknown
}
