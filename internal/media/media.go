// Package media validates, decodes and resizes the pictures Marquee keeps
// (posters, backdrops, headshots). It trusts nothing about a file but its
// bytes: the format is sniffed from the content, the declared dimensions
// are checked against a pixel budget before any pixel is decoded (a
// decompression bomb never gets its buffer), the whole image is then
// decoded, and the renditions the site serves are made once, here, as
// JPEG at a few fixed widths, never upscaled. It has no database; the
// store keeps what Prepare returns.
package media

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/webp"
)

// Limits bound what Prepare accepts.
type Limits struct {
	MaxBytes  int64 // the largest file; 0 means DefaultMaxBytes
	MaxPixels int64 // the largest width × height; 0 means DefaultMaxPixels
	MinSide   int   // the smallest width or height; 0 means DefaultMinSide
}

// The default limits: a 20 MB file, 40 megapixels (a 5000 × 8000
// poster scan), and 32 pixels a side (anything smaller is an icon).
const (
	DefaultMaxBytes  = 20 << 20
	DefaultMaxPixels = 40_000_000
	DefaultMinSide   = 32
)

func (l Limits) maxBytes() int64 {
	if l.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return l.MaxBytes
}

func (l Limits) maxPixels() int64 {
	if l.MaxPixels <= 0 {
		return DefaultMaxPixels
	}
	return l.MaxPixels
}

func (l Limits) minSide() int {
	if l.MinSide <= 0 {
		return DefaultMinSide
	}
	return l.MinSide
}

// Reasons an image is refused, as Error.Reason. They are stable words an
// import summary counts by.
const (
	ReasonNotImage  = "not an image"    // content is not JPEG, PNG or WebP
	ReasonTooLarge  = "too large"       // more bytes than MaxBytes
	ReasonTooMany   = "too many pixels" // dimensions beyond MaxPixels
	ReasonTooSmall  = "too small"       // a side under MinSide
	ReasonCorrupt   = "corrupt"         // the header parses but the pixels do not decode
	ReasonEmptyFile = "empty file"
)

// Error is a refused image: Reason is one of the Reason constants and
// Detail says what was seen.
type Error struct {
	Reason string
	Detail string
}

func (e *Error) Error() string {
	if e.Detail == "" {
		return e.Reason
	}
	return e.Reason + ": " + e.Detail
}

// ReasonOf returns the refusal reason of err, or "" when err is not a
// refused image.
func ReasonOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return ""
}

// Format is a sniffed image format.
type Format string

// The formats Prepare accepts.
const (
	JPEG Format = "jpeg"
	PNG  Format = "png"
	WebP Format = "webp"
)

// Sniff names the format of data from its first bytes, or "" when it is
// none of the accepted ones. A name or extension is never consulted.
func Sniff(data []byte) Format {
	switch {
	case len(data) >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF:
		return JPEG
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return WebP
	}
	return ""
}

func decodeConfig(f Format, data []byte) (image.Config, error) {
	r := bytes.NewReader(data)
	switch f {
	case JPEG:
		return jpeg.DecodeConfig(r)
	case PNG:
		return png.DecodeConfig(r)
	default:
		return webp.DecodeConfig(r)
	}
}

func decode(f Format, data []byte) (image.Image, error) {
	r := bytes.NewReader(data)
	switch f {
	case JPEG:
		return jpeg.Decode(r)
	case PNG:
		return png.Decode(r)
	default:
		return webp.Decode(r)
	}
}

// Hash is the identity of an image: the hex SHA-256 of its original bytes.
// The same file imported twice is one image.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Check validates data without resizing it: the format by content, the
// byte and pixel limits (from the header, before decoding), and a full
// decode. It returns the decoded image and its format.
func Check(data []byte, lim Limits) (image.Image, Format, error) {
	if len(data) == 0 {
		return nil, "", &Error{Reason: ReasonEmptyFile}
	}
	if int64(len(data)) > lim.maxBytes() {
		return nil, "", &Error{Reason: ReasonTooLarge, Detail: fmt.Sprintf("%d bytes, the limit is %d", len(data), lim.maxBytes())}
	}
	f := Sniff(data)
	if f == "" {
		return nil, "", &Error{Reason: ReasonNotImage, Detail: describe(data)}
	}
	cfg, err := decodeConfig(f, data)
	if err != nil {
		return nil, f, &Error{Reason: ReasonCorrupt, Detail: fmt.Sprintf("%s header: %v", f, err)}
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > lim.maxPixels() {
		return nil, f, &Error{Reason: ReasonTooMany, Detail: fmt.Sprintf("%d×%d, the limit is %d pixels", cfg.Width, cfg.Height, lim.maxPixels())}
	}
	if cfg.Width < lim.minSide() || cfg.Height < lim.minSide() {
		return nil, f, &Error{Reason: ReasonTooSmall, Detail: fmt.Sprintf("%d×%d, the least is %d a side", cfg.Width, cfg.Height, lim.minSide())}
	}
	img, err := decode(f, data)
	if err != nil {
		return nil, f, &Error{Reason: ReasonCorrupt, Detail: fmt.Sprintf("%s data: %v", f, err)}
	}
	if b := img.Bounds(); b.Dx() != cfg.Width || b.Dy() != cfg.Height {
		return nil, f, &Error{Reason: ReasonCorrupt, Detail: fmt.Sprintf("header says %d×%d, pixels are %d×%d", cfg.Width, cfg.Height, b.Dx(), b.Dy())}
	}
	return img, f, nil
}

// describe says what a non-image looks like, for the refusal message.
func describe(data []byte) string {
	head := data[:min(len(data), 64)]
	switch {
	case bytes.HasPrefix(bytes.TrimSpace(head), []byte("<")):
		return "content looks like HTML or XML"
	case bytes.HasPrefix(head, []byte("GIF8")):
		return "GIF is not accepted (JPEG, PNG or WebP)"
	case bytes.HasPrefix(head, []byte("%PDF")):
		return "content is a PDF"
	}
	text := true
	for _, c := range head {
		if c < 0x09 || (c > 0x0d && c < 0x20) {
			text = false
			break
		}
	}
	if text {
		return "content is text"
	}
	return "content is not JPEG, PNG or WebP"
}
