package knowledge

import (
	"math"
	"regexp"
	"sort"
	"strings"

	"marquee/internal/film"
)

// Evidence kinds, strongest first. Each carries a weight: the chance, on
// its own, that the film is about the theme.
const (
	EvCatalog   = "catalog"        // tagged in the catalog or by an editor
	EvSection   = "themes section" // named as a theme in the dossier's themes section
	EvFAQ       = "faq"            // named as a theme in the dossier's FAQ
	EvText      = "text"           // named as a theme elsewhere in the dossier
	EvMention   = "mention"        // a known theme's name appears in the dossier
	EvTags      = "tags"           // MovieLens users tagged the film with it
	MinStrength = 0.3              // below this a theme is not attached to the film
)

var weights = map[string]float64{
	EvCatalog: 0.9, EvSection: 0.7, EvFAQ: 0.5, EvText: 0.35, EvMention: 0.1,
}

// maxMentions caps how much repetition alone can add.
const maxMentions = 5

// Found is one theme a source names for a film: its key, the name as
// written, and how many times each kind of evidence named it.
type Found struct {
	Key   string
	Name  string
	Count map[string]int
}

// Strength combines a theme's evidence on a film into 0–1, treating each
// piece as independent: 1 − Π(1 − w). Mentions count up to five times;
// tags weigh 1 − 0.85^users, at most 0.7.
func Strength(count map[string]int) float64 {
	miss := 1.0
	for ev, n := range count {
		if n <= 0 {
			continue
		}
		if ev == EvTags {
			miss *= 1 - math.Min(0.7, 1-math.Pow(0.85, float64(n)))
			continue
		}
		w := weights[ev]
		if ev == EvMention {
			n = min(n, maxMentions)
		} else {
			n = 1
		}
		miss *= math.Pow(1-w, float64(n))
	}
	return math.Round((1-miss)*1000) / 1000
}

// EvidenceNames lists the kinds of evidence in count, strongest first.
func EvidenceNames(count map[string]int) []string {
	var out []string
	for _, ev := range []string{EvCatalog, EvSection, EvFAQ, EvText, EvMention, EvTags} {
		if count[ev] > 0 {
			out = append(out, ev)
		}
	}
	return out
}

// cueRe finds the phrases with which prose names its themes: "themes of X",
// "themes, including X", "a meditation on X", "is about X", "explores X".
var cueRe = regexp.MustCompile(`(?i)\b(?:themes?|motifs?),?\s+(?:of|such as|including|like|include|are|is)\s+|\b(?:a meditation on|an exploration of|a study of|a portrait of|is about|are about|explores|examines|grapples with|is interested in)\s+`)

// frameRe strips the framing nouns around a theme: "the pursuit of the
// American Dream" → "the American Dream".
var frameRe = regexp.MustCompile(`(?i)^(?:the\s+)?(?:[a-z]+\s+)?(?:pursuit|nature|consequences?|power|importance|search|quest|role|meaning|cost|price|idea|notion|concept|question|struggles?|effects?|dangers?|pitfalls?|limits?|fragility|complexit(?:y|ies)|themes?)\s+(?:of|for|with)\s+`)

// clauseEnd ends the list a cue introduces.
var clauseEnd = regexp.MustCompile(`[.;:!?()\[\]]|—|–| - |\b(?:while|but|which|that|through|as well as|because|where|when|whose)\b`)

// itemSep splits a list of themes.
var itemSep = regexp.MustCompile(`\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+`)

// maxWords is the longest theme name taken from prose; longer items are
// clauses, not themes.
const maxWords = 4

// ThemesInText returns the themes a passage names through cue phrases.
func ThemesInText(text string) []Found {
	var out []Found
	for _, loc := range cueRe.FindAllStringIndex(text, -1) {
		rest := text[loc[1]:]
		if end := clauseEnd.FindStringIndex(rest); end != nil {
			rest = rest[:end[0]]
		}
		for _, item := range itemSep.Split(rest, -1) {
			item = strings.Trim(item, " \t\n“”\"'‘’")
			for {
				m := frameRe.FindStringIndex(item)
				if m == nil {
					break
				}
				item = item[m[1]:]
			}
			k := Key(item)
			if k == "" || len(strings.Fields(k)) > maxWords || stopTheme[k] || endsInFunctionWord(k) {
				continue
			}
			out = append(out, Found{Key: k, Name: DisplayName(item)})
		}
	}
	return out
}

