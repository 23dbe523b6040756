package media

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// gradient is a test picture with detail in both directions.
func gradient(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{uint8(x * 255 / w), uint8(y * 255 / h), 120, 255})
		}
	}
	return img
}

func encodeJPEG(t testing.TB, w, h int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, gradient(w, h), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodePNG(t testing.TB, img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pngBomb is a valid small PNG whose header claims w × h pixels, with the
// header's CRC fixed so that decoders read the claim.
func pngBomb(t testing.TB, w, h uint32) []byte {
	data := encodePNG(t, gradient(40, 40))
	// 8-byte signature, 4 length, "IHDR", then width and height.
	binary.BigEndian.PutUint32(data[16:], w)
	binary.BigEndian.PutUint32(data[20:], h)
	crc := crc32.ChecksumIEEE(data[12:29])
	binary.BigEndian.PutUint32(data[29:], crc)
	return data
}

func TestCheck(t *testing.T) {
	webpFile, err := os.ReadFile("testdata/blue-purple-pink.lossy.webp")
	if err != nil {
		t.Fatal(err)
	}
	jpg := encodeJPEG(t, 400, 600)
	tests := []struct {
		name       string
		data       []byte
		lim        Limits
		wantFormat Format
		wantReason string
		wantW      int
	}{
		{"jpeg", jpg, Limits{}, JPEG, "", 400},
		{"png", encodePNG(t, gradient(300, 200)), Limits{}, PNG, "", 300},
		{"webp", webpFile, Limits{}, WebP, "", 150},
		{"empty", nil, Limits{}, "", ReasonEmptyFile, 0},
		{"text named poster.jpg", []byte("this is not a poster\n"), Limits{}, "", ReasonNotImage, 0},
		{"html error page", []byte("<!DOCTYPE html><html><body>404</body></html>"), Limits{}, "", ReasonNotImage, 0},
		{"gif", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), Limits{}, "", ReasonNotImage, 0},
		{"truncated jpeg", jpg[:len(jpg)/2], Limits{}, JPEG, ReasonCorrupt, 0},
		{"jpeg magic only", []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10}, Limits{}, JPEG, ReasonCorrupt, 0},
		{"png bomb", pngBomb(t, 100_000, 100_000), Limits{}, PNG, ReasonTooMany, 0},
		{"over the byte limit", jpg, Limits{MaxBytes: 100}, "", ReasonTooLarge, 0},
		{"tiny icon", encodePNG(t, gradient(16, 16)), Limits{}, PNG, ReasonTooSmall, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, f, err := Check(tt.data, tt.lim)
			if got := ReasonOf(err); got != tt.wantReason {
				t.Fatalf("reason = %q (%v), want %q", got, err, tt.wantReason)
			}
			if err != nil && ReasonOf(err) == "" {
				t.Fatalf("error is not an *Error: %v", err)
			}
			if f != tt.wantFormat {
				t.Errorf("format = %q, want %q", f, tt.wantFormat)
			}
			if tt.wantReason == "" && img.Bounds().Dx() != tt.wantW {
				t.Errorf("width = %d, want %d", img.Bounds().Dx(), tt.wantW)
			}
		})
	}
}

func TestRenditionWidths(t *testing.T) {
	tests := []struct {
		w    int
		want []int
	}{
		{100, []int{100}},
		{160, []int{160}},
		{500, []int{160, 320, 500}},
		{1280, []int{160, 320, 640, 1280}},
		{4000, []int{160, 320, 640, 1280}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, RenditionWidths(tt.w)); diff != "" {
			t.Errorf("RenditionWidths(%d) (-want +got):\n%s", tt.w, diff)
		}
	}
}

func TestPrepare(t *testing.T) {
	data := encodeJPEG(t, 700, 1050)
	p, err := Prepare(data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Hash != Hash(data) || len(p.Hash) != 64 {
		t.Errorf("hash = %q", p.Hash)
	}
	type dims struct{ W, H int }
	var got []dims
	for _, r := range p.Renditions {
		img, err := jpeg.Decode(bytes.NewReader(r.JPEG))
		if err != nil {
			t.Fatalf("%d px rendition does not decode: %v", r.Width, err)
		}
		if b := img.Bounds(); b.Dx() != r.Width || b.Dy() != r.Height {
			t.Errorf("%d px rendition is %v, says %d×%d", r.Width, b, r.Width, r.Height)
		}
		got = append(got, dims{r.Width, r.Height})
	}
	want := []dims{{160, 240}, {320, 480}, {640, 960}, {700, 1050}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("renditions (-want +got):\n%s", diff)
	}
}

// A transparent PNG becomes white, not black, in its JPEG renditions.
func TestPrepareFlattensTransparency(t *testing.T) {
	clear := image.NewNRGBA(image.Rect(0, 0, 64, 64)) // all transparent
	p, err := Prepare(encodePNG(t, clear), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	img, err := jpeg.Decode(bytes.NewReader(p.Renditions[0].JPEG))
	if err != nil {
		t.Fatal(err)
	}
	r, g, b, _ := img.At(32, 32).RGBA()
	if r>>8 < 250 || g>>8 < 250 || b>>8 < 250 {
		t.Errorf("transparent pixel became (%d, %d, %d), want white", r>>8, g>>8, b>>8)
	}
}

func FuzzCheck(f *testing.F) {
	f.Add(encodeJPEG(f, 40, 40))
	f.Add(encodePNG(f, gradient(40, 40)))
	f.Add(pngBomb(f, 1<<20, 1<<20))
	if w, err := os.ReadFile("testdata/blue-purple-pink.lossy.webp"); err == nil {
		f.Add(w)
	}
	f.Add([]byte("RIFF\x00\x00\x00\x00WEBPVP8 "))
	f.Fuzz(func(t *testing.T, data []byte) {
		img, _, err := Check(data, Limits{MaxPixels: 1 << 20})
		if err != nil {
			if ReasonOf(err) == "" {
				t.Fatalf("error is not an *Error: %v", err)
			}
			return
		}
		if b := img.Bounds(); int64(b.Dx())*int64(b.Dy()) > 1<<20 {
			t.Fatalf("accepted %v past the pixel limit", b)
		}
	})
}
