package catalog

import (
	"bufio"
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Text that is not UTF-8 reaches the importers from Windows tools: Excel's
// "Unicode Text" and Windows PowerShell's Out-File write UTF-16 with a byte
// order mark, and older media managers write NFOs in the Windows code page
// without declaring it. The readers take UTF-8; these helpers convert what
// can be recognised without guessing (a UTF-16 BOM) and, for NFOs only, a
// file that is not UTF-8 and declares no encoding.

// utf16BOM reports whether b starts with a UTF-16 byte order mark.
func utf16BOM(b []byte) bool {
	return len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff)
}

// fromUTF16 wraps br, which starts with a UTF-16 BOM, in a reader of the
// same text as UTF-8 (the BOM dropped); invalid sequences become U+FFFD.
func fromUTF16(br *bufio.Reader) *bufio.Reader {
	dec := unicode.BOMOverride(unicode.UTF8.NewDecoder())
	return bufio.NewReaderSize(transform.NewReader(br, dec), 1<<20)
}

// utf16ToUTF8 converts a whole file that starts with a UTF-16 BOM.
func utf16ToUTF8(data []byte) ([]byte, error) {
	out, _, err := transform.Bytes(unicode.BOMOverride(unicode.UTF8.NewDecoder()), data)
	return out, err
}

// windows1252 decodes b as Windows-1252 (a superset of the printable
// Latin-1 range that such files use for quotes and dashes).
func windows1252(b []byte) []byte {
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil { // cannot happen: every byte maps
		return b
	}
	return out
}

// declaresEncoding reports whether an XML document's declaration names an
// encoding (<?xml version="1.0" encoding="…"?>).
func declaresEncoding(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n")
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return false
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 {
		return false
	}
	return bytes.Contains(data[:end], []byte("encoding"))
}

// nfoText returns an NFO's bytes as the XML decoder should see them, and
// whether they were converted from UTF-16 (the declaration, if any, then
// still says utf-16 and must not be applied a second time).
func nfoText(data []byte) ([]byte, bool, error) {
	if utf16BOM(data) {
		out, err := utf16ToUTF8(data)
		return out, true, err
	}
	if !utf8.Valid(data) && !declaresEncoding(data) {
		return windows1252(data), false, nil
	}
	return data, false, nil
}

// repairMojibake undoes one round of double encoding, UTF-8 read as
// Windows-1252 or Latin-1 and saved as UTF-8 again ("PokÃ©mon",
// "Worldâ€™s"), as scraped tables often carry it. s is changed only when
// every character maps back to one byte and those bytes are valid UTF-8
// holding a character beyond ASCII: text that merely contains such
// letters ("SÃO PAULO") does not decode and is left as it is.
func repairMojibake(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	enc := charmap.Windows1252.NewEncoder()
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x80:
			b = append(b, byte(r))
		case r >= 0x80 && r < 0xa0: // a C1 control: Latin-1 kept the byte
			b = append(b, byte(r))
		default:
			out, err := enc.Bytes([]byte(string(r)))
			if err != nil || len(out) != 1 {
				return s
			}
			b = append(b, out[0])
		}
	}
	if !utf8.Valid(b) {
		return s
	}
	return string(b)
}
