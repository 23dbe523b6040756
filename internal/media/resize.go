package media

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"

	"golang.org/x/image/draw"
)

// Widths are the rendition widths the site serves, in pixels. A picture
// narrower than one of them is never upscaled: its own width becomes its
// widest rendition instead.
var Widths = []int{160, 320, 640, 1280}

// JPEGQuality is the quality renditions are encoded at.
const JPEGQuality = 82

// Rendition is one resized copy of an image, encoded as JPEG.
type Rendition struct {
	Width  int
	Height int
	JPEG   []byte
}

// Prepared is a validated image with its renditions, ready to store.
type Prepared struct {
	Hash       string // hex SHA-256 of the original bytes
	Format     Format // of the original
	Width      int    // of the original
	Height     int
	Bytes      int // size of the original
	Renditions []Rendition
}

// Prepare validates data (see Check) and makes its renditions. An error
// is an *Error for a refused image.
func Prepare(data []byte, lim Limits) (*Prepared, error) {
	img, f, err := Check(data, lim)
	if err != nil {
		return nil, err
	}
	b := img.Bounds()
	p := &Prepared{Hash: Hash(data), Format: f, Width: b.Dx(), Height: b.Dy(), Bytes: len(data)}
	widths := RenditionWidths(b.Dx())
	p.Renditions = make([]Rendition, len(widths))
	// Widest first, each narrower one scaled from the one before it: at
	// most halving per step, which CatmullRom does well, and each step
	// reads a quarter of the pixels the one before read.
	src := image.Image(img)
	for i := len(widths) - 1; i >= 0; i-- {
		scaled := scale(src, widths[i])
		r, err := encode(scaled)
		if err != nil {
			return nil, err
		}
		p.Renditions[i] = r
		src = scaled
	}
	return p, nil
}

// RenditionWidths returns the widths an image of width w is rendered at:
// every width in Widths below w, then w itself when it is no wider than
// the widest of Widths.
func RenditionWidths(w int) []int {
	var out []int
	for _, x := range Widths {
		if x < w {
			out = append(out, x)
		}
	}
	if w <= Widths[len(Widths)-1] {
		out = append(out, w)
	}
	return out
}

// scale resizes img to width w, keeping its aspect ratio, onto white, so
// transparent PNGs do not turn black in JPEG.
func scale(img image.Image, w int) *image.RGBA {
	b := img.Bounds()
	h := max(1, int((int64(b.Dy())*int64(w)+int64(b.Dx())/2)/int64(b.Dx())))
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	op := draw.Src // an opaque picture replaces the pixels: the fast path
	if !opaque(img) {
		draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
		op = draw.Over
	}
	var scaler draw.Interpolator = draw.CatmullRom
	if w == b.Dx() {
		scaler = draw.NearestNeighbor // same size: a copy
	}
	scaler.Scale(dst, dst.Bounds(), img, b, op, nil)
	return dst
}

func encode(img *image.RGBA) (Rendition, error) {
	var buf bytes.Buffer
	b := img.Bounds()
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: JPEGQuality}); err != nil {
		return Rendition{}, fmt.Errorf("encode %d px rendition: %w", b.Dx(), err)
	}
	return Rendition{Width: b.Dx(), Height: b.Dy(), JPEG: buf.Bytes()}, nil
}

// opaque reports whether img has no transparent pixel: JPEGs always,
// PNGs and WebPs when their pixels say so.
func opaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}
