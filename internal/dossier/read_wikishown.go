package dossier

import "strings"

// shownTemplate returns the text a formatting template shows — the
// English name of "{{Nihongo|Name|漢字|romaji}}", the text of "{{lang|fr|…}}"
// or "{{nowrap|…}}", the sign of "{{'}}" — and whether t is one.
func shownTemplate(t string) (string, bool) {
	if !strings.HasPrefix(t, "{{") || !strings.HasSuffix(t, "}}") {
		return "", false
	}
	parts := splitTemplateArgs(t[2 : len(t)-2])
	name := strings.ToLower(strings.TrimSpace(parts[0]))
	arg := func(n int) string {
		if n < len(parts) && !strings.Contains(parts[n], "=") {
			return strings.TrimSpace(parts[n])
		}
		return ""
	}
	switch name {
	case "'", "`":
		return "'", true
	case "!":
		return "|", true
	case "nihongo", "nihongo2", "nowrap", "nobr", "small", "smaller", "nobold", "noitalic", "ill", "interlanguage link", "interlanguage link multi", "abbr", "lang-rtl":
		return arg(1), true
	case "lang", "transl", "transliteration":
		return arg(2), true
	case "sortname":
		return strings.TrimSpace(arg(1) + " " + arg(2)), true
	}
	return "", false
}
