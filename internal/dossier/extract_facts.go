package dossier

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"marquee/internal/film"
)

// Facts the article states about its film — budget, gross, runtime,
// release date, awards, festivals, country — are proposed with the article
// as their source. The sentence must carry its own cue word ("budget",
// "grossed", "minutes", "won", "premiered"); a number alone proves nothing.

// currencies maps the signs articles write to ISO 4217 codes, longest
// first so "US$" wins over "$".
var currencies = []struct{ sign, code string }{
	{"US$", "USD"}, {"A$", "AUD"}, {"C$", "CAD"}, {"NZ$", "NZD"}, {"HK$", "HKD"}, {"R$", "BRL"},
	{"$", "USD"}, {"£", "GBP"}, {"€", "EUR"}, {"₩", "KRW"}, {"¥", "JPY"}, {"₹", "INR"},
	{"₱", "PHP"}, {"₽", "RUB"}, {"₺", "TRY"}, {"₦", "NGN"}, {"₫", "VND"}, {"₪", "ILS"}, {"₴", "UAH"},
}

// facts reads every paragraph and list item of the dossier.
func facts(d *film.Dossier) []film.ArticleFact {
	var out []film.ArticleFact
	seen := map[string]bool{}
	for _, f := range d.Facts {
		seen[f.Kind+"\x00"+f.Value+"\x00"+f.Territory] = true
		out = append(out, f)
	}
	add := func(f film.ArticleFact) {
		k := f.Kind + "\x00" + f.Value + "\x00" + f.Territory
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	each := func(text string, line int) {
		if !factSigns(text) {
			return
		}
		for _, s := range sentences(text) {
			if !factSigns(s) {
				continue
			}
			for _, f := range sentenceFacts(s) {
				f.Line, f.Context = line, excerpt(s, 240)
				add(f)
			}
		}
	}
	for _, sec := range d.Sections {
		for _, b := range sec.Blocks {
			if b.Kind == film.BlockList && awardHeading(sec.Heading) != "" {
				for _, f := range awardListFacts(sec.Heading, b) {
					add(f)
				}
				continue
			}
			each(b.PlainText(), b.Line)
		}
		for _, sub := range sec.Subsections {
			for _, b := range sub.Blocks {
				if b.Kind == film.BlockList && awardHeading(sub.Label) != "" {
					for _, f := range awardListFacts(sub.Label, b) {
						add(f)
					}
					continue
				}
				each(sub.Label+": "+b.PlainText(), b.Line)
			}
		}
	}
	for _, f := range append(append([]film.FAQ{}, d.FAQ...), d.Interview...) {
		each(f.Question+" "+f.Answer, f.Line)
	}
	for _, r := range d.References {
		if k, v, ok := strings.Cut(strings.TrimPrefix(r, "infobox "), ":"); ok && strings.HasPrefix(r, "infobox ") {
			v = strings.TrimSpace(v)
			switch strings.TrimSpace(k) {
			case "country":
				add(film.ArticleFact{Kind: film.FactCountry, Value: v})
			case "runtime":
				if n := minutesIn(v); n > 0 {
					add(film.ArticleFact{Kind: film.FactRuntime, Value: v, Amount: int64(n)})
				}
			case "budget", "gross":
				if m, ok := moneyIn(v); ok {
					f := film.ArticleFact{Kind: strings.TrimSpace(k), Value: m.text, Amount: m.amount, Currency: m.code}
					if f.Kind == film.FactGross {
						f.Territory = "worldwide"
					}
					add(f)
				}
			}
		}
	}
	return out
}

// factSigns reports text that may state a fact: a digit (money, minutes,
// dates) or an award or festival word. Most sentences have none, and the
// cue searches are skipped for them.
func factSigns(s string) bool {
	// One pass, each byte tried only against the cues that open with it
	// (every paragraph and sentence comes here).
	for i := 0; i < len(s); i++ {
		if !factCueFirst[s[i]] {
			continue
		}
		for _, w := range factCueStarts[s[i]] {
			if strings.HasPrefix(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// factCueStarts lists factSigns' cues by their first byte; a digit is a
// cue of one byte.
var factCueStarts = func() (t [256][]string) {
	for _, w := range []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
		"won", "Won", "nomin", "Nomin", "ward", "rize", "Festival", "Palme", "Lion", "Bear"} {
		t[w[0]] = append(t[w[0]], w)
	}
	return t
}()

// factCueFirst marks the bytes factCueStarts lists cues for.
var factCueFirst = func() (t [256]bool) {
	for c, cues := range factCueStarts {
		t[c] = len(cues) > 0
	}
	return t
}()

// sentences splits text at ". ", "! " and "? " and line breaks.
func sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		end := c == '\n' || (c == '.' || c == '!' || c == '?') && i+1 < len(text) && text[i+1] == ' ' &&
			!(i >= 1 && text[i-1] >= 'A' && text[i-1] <= 'Z' && (i < 2 || text[i-2] == ' ' || text[i-2] == '.'))
		if end {
			if s := strings.TrimSpace(text[start : i+1]); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

func sentenceFacts(s string) []film.ArticleFact {
	if !sentenceCues(s) {
		return nil // most sentences with a digit hold only a year
	}
	return cuedSentenceFacts(s)
}

// cuedSentenceFacts is sentenceFacts for a sentence sentenceCues let through.
func cuedSentenceFacts(s string) []film.ArticleFact {
	lower := lowerText(s)
	// An ASCII sentence lowers byte for byte, so a piece of lower is
	// the piece of s lowered, without lowering it again.
	ascii := isASCII(s)
	lowerOf := func(a, b int) string {
		if ascii {
			return lower[a:b]
		}
		return lowerText(s[a:b])
	}
	var out []film.ArticleFact
	from := 0
	for from < len(s) {
		m, at, ok := moneyFrom(s, from)
		if !ok {
			break
		}
		// The words between the last amount and this one say what it is:
		// "a budget of $1.5 million, the film grossed $65.3 million".
		ctx := lowerOf(from, at)
		// The words after it ("$185 million budget") count only when
		// those before say nothing, and only up to the next amount:
		// "Grossing $82.8 million worldwide on a budget of $8 million".
		rest := lowerOf(at, min(len(s), at+len(m.text)+40))
		if _, nat, ok := moneyFrom(s, at+len(m.text)); ok && nat < at+len(rest) {
			rest = lowerOf(at, nat)
		}
		budget := hasAnyContains(ctx, []string{"budget", "to make", "to produce", "production cost", "it cost", "film cost", "movie cost"}) &&
			!budgetLimit(ctx, rest[len(m.text):])
		gross := hasAnyContains(ctx, []string{"gross", "box office", "box-office", "took in", "earned", "ticket sales", "opening weekend", "made "})
		switch {
		case budget || !gross && strings.Contains(rest, "budget") && !budgetLimit(ctx, rest[len(m.text):]):
			out = append(out, film.ArticleFact{Kind: film.FactBudget, Value: m.text, Amount: m.amount, Currency: m.code})
		case gross:
			out = append(out, film.ArticleFact{Kind: film.FactGross, Value: m.text, Amount: m.amount, Currency: m.code, Territory: territory(s[at:], lowerOf(at, len(s)))})
		}
		from = at + len(m.text)
	}
	if hasAnyContains(lower, []string{"runtime", "running time", "runs ", "minutes long", "-minute", " minutes"}) {
		if n := minutesIn(lower); n >= 20 && n <= 600 && !strings.Contains(lower, "minutes in") && !strings.Contains(lower, "first ") {
			out = append(out, film.ArticleFact{Kind: film.FactRuntime, Value: strconv.Itoa(n) + " minutes", Amount: int64(n)})
		}
	}
	if date := releaseDate(s, lower); date != "" {
		out = append(out, film.ArticleFact{Kind: film.FactReleaseDate, Value: date})
	}
	out = append(out, awardFacts(s, lower)...)
	for _, fest := range festivalsIn(s) {
		out = append(out, film.ArticleFact{Kind: film.FactFestival, Value: fest})
	}
	return out
}

// sentenceCues reports whether s may hold a fact sentenceFacts finds: a
// currency sign moneyFrom knows, or, in any case, a word that opens one
// of the cues the runtime, release-date, award and festival tests need
// (each of their cues holds one of factWords). It is a looser test than
// theirs, never a stricter one, and saves lowering the sentence.
func sentenceCues(s string) bool {
	if strings.IndexByte(s, '$') >= 0 || strings.Contains(s, "£") || strings.Contains(s, "¥") || strings.Contains(s, "\xe2\x82") {
		return true // every sign in currencies
	}
	if !isASCII(s) && (strings.Contains(s, "İ") || strings.Contains(s, "\u212a")) {
		return true // they lower to ASCII letters: leave them to the full tests
	}
	for i := 0; i < len(s); i++ {
		for _, w := range factWordStarts[lowerASCIIByte(s[i])] {
			if hasPrefixFoldASCII(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// factWords: each cue of the runtime ("runtime", "running time", "runs ",
// "minutes long", "-minute", " minutes"), release-date ("release",
// "premiere", "opened in "), award ("won ", "nominat", "awarded ",
// "winning the ", "received the ") and festival ("Festival") tests holds
// one of them, in lower case.
var factWords = []string{"runtime", "running time", "runs ", "minute", "release", "premiere", "opened in ",
	"won ", "nominat", "awarded ", "winning the ", "received the ", "festival"}

// factWordStarts lists factWords by their first byte.
var factWordStarts = func() (t [256][]string) {
	for _, w := range factWords {
		t[w[0]] = append(t[w[0]], w)
	}
	return t
}()

func lowerASCIIByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasPrefixFoldASCII reports whether s opens with the lower-case ASCII
// word w, ignoring the case of ASCII letters.
func hasPrefixFoldASCII(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if lowerASCIIByte(s[k]) != w[k] {
			return false
		}
	}
	return true
}

// budgetLimit reports an amount the words around it make a limit or a
// change to a budget rather than the budget: "so long as the budget did
// not exceed $500,000", "the $500,000 budget could not be exceeded",
// "unable to trim $50,000 from its budget".
func budgetLimit(before, after string) bool {
	limits := []string{"exceed", "trim", "cut ", "cap of", "capped", "limit of", "overran", "over budget", "under budget"}
	return hasAnyContains(before, limits) || hasAnyContains(after, limits) || strings.HasPrefix(strings.TrimSpace(after), "from ")
}

// amountText is one amount an article writes: "$11.8 million", "₩13.5 billion".
type amountText struct {
	text, code string
	amount     int64
}

// moneyIn finds the first currency amount in s.
func moneyIn(s string) (amountText, bool) {
	m, _, ok := moneyFrom(s, 0)
	return m, ok
}

// moneyFrom finds the first currency amount in s at or after from, and
// where it starts.
func moneyFrom(s string, from int) (amountText, int, bool) {
	for i := from; i < len(s); {
		// Jump to the next currency symbol: the scan stays one pass.
		p := i
		for p < len(s) && s[p] != '$' && s[p] != 0xc2 && s[p] != 0xe2 {
			p++
		}
		if p == len(s) {
			break
		}
		_, size := utf8.DecodeRuneInString(s[p:])
		i = p + size
		start, code := p, ""
		for _, c := range currencies {
			n := len(c.sign)
			if p+size-n >= 0 && p+size-n >= from && strings.HasPrefix(s[p+size-n:], c.sign) {
				start, code = p+size-n, c.code
				break
			}
		}
		if code == "" {
			continue
		}
		j := p + size
		k := j
		for k < len(s) && (s[k] >= '0' && s[k] <= '9' || s[k] == ',' || s[k] == '.' && k+1 < len(s) && s[k+1] >= '0' && s[k+1] <= '9') {
			k++
		}
		for k > j && (s[k-1] == ',' || s[k-1] == '.') {
			k-- // "a budget of $807,000, beginning …": the comma ends the clause
		}
		if k == j {
			continue
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(s[j:k], ",", ""), 64)
		if err != nil {
			continue
		}
		end := k
		rest := strings.ToLower(s[k:min(len(s), k+12)])
		for _, m := range []struct {
			word string
			mul  float64
		}{{" million", 1e6}, {" billion", 1e9}, {" thousand", 1e3}, {"million", 1e6}, {"bn", 1e9}, {"m", 1e6}, {"k", 1e3}} {
			if strings.HasPrefix(rest, m.word) && (len(rest) == len(m.word) || !isASCIILetter(rest[len(m.word)])) {
				v *= m.mul
				end = k + len(m.word)
				break
			}
		}
		return amountText{text: s[start:end], code: code, amount: int64(v + 0.5)}, start, true
	}
	return amountText{}, 0, false
}

// territory says where a gross was earned.
func territory(s, lower string) string {
	switch {
	case strings.Contains(lower, "worldwide") || strings.Contains(lower, "global"):
		return "worldwide"
	case strings.Contains(lower, "domestic") || strings.Contains(lower, "north america"):
		return "domestic"
	}
	for _, cue := range []string{" in the ", " in "} {
		for i := strings.Index(s, cue); i >= 0; {
			rest := s[i+len(cue):]
			for p := range places {
				if strings.HasPrefix(rest, p) && (len(rest) == len(p) || !isWordByte(rest[len(p)])) {
					return p
				}
			}
			n := strings.Index(s[i+1:], cue)
			if n < 0 {
				break
			}
			i += n + 1
		}
	}
	return ""
}

// minutesIn reads "132 minutes", "132-minute", "132 min".
func minutesIn(s string) int {
	for _, unit := range []string{" minutes", "-minute", " min", " mins"} {
		if i := strings.Index(s, unit); i > 0 {
			j := i
			for j > 0 && s[j-1] >= '0' && s[j-1] <= '9' {
				j--
			}
			if n, err := strconv.Atoi(s[j:i]); err == nil {
				return n
			}
		}
	}
	return 0
}

// releaseDate finds the date a film was released or premiered: "released
// in South Korea on 30 May 2019", "premiered in Tokyo on 26 April 1954",
// "had its world premiere in Hong Kong on October 13, 2016". A year alone
// is not a release date; nor is a date that did not happen ("originally
// set to be released on …", "an initial June 2021 release date") or the
// release of another work the sentence names first ("A sequel, …, was
// released in May 2022").
func releaseDate(s, lower string) string {
	if !strings.Contains(lower, "release") && !strings.Contains(lower, "premiere") && !strings.Contains(lower, "opened in ") {
		return "" // each cue below holds one of these
	}
	for _, cue := range []string{"released", "premiere", "opened in cinemas", "opened in theaters", "release date"} {
		for from := 0; ; {
			i := strings.Index(lower[from:], cue)
			if i < 0 {
				break
			}
			i += from
			from = i + len(cue)
			before := lower[max(0, i-30):i]
			if hasAnyContains(before, unrealised) || hasAnyContains(lower[:i], otherWorks) ||
				hasAnyContains(before+lower[i:min(len(lower), i+len(cue)+30)], homeMedia) {
				continue
			}
			window := s[i+len(cue) : min(len(s), i+len(cue)+60)]
			ws := strings.Fields(window)
			for k := range ws {
				if k > 0 && ws[k-1] != "on" && ws[k-1] != "in" && ws[k-1] != "of" {
					continue
				}
				if date := dateAt(strings.Join(ws[k:], " ")); strings.Contains(date, " ") {
					return date
				}
			}
		}
	}
	return ""
}

// unrealised mark a release that was planned, not made.
var unrealised = []string{"set to be", "scheduled to be", "was to be", "originally", "planned to be", "expected to be", "initial", "due to be", "intended to be"}

// homeMedia mark a later release on disc or a service, not the film's
// release: "first released on Region 1 DVD on January 22, 2002".
var homeMedia = []string{"dvd", "blu-ray", "blu ray", "vhs", "home video", "home media", "laserdisc", "4k ultra", "streaming", "digital download"}

// otherWorks open a sentence about another work than the article's film.
var otherWorks = []string{"sequel", "prequel", "remake", "spin-off", "spinoff", "next film", "the novel", "the book", "the series", "the soundtrack", "the album"}

// dateAt reads a date opening s: "30 May 2019", "May 30, 2019", "May 2019", "2019".
func dateAt(s string) string {
	ws := strings.Fields(s)
	if len(ws) > 4 {
		ws = ws[:4]
	}
	var parts []string
	for _, w := range ws {
		t := strings.Trim(w, ",.;()")
		if isMonth(strings.ToLower(t)) || isDigits(t) && len(t) <= 4 {
			parts = append(parts, t)
			if len(t) == 4 && isDigits(t) { // the year ends the date; "June" and "July" do not
				break
			}
			continue
		}
		break
	}
	if last := len(parts) - 1; last < 0 || len(parts[last]) != 4 || !isDigits(parts[last]) {
		return ""
	}
	return strings.Join(parts, " ")
}

// awardFacts reads "won the Palme d'Or", "was nominated for Best
// Picture", "was awarded with Silver Lion", every one the sentence
// states: "it won Best Sound Editing at the 85th Academy Awards and
// Outstanding British Film at the 66th …", "nominated for six Academy
// Awards, including Best Picture and Best Director".
func awardFacts(s, lower string) []film.ArticleFact {
	// Each cue below holds one of these; most sentences hold none, and
	// five searches rule out the ten.
	if !strings.Contains(lower, "won ") && !strings.Contains(lower, "nominat") && !strings.Contains(lower, "awarded ") &&
		!strings.Contains(lower, "winning the ") && !strings.Contains(lower, "received the ") {
		return nil
	}
	var out []film.ArticleFact
	seen := map[string]bool{}
	add := func(kind, name string) {
		if name != "" && !seen[kind+name] {
			seen[kind+name] = true
			out = append(out, film.ArticleFact{Kind: kind, Value: name})
		}
	}
	used := map[int]bool{} // cue positions read, so "won the" is not read again as "won"
	for _, c := range []struct{ cue, kind string }{
		{"won the ", film.FactAwardWon}, {"won ", film.FactAwardWon}, {"winning the ", film.FactAwardWon},
		{"awarded the ", film.FactAwardWon}, {"awarded with ", film.FactAwardWon}, {"received the ", film.FactAwardWon},
		{"nominated for the ", film.FactAwardNominated}, {"nominated for ", film.FactAwardNominated},
		{"nominations for ", film.FactAwardNominated}, {"nomination for ", film.FactAwardNominated},
	} {
		for from := 0; ; {
			i := strings.Index(lower[from:], c.cue)
			if i < 0 {
				break
			}
			i += from
			from = i + len(c.cue)
			if used[i] {
				continue
			}
			rest := s[i+len(c.cue):]
			for _, a := range []string{"an ", "a "} {
				rest = strings.TrimPrefix(rest, a) // "it won an Academy Award for …"
			}
			name := awardName(rest)
			if name == "" || ceremonyOnly(name) {
				// "nominated for six Academy Awards, including Best
				// Picture", "… including for Best Picture"; "Nominated for
				// Academy Awards in nine categories" names no award.
				name = ""
				if k := strings.Index(rest[:min(len(rest), 60)], ", including "); k >= 0 {
					rest = strings.TrimPrefix(rest[k+len(", including "):], "for ")
					name = awardName(rest)
				}
			}
			if name == "" {
				continue
			}
			add(c.kind, name)
			used[i] = true
			// "… and Outstanding British Film", "… and Best Director"
			after := rest[strings.Index(rest, name)+len(name):]
			for n := 0; n < 4; n++ {
				if k := strings.Index(after[:min(len(after), 50)], " and "); k >= 0 && !strings.Contains(after[:k], ".") {
					tail := after[k+len(" and "):]
					skip := 0
					for _, p := range []string{"for the ", "the "} {
						if strings.HasPrefix(tail, p) {
							// "… and the Academy Award for Best Actor",
							// "… and for the Academy Award for Best Director"
							skip = len(p)
							break
						}
					}
					next := awardName(tail[skip:])
					if next == "" {
						break
					}
					add(c.kind, next)
					after = tail[skip+len(next):]
					continue
				}
				break
			}
		}
	}
	return out
}

// awardName reads a capitalised award name: "Palme d'Or", "Academy Award
// for Best Picture", "Golden Lion". It must name an award, prize or a
// "Best …" category.
func awardName(s string) string {
	ws := strings.Fields(s)
	var out []string
	for i, w := range ws {
		if strings.HasPrefix(w, "(") && len(out) > 0 {
			// "Best Writing (Original Screenplay)": a bracketed part of
			// the category's name, capitalised, up to four words.
			if part := bracketedName(ws[i:]); part != "" {
				out = append(out, part)
			}
			break
		}
		t := strings.TrimRight(w, ",.;:)")
		r, _ := utf8.DecodeRuneInString(t)
		lowerOK := (t == "for" || t == "of" || t == "d'Or" || t == "d’Or" || t == "the" || t == "in" || t == "a") && i > 0
		if !(r >= 'A' && r <= 'Z') && !lowerOK && !isDigits(t) {
			break
		}
		if t == "for" && (slices.Contains(out, "for") || !hasAnyContains(strings.Join(out, " "), awardBodyWords)) {
			// "Academy Award for Best Director for Figgis", "Best
			// Supporting Actress for Leigh": a "for" after a category names
			// the winner, not the award.
			break
		}
		out = append(out, t)
		if t != w || len(out) >= 10 {
			break
		}
	}
	for len(out) > 0 && (out[len(out)-1] == "for" || out[len(out)-1] == "of" || out[len(out)-1] == "the" || out[len(out)-1] == "in" || out[len(out)-1] == "a") {
		out = out[:len(out)-1]
	}
	name := strings.Join(out, " ")
	if hasAnyContains(name, []string{"Award", "Prize", "Palme", "Oscar", "Golden", "Silver", "Best ", "Outstanding ", "BAFTA", "César", "Lion", "Bear", "Grand Jury", "Grand Prix", "Jury"}) {
		return name
	}
	return ""
}

// awardBodyWords name an award whose category follows "for": "Academy
// Award for Best Picture", "Prize for Best Director".
var awardBodyWords = []string{"Award", "Prize", "Oscar", "BAFTA", "Globe", "César", "Goya", "Lion", "Bear"}

// ceremonyOnly reports a name that is a ceremony's, not an award's:
// "Academy Awards", "the Golden Globes".
func ceremonyOnly(name string) bool {
	return strings.HasSuffix(name, " Awards") && !strings.Contains(name, " for ") || strings.HasSuffix(name, " Globes")
}

// bracketedName reads "(Original Screenplay)" from the words ws that open
// with it, or "" when they are not a capitalised name in brackets.
func bracketedName(ws []string) string {
	var part []string
	for i, w := range ws {
		if i == 4 {
			return ""
		}
		t := strings.TrimLeft(w, "(")
		r, _ := utf8.DecodeRuneInString(t)
		if !(r >= 'A' && r <= 'Z') {
			return ""
		}
		part = append(part, w)
		if k := strings.IndexByte(w, ')'); k >= 0 {
			part[len(part)-1] = w[:k+1]
			return strings.Join(part, " ")
		}
	}
	return ""
}

// festivalsIn finds "… Film Festival" names: the capitalised words
// before "Festival" ("the 72nd Cannes Film Festival" → "Cannes Film
// Festival"; an ordinal is not part of the name).
func festivalsIn(s string) []string {
	var out []string
	for off := 0; ; {
		i := strings.Index(s[off:], "Festival")
		if i < 0 {
			return out
		}
		at := off + i
		ws := strings.Fields(s[:at])
		k := len(ws)
		for k > 0 {
			r, _ := utf8.DecodeRuneInString(ws[k-1])
			if !(r >= 'A' && r <= 'Z') || strings.ContainsAny(ws[k-1], ",.;:") || ws[k-1] == "The" {
				break
			}
			k--
		}
		if k < len(ws) {
			out = append(out, strings.Join(ws[k:], " ")+" Festival")
		}
		off = at + len("Festival")
	}
}
