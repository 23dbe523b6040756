package media

import (
	"bytes"
	"image/jpeg"
	"testing"
)

// BenchmarkPrepare measures what an import spends on one 2000 × 3000
// poster scan: validation, full decode and the four renditions, against a
// baseline of decoding alone in the same run.
func BenchmarkPrepare(b *testing.B) {
	data := encodeJPEG(b, 2000, 3000)
	b.Run("decode-only", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("prepare", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := Prepare(data, Limits{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
