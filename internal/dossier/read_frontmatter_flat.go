package dossier

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// flatYAML reads the YAML most posts open with — "key: value" lines, and
// lists written "[a, b]" or as "- item" lines under a key — into the map
// yaml.Unmarshal would give, without a YAML parser's set-up, which costs
// more than the rest of the pipeline on a short post. ok is false for
// anything outside that shape (comments, nesting, anchors, multi-line or
// escaped scalars, numbers other than plain integers and dates, repeated
// keys, unusual characters): the caller then runs yaml.Unmarshal, so
// every header reads as it always did. FuzzFlatYAML checks that what it
// accepts, yaml.Unmarshal reads the same.
func flatYAML(lines []string) (raw map[string]any, ok bool) {
	raw = map[string]any{}
	list, listIndent := "", -1 // the key whose "- item" lines are being read
	for _, l := range lines {
		if !yamlSafeLine(l) {
			return nil, false
		}
		if strings.TrimLeft(l, " ") == "" {
			if list != "" {
				return nil, false // a blank line inside a block list: leave it to the parser
			}
			continue
		}
		if list != "" {
			indent := len(l) - len(strings.TrimLeft(l, " "))
			if item, isItem := strings.CutPrefix(l[indent:], "- "); isItem && (listIndent < 0 || indent == listIndent) {
				v, ok := flatScalar(strings.TrimRight(item, " "), false)
				if !ok {
					return nil, false
				}
				listIndent = indent
				seq, _ := raw[list].([]any)
				raw[list] = append(seq, v)
				continue
			}
			list, listIndent = "", -1
		}
		key, value, ok := flatKey(l)
		if !ok {
			return nil, false
		}
		if _, dup := raw[key]; dup {
			return nil, false // yaml.v3 refuses a repeated key
		}
		value = strings.TrimRight(strings.TrimLeft(value, " "), " ")
		switch {
		case value == "":
			raw[key] = nil
			list = key
		case value[0] == '[':
			seq, ok := flatFlowList(value)
			if !ok {
				return nil, false
			}
			raw[key] = seq
		default:
			v, ok := flatScalar(value, false)
			if !ok {
				return nil, false
			}
			raw[key] = v
		}
	}
	return raw, true
}

// yamlSafeLine admits lines of printable characters the YAML reader
// takes as they are: no tabs or control characters, no byte-order mark,
// no Unicode line breaks, valid UTF-8, and no start of a comment.
func yamlSafeLine(l string) bool {
	for i := 0; i < len(l); {
		c := l[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c > 0x7e || c == '#' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(l[i:])
		if r == utf8.RuneError || r < 0xa0 || r >= 0xd800 && r < 0xe000 || r == 0xfeff || r > 0xfffd && r < 0x10000 || r == 0x2028 || r == 0x2029 {
			return false
		}
		i += n
	}
	return true
}

// flatKey splits a "key: value" line whose key starts at the margin and
// is plain words (letters, digits, "_", "-", ".", single spaces).
func flatKey(l string) (key, value string, ok bool) {
	i := strings.IndexByte(l, ':')
	if i <= 0 || i > 100 || i+1 < len(l) && l[i+1] != ' ' {
		return "", "", false
	}
	key = l[:i]
	if !isASCIILetter(key[0]) || key[len(key)-1] == ' ' || strings.Contains(key, "  ") || isYAMLSpecial(key) {
		return "", "", false
	}
	for k := 0; k < len(key); k++ {
		if c := key[k]; !(isASCIILetter(c) || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == ' ') {
			return "", "", false
		}
	}
	return key, l[i+1:], true
}

// flatScalar resolves one value as yaml.v3 does for the few forms it
// admits: a quoted string with no quote or backslash inside, plain text
// opening with a letter, a plain decimal integer, a date (YYYY-MM-DD).
// inFlow applies the stricter rules of a value inside "[…]".
func flatScalar(v string, inFlow bool) (any, bool) {
	if v == "" {
		return nil, false
	}
	if q := v[0]; q == '"' || q == '\'' {
		if len(v) < 2 || v[len(v)-1] != q || strings.IndexByte(v[1:len(v)-1], q) >= 0 || q == '"' && strings.IndexByte(v, '\\') >= 0 {
			return nil, false
		}
		return v[1 : len(v)-1], true
	}
	if strings.Contains(v, ": ") || v[len(v)-1] == ':' || inFlow && strings.ContainsAny(v, ",[]{}:") {
		return nil, false
	}
	if c := v[0]; c >= '0' && c <= '9' {
		return flatNumber(v)
	}
	if b, special := yamlSpecial(v); special {
		return b, true
	}
	if c := v[0]; !isASCIILetter(c) && c < utf8.RuneSelf {
		return nil, false
	}
	return v, true
}

// flatNumber reads a plain decimal integer (not one opening with 0,
// which YAML reads as octal) or a date YYYY-MM-DD, as yaml.v3 resolves
// them: an int, a time.Time at midnight UTC.
func flatNumber(v string) (any, bool) {
	digits := 0
	for digits < len(v) && v[digits] >= '0' && v[digits] <= '9' {
		digits++
	}
	if digits == len(v) {
		if len(v) > 18 || len(v) > 1 && v[0] == '0' {
			return nil, false
		}
		n, err := strconv.Atoi(v)
		return n, err == nil
	}
	if len(v) != 10 || digits != 4 || v[4] != '-' || v[7] != '-' || !allDigits(v[5:7]) || !allDigits(v[8:]) {
		return nil, false
	}
	t, err := time.Parse("2006-1-2", v)
	return t, err == nil
}

// flatFlowList reads "[a, b, c]" of plain or simply quoted items.
func flatFlowList(v string) ([]any, bool) {
	if v[len(v)-1] != ']' {
		return nil, false
	}
	inner := strings.TrimSpace(v[1 : len(v)-1])
	seq := []any{}
	if inner == "" {
		return seq, true
	}
	for _, p := range strings.Split(inner, ",") {
		item, ok := flatScalar(strings.TrimSpace(p), true)
		if !ok {
			return nil, false
		}
		seq = append(seq, item)
	}
	return seq, true
}

// yamlSpecial reports the plain words yaml.v3 reads as a boolean or
// null, and their value.
func yamlSpecial(s string) (v any, ok bool) {
	switch s {
	case "true", "True", "TRUE":
		return true, true
	case "false", "False", "FALSE":
		return false, true
	case "null", "Null", "NULL", "~":
		return nil, true
	}
	return nil, false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isYAMLSpecial(s string) bool {
	_, ok := yamlSpecial(s)
	return ok
}
