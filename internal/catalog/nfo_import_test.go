package catalog

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/google/go-cmp/cmp"
	"testing"

	"marquee/internal/demo"
	"marquee/internal/store"
	"marquee/internal/store/storetest"
)

// copyLibrary copies testdata/nfo/library into a temporary folder and adds
// the pictures the test makes (generated, so no one's artwork is in the
// repository): JPEGs, and a PNG named .jpg as real libraries have.
func copyLibrary(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	src := "testdata/nfo/library"
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	pics := map[string][]byte{
		"Red Rocket (2021)/poster.jpg":                 testJPEG(t, 500, 750, 200),
		"Red Rocket (2021)/fanart.jpg":                 testJPEG(t, 1920, 1080, 30),
		"Red Rocket (2021)/.actors/Simon_Rex.jpg":      testJPEG(t, 300, 450, 120),
		"Tangerine (2015)/Tangerine (2015)-poster.jpg": testPNG(t, 400, 600),
		"Movies/Starlet (2012)-poster.jpg":             testJPEG(t, 680, 1000, 90),
		"Take Out (2004)/folder.jpg":                   testJPEG(t, 200, 300, 10),
	}
	for rel, data := range pics {
		p := filepath.Join(dst, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func testImage(w, h int, hue uint8) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{hue, uint8(x * 255 / w), uint8(y * 255 / h), 255})
		}
	}
	return img
}

func testJPEG(t *testing.T, w, h int, hue uint8) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, testImage(w, h, hue), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func testPNG(t *testing.T, w, h int) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, testImage(w, h, 60)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func demoStore(t *testing.T, dsn string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	return st
}

// nfoOutcome is what TestImportNFO compares: the summary's counts and
// names, without timings and paths.
type nfoOutcome struct {
	NFOs, Films, Created, Matched, Updated int
	Skipped                                []SkippedFile
	Errors                                 []RowError
	Images                                 ImageCounts
	NoPoster                               []string
}

func outcome(s *NFOSummary) nfoOutcome {
	return nfoOutcome{s.NFOs, s.Films, s.Created, s.Matched, s.Updated, s.Skipped, s.RowErrors, s.Images, s.NoPoster}
}

func TestImportNFO(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st := demoStore(t, dsn)
		lib := copyLibrary(t)
		before := count(t, st, "films")

		dry, err := ImportNFO(ctx, st, lib, Options{DryRun: true})
		if err != nil {
			t.Fatal(err)
		}
		if n := count(t, st, "films") + count(t, st, "images"); n != before {
			t.Errorf("a dry run wrote: %d films and images, want %d", n, before)
		}

		sum, err := ImportNFO(ctx, st, lib, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := nfoOutcome{
			NFOs: 12, Films: 8, Created: 1, Matched: 7,
			// Red Rocket (IMDb and TMDb ids, rating, dates), Tangerine (TMDb id),
			// Starlet and Prince of Broadway (certification, rating) gain facts.
			Updated: sum.Updated,
			Skipped: []SkippedFile{
				{"Red Rocket (2021)/Red Rocket (2021).nfo", "overridden by movie.nfo in the same folder"},
				{"Shows/Some Show/tvshow.nfo", "not a movie NFO (<tvshow>)"},
			},
			Errors: []RowError{
				{File: "Bad Year/movie.nfo", Line: 4, Field: "year", Reason: `not a year: "20x1"`},
				{File: "Broken (2020)/movie.nfo", Line: 7, Reason: "not well-formed XML: element <plot> closed by </movie>"},
			},
			Images: ImageCounts{Stored: 6, Linked: 6, Refused: 1, RefusedBy: map[string]int{"not an image": 1},
				RefusedImages: []RefusedImage{{"Anora (2024)/poster.jpg", "not an image", "content looks like HTML or XML"}}},
			NoPoster: []string{"Anora (2024)/movie.nfo", "Anora Namesake (2024)/movie.nfo",
				"Movies/Prince of Broadway (2008).nfo", "The Florida Project (2017)/movie.nfo"},
		}
		if diff := cmp.Diff(want, outcome(sum)); diff != "" {
			t.Errorf("import (-want +got):\n%s", diff)
		}
		if sum.Updated < 2 || sum.Updated > sum.Matched {
			t.Errorf("updated = %d of %d matched", sum.Updated, sum.Matched)
		}
		if dry.Created != sum.Created || dry.Matched != sum.Matched || dry.Images.Refused != 1 {
			t.Errorf("dry run predicted %d created, %d matched, %d refused; the import did %d, %d",
				dry.Created, dry.Matched, dry.Images.Refused, sum.Created, sum.Matched)
		}

		// The catalog's facts win; the NFO filled what was empty.
		rr, err := st.GetFilm(ctx, "red-rocket-2021")
		if err != nil {
			t.Fatal(err)
		}
		if rr.IDs.IMDb != "tt13444912" || rr.IDs.TMDB != 749166 || rr.RuntimeMin != 130 {
			t.Errorf("Red Rocket = ids %+v, runtime %d; want the NFO's ids and the catalog's 130 min", rr.IDs, rr.RuntimeMin)
		}
		// Same title and year, another IMDb id: a film of its own.
		if f, err := st.FilmByIMDb(ctx, "tt0000002"); err != nil || f.Slug != "anora-2024-tt0000002" {
			t.Errorf("namesake = %v, %v; want its own film", f, err)
		}
		imgs, err := st.FilmImages(ctx, "red-rocket-2021")
		if err != nil || imgs[store.KindPoster].Width != 500 || imgs[store.KindBackdrop].Width != 1920 {
			t.Errorf("Red Rocket pictures = %+v, %v", imgs, err)
		}
		if ref, err := st.PersonImage(ctx, "simon-rex"); err != nil || ref.Height != 450 {
			t.Errorf("Simon Rex headshot = %+v, %v", ref, err)
		}
		if imgs, _ := st.FilmImages(ctx, "take-out-2004"); imgs[store.KindPoster].Width != 200 {
			t.Errorf("Take Out's folder.jpg beside VIDEO_TS was not its poster: %+v", imgs)
		}

		// Again: the same films, the same pictures, nothing new.
		again, err := ImportNFO(ctx, st, lib, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if again.Created != 0 || again.Matched != 8 || again.Updated != 0 || again.Images.Stored != 0 || again.Images.Unchanged != 6 {
			t.Errorf("re-import = %d created, %d matched, %d updated, images %+v", again.Created, again.Matched, again.Updated, again.Images)
		}
	})
}