// stopTheme lists items a cue can introduce that are not themes.
var stopTheme = map[string]bool{
	"it": true, "them": true, "this": true, "that": true, "life": false, "film": true, "movie": true,
	"story": true, "character": true, "thing": true, "many": true, "myriad": true, "other": true,
	"more": true, "much": true, "all": true, "something": true, "everything": true, "way": true,
}

// endsInFunctionWord reports a cut-off clause ("the lengths to").
func endsInFunctionWord(k string) bool {
	ws := strings.Fields(k)
	switch ws[len(ws)-1] {
	case "to", "of", "in", "for", "with", "by", "on", "at", "from", "into", "a", "an", "the", "their", "its", "his", "her":
		return true
	}
	return false
}

// DossierThemes gathers theme evidence from a dossier: cue phrases in the
// themes section, the FAQ and every other section, then every mention of a
// theme in vocab (keys → true) anywhere in its text.
func DossierThemes(d *film.Dossier, vocab map[string]bool) map[string]*Found {
	found := map[string]*Found{}
	add := func(f Found, ev string) {
		cur := found[f.Key]
		if cur == nil {
			cur = &Found{Key: f.Key, Name: f.Name, Count: map[string]int{}}
			found[f.Key] = cur
		}
		cur.Count[ev]++
	}
	var all strings.Builder
	for _, s := range d.Sections {
		ev := EvText
		if s.Kind == film.SectionThemes {
			ev = EvSection
		}
		if s.Kind == film.SectionFAQ {
			ev = EvFAQ
		}
		for _, f := range ThemesInText(s.Text) {
			add(f, ev)
		}
		all.WriteString(s.Text)
		all.WriteString("\n")
	}
	for _, q := range d.FAQ {
		for _, f := range ThemesInText(q.Answer) {
			add(f, EvFAQ)
		}
		all.WriteString(q.Answer)
		all.WriteString("\n")
	}
	for k, n := range Mentions(all.String(), vocab, found) {
		cur := found[k]
		if cur == nil {
			cur = &Found{Key: k, Count: map[string]int{}}
			found[k] = cur
		}
		cur.Count[EvMention] += n
	}
	return found
}

// Mentions counts, for each key of vocab and of extra, how often its words
// appear in text as a run of whole (singularised) words.
func Mentions(text string, vocab map[string]bool, extra map[string]*Found) map[string]int {
	words := strings.Fields(baseKeyWords(text))
	byFirst := map[string][][]string{}
	addKey := func(k string) {
		ws := strings.Fields(k)
		if len(ws) > 0 {
			byFirst[ws[0]] = append(byFirst[ws[0]], ws)
		}
	}
	for k := range vocab {
		addKey(k)
	}
	for k := range extra {
		if !vocab[k] {
			addKey(k)
		}
	}
	out := map[string]int{}
	for i, w := range words {
		for _, ws := range byFirst[w] {
			if i+len(ws) <= len(words) && equalWords(words[i:i+len(ws)], ws) {
				out[strings.Join(ws, " ")]++
			}
		}
	}
	return out
}

// baseKeyWords normalises running text word by word as Key does, without
// dropping articles or applying synonyms.
func baseKeyWords(text string) string {
	var b strings.Builder
	for _, w := range strings.Fields(text) {
		k := baseKey("x " + w) // the "x" keeps a lone article from being dropped
		b.WriteString(strings.TrimPrefix(k, "x"))
		b.WriteByte(' ')
	}
	return b.String()
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Ranked returns the themes in found whose strength reaches MinStrength,
// strongest first.
func Ranked(found map[string]*Found) []Found {
	var out []Found
	for _, f := range found {
		if Strength(f.Count) >= MinStrength {
			out = append(out, *f)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		si, sj := Strength(out[i].Count), Strength(out[j].Count)
		if si != sj {
			return si > sj
		}
		return out[i].Key < out[j].Key
	})
	return out
}
