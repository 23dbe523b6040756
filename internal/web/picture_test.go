package web

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"strings"
	"testing"

	"marquee/internal/media"
	"marquee/internal/store"
)

// testPoster makes a real poster-shaped JPEG: a dark field with a light
// band, so a screenshot shows it is not the generated SVG.
func testPoster(t testing.TB, w, h int) *media.Prepared {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{uint8(120 + x*100/w), uint8(20 + y*60/h), 40, 255}
			if y > h/3 && y < h/3+h/10 {
				c = color.RGBA{240, 200, 90, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	p, err := media.Prepare(b.Bytes(), media.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// withPictures gives Red Rocket a poster and Simon Rex a headshot.
func withPictures(t testing.TB, st *store.Store) (poster, head *media.Prepared) {
	t.Helper()
	poster, head = testPoster(t, 600, 900), testPoster(t, 240, 300)
	if _, err := st.PutPictures(context.Background(), []store.Picture{
		{FilmSlug: "red-rocket-2021", Kind: store.KindPoster, Image: poster},
		{PersonSlug: "simon-rex", Image: head},
		{FilmSlug: "red-rocket-2021", Kind: store.KindBackdrop, Image: testPoster(t, 1600, 900)},
	}); err != nil {
		t.Fatal(err)
	}
	return poster, head
}

func TestPictures(t *testing.T) {
	h, st := newTestHandler(t)
	poster, head := withPictures(t, st)

	path := "/images/" + poster.Hash + "/320.jpg"
	res, body := get(t, h, path)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s = %d", path, res.StatusCode)
	}
	if !bytes.Equal([]byte(body), poster.Renditions[1].JPEG) {
		t.Errorf("served %d bytes, want the stored 320 px rendition (%d bytes)", len(body), len(poster.Renditions[1].JPEG))
	}
	for name, want := range map[string]string{
		"Content-Type":           "image/jpeg",
		"Cache-Control":          "public, max-age=31536000, immutable",
		"X-Content-Type-Options": "nosniff",
	} {
		if got := res.Header.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	etag := res.Header.Get("ETag")
	if etag == "" || res.Header.Get("Content-Encoding") != "" {
		t.Errorf("ETag %q, Content-Encoding %q", etag, res.Header.Get("Content-Encoding"))
	}
	if res, body := get(t, h, path, "If-None-Match", etag); res.StatusCode != http.StatusNotModified || body != "" {
		t.Errorf("conditional GET = %d with %d bytes, want 304 and none", res.StatusCode, len(body))
	}
	for _, bad := range []string{
		"/images/" + poster.Hash + "/321.jpg",  // no such rendition
		"/images/" + poster.Hash + "/0320.jpg", // not the canonical name
		"/images/" + poster.Hash + "/320.png",
		"/images/" + strings.ToUpper(poster.Hash) + "/320.jpg",
		"/images/" + strings.Repeat("0", 64) + "/320.jpg",
	} {
		if res, _ := get(t, h, bad); res.StatusCode != http.StatusNotFound || res.Header.Get("Cache-Control") == "public, max-age=31536000, immutable" {
			t.Errorf("GET %s = %d, cache %q; want an uncached 404", bad, res.StatusCode, res.Header.Get("Cache-Control"))
		}
	}

	if res, _ := get(t, h, "/images/../../etc/passwd/320.jpg"); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a path with .. = %d, want the guard's 400", res.StatusCode)
	}

	_, page := get(t, h, "/films/red-rocket-2021")
	for _, want := range []string{
		`srcset="/images/` + poster.Hash + `/160.jpg 160w, /images/` + poster.Hash + `/320.jpg 320w, /images/` + poster.Hash + `/600.jpg 600w"`,
		`width="320" height="480" alt="Poster: Red Rocket"`,
		`<meta property="og:image" content="https://films.example.org/images/` + poster.Hash + `/600.jpg">`,
		`content="summary_large_image"`,
		`<figure class="backdrop"><img class="backdrop"`,
		`640.jpg 640w, /images/`,
		`alt="Still: Red Rocket" loading="lazy"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("film page lacks %s", want)
		}
	}
	if strings.Contains(page, `aria-label="Poster: Red Rocket" class="poster"`) {
		t.Error("film page with a stored poster still shows the generated one")
	}
	// A film without a picture keeps its generated poster and no og:image.
	_, other := get(t, h, "/films/tangerine-2015")
	if !strings.Contains(other, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 300" role="img" aria-label="Poster: Tangerine"`) ||
		strings.Contains(other, "og:image") {
		t.Error("film page without a picture lost its generated poster or gained an og:image")
	}
	_, person := get(t, h, "/people/simon-rex")
	if !strings.Contains(person, `srcset="/images/`+head.Hash+`/160.jpg 160w, /images/`+head.Hash+`/240.jpg 240w"`) ||
		!strings.Contains(person, `alt="Photo: Simon Rex"`) {
		t.Error("person page lacks the headshot's srcset")
	}
}