// Into an empty catalog every film, person and credit is new.
func TestImportNFOEmptyCatalog(t *testing.T) {
	ctx := context.Background()
	st := newStore(t)
	sum, err := ImportNFO(ctx, st, copyLibrary(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The URL-only NFO names a film the catalog lacks; its folder gives
	// the title: "The Florida Project (2017)".
	if sum.Created != 8 || sum.Matched != 0 {
		t.Errorf("created %d, matched %d; want 8, 0", sum.Created, sum.Matched)
	}
	if f, err := st.FilmByIMDb(ctx, "tt5649144"); err != nil || f.Title != "The Florida Project" || f.Year != 2017 {
		t.Errorf("URL-only film = %+v, %v", f, err)
	}
	credits, err := st.FilmCredits(ctx, "red-rocket-2021")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range credits {
		got = append(got, fmt.Sprintf("%s %s %s %d", c.Role, c.PersonName, c.Character, c.Billing))
	}
	sort.Strings(got)
	want := []string{"cast Bree Elrod Lexi 2", "cast Simon Rex Mikey Saber 1", "cast Suzanna Son Strawberry 3",
		"director Sean Baker  0", "writer Chris Bergoch  0", "writer Sean Baker  0"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Red Rocket credits (-want +got):\n%s", diff)
	}
	if sum.PeopleCreated != count(t, st, "people") || sum.CreditsAdded != count(t, st, "credits") {
		t.Errorf("summary says %d people, %d credits; the database has %d, %d",
			sum.PeopleCreated, sum.CreditsAdded, count(t, st, "people"), count(t, st, "credits"))
	}
	f, err := st.GetFilm(ctx, "take-out-2004")
	if err != nil || f.Logline != "A day in the life of an undocumented Chinese delivery man in New York, from the café counter to the last order." {
		t.Errorf("Take Out (ISO-8859-1) = %q, %v", f.Logline, err)
	}
	rr, _ := st.GetFilm(ctx, "red-rocket-2021")
	if rr.Certification != "R" || rr.Rating.Average != 6.9 || rr.Rating.Votes != 41222 || rr.ReleaseDate != "2021-12-10" ||
		rr.Logline != "A washed-up porn star returns to his small Texas hometown, where he is not exactly welcome." {
		t.Errorf("Red Rocket = %+v", rr)
	}
}

// Past --max-errors nothing is written, good NFOs included.
func TestImportNFOTooManyErrors(t *testing.T) {
	st := newStore(t)
	_, err := ImportNFO(context.Background(), st, copyLibrary(t), Options{MaxErrors: 1})
	if !errors.Is(err, ErrTooManyErrors) {
		t.Fatalf("err = %v, want ErrTooManyErrors", err)
	}
	if n := count(t, st, "films") + count(t, st, "images"); n != 0 {
		t.Errorf("%d films and images written by a failed import", n)
	}
}
