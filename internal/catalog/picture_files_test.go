package catalog

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
	"marquee/internal/store"
)

func TestImportImages(t *testing.T) {
	ctx := context.Background()
	st := demoStore(t, filepath.Join(t.TempDir(), "m.db"))
	if err := st.PutPerson(ctx, &film.Person{Slug: "franklin-cover", Name: "Franklin Cover"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string][]byte{
		"people/franklin-cover.jpg":    testJPEG(t, 200, 300, 7),  // a slug that ends in a kind's name
		"tt3824458.jpg":                testJPEG(t, 400, 600, 1),  // Tangerine, by IMDb id
		"red-rocket-2021-backdrop.png": testPNG(t, 800, 450),      // by slug
		"people/sean-baker.jpg":        testJPEG(t, 300, 400, 2),  // a person by slug
		"tt9999999.jpg":                testJPEG(t, 100, 150, 3),  // no such film
		"anora-2024-poster.jpg":        []byte("Not a picture\n"), // refused
		"tt3824458-poster.webp":        testJPEG(t, 100, 150, 4),  // Tangerine's poster again
		"notes.txt":                    []byte("ignored"),
		"tangerine-2015-headshot.jpg":  testJPEG(t, 100, 150, 5),
		// tinyMediaManager's and Kodi's names for artwork
		"kodi/tt5649144_fanart.JPG":    testJPEG(t, 640, 360, 6), // The Florida Project's backdrop
		"kodi/tt5649144-clearlogo.png": testPNG(t, 400, 155),     // artwork Marquee does not keep
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := ImportImages(ctx, st, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantUnmatched := []SkippedFile{
		{"kodi/tt5649144-clearlogo.png", "a clearlogo picture: Marquee keeps posters, backdrops and headshots"},
		{"tangerine-2015-headshot.jpg", "a headshot of a film: films have posters and backdrops"},
		{"tt3824458.jpg", "the same picture slot as tt3824458-poster.webp"}, // files are read in name order
		{"tt9999999.jpg", "no film with IMDb id tt9999999"},
	}
	if diff := cmp.Diff(wantUnmatched, sum.Unmatched); diff != "" {
		t.Errorf("unmatched (-want +got):\n%s", diff)
	}
	want := ImageCounts{Stored: 5, Linked: 5, Refused: 1, RefusedBy: map[string]int{"not an image": 1},
		RefusedImages: []RefusedImage{{"anora-2024-poster.jpg", "not an image", "content is text"}}}
	if diff := cmp.Diff(want, sum.Images); diff != "" {
		t.Errorf("images (-want +got):\n%s", diff)
	}
	if sum.Files != 10 || len(sum.Ignored) != 1 {
		t.Errorf("files = %d, ignored = %v", sum.Files, sum.Ignored)
	}
	if imgs, _ := st.FilmImages(ctx, "red-rocket-2021"); imgs[store.KindBackdrop].Width != 800 {
		t.Errorf("Red Rocket backdrop = %+v", imgs)
	}
	if imgs, _ := st.FilmImages(ctx, "the-florida-project-2017"); imgs[store.KindBackdrop].Width != 640 {
		t.Errorf("The Florida Project backdrop = %+v", imgs)
	}
	if ref, err := st.PersonImage(ctx, "franklin-cover"); err != nil || ref.Width != 200 {
		t.Errorf("Franklin Cover headshot = %+v, %v", ref, err)
	}
	if ref, err := st.PersonImage(ctx, "sean-baker"); err != nil || ref.Width != 300 {
		t.Errorf("Sean Baker headshot = %+v, %v", ref, err)
	}
}
