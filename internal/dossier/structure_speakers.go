package dossier

import "strings"

// Interviews print each answer under its speaker's name: "**Greg
// Barker:** I was…", then initials, "**GB:** In a film like this…".
// A bold line before such an answer is the interviewer's question even
// when it is a statement ("**Watching the movie, it felt like…**").

// speakerLabel returns the name or initials that open an answer line:
// "**Greg Barker:** …", "**GB**: …", "MK: …".
func speakerLabel(t string) (string, bool) {
	t = strings.TrimSpace(t)
	var label string
	switch {
	case strings.HasPrefix(t, "**"):
		end := strings.Index(t[2:], "**")
		if end <= 0 {
			return "", false
		}
		label = t[2 : 2+end]
		rest := t[4+end:]
		if strings.HasSuffix(label, ":") {
			label = strings.TrimSuffix(label, ":")
		} else if !strings.HasPrefix(rest, ":") {
			return "", false
		}
	default:
		i := strings.Index(t, ": ")
		if i <= 0 || i > 40 {
			return "", false
		}
		label = t[:i]
	}
	label = strings.TrimSpace(label)
	if initials(label) || wordCount(label) >= 2 && wordCount(label) <= 4 && personLabel(label) && !isCredit(label) {
		return label, true
	}
	return "", false
}

// initials: "GB", "MK", "J.B." — two or three capitals.
func initials(s string) bool {
	s = strings.ReplaceAll(s, ".", "")
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// nextSpeakerAnswer reports whether the next text line after i opens
// with a speaker label.
func (s *scanner) nextSpeakerAnswer(i int) bool {
	for k := i + 1; k < len(s.lines) && k < i+3; k++ {
		if t := strings.TrimSpace(s.lines[k]); t != "" {
			_, ok := speakerLabel(t)
			return ok
		}
	}
	return false
}

// spokenAnswers reports an FAQ most of whose answers open with a
// speaker's name or initials: an interview, not an FAQ.
func spokenAnswers(answers []string) bool {
	n := 0
	for _, a := range answers {
		if _, ok := speakerLabel(a); ok {
			n++
		}
	}
	return n >= 2 && n*2 >= len(answers)
}

// personLabel: a name as interviews print it, particles included:
// "Greg Barker", "Maryam al-Khawaja", "Agnès de la Fontaine".
func personLabel(s string) bool {
	if isNameLike(s) {
		return true
	}
	ws := strings.Fields(s)
	if !isCap(ws[0]) {
		return false
	}
	for _, w := range ws[1:] {
		lw := strings.ToLower(w)
		if !isCap(w) && !hasAnyPrefix(lw, "al-", "el-", "bin ", "ibn") && !particles[lw] {
			return false
		}
	}
	return true
}

var particles = map[string]bool{"de": true, "del": true, "della": true, "di": true, "da": true, "van": true, "von": true,
	"der": true, "den": true, "la": true, "le": true, "du": true, "bin": true, "ibn": true, "al": true, "dos": true, "das": true}
