package store

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
	"marquee/internal/media"
)

func testPicture(t *testing.T, w, h int, shade uint8) *media.Prepared {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{shade, uint8(x), uint8(y), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	p, err := media.Prepare(b.Bytes(), media.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPictures(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		if err := s.PutFilm(ctx, &film.Film{Slug: "tangerine-2015", Title: "Tangerine", Year: 2015}); err != nil {
			t.Fatal(err)
		}
		if err := s.PutPerson(ctx, &film.Person{Slug: "mya-taylor", Name: "Mya Taylor"}); err != nil {
			t.Fatal(err)
		}
		poster, head := testPicture(t, 400, 600, 10), testPicture(t, 200, 250, 90)
		pics := []Picture{
			{FilmSlug: "tangerine-2015", Kind: KindPoster, Image: poster},
			{PersonSlug: "mya-taylor", Image: head},
		}
		res, err := s.PutPictures(ctx, pics)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(PictureResult{Stored: 2, Linked: 2}, res); diff != "" {
			t.Errorf("first PutPictures (-want +got):\n%s", diff)
		}
		res, err = s.PutPictures(ctx, pics)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(PictureResult{Reused: 2, Unchanged: 2}, res); diff != "" {
			t.Errorf("second PutPictures (-want +got):\n%s", diff)
		}

		imgs, err := s.FilmImages(ctx, "tangerine-2015")
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]ImageRef{KindPoster: {Hash: poster.Hash, Width: 400, Height: 600, Widths: []int{160, 320, 400}}}
		if diff := cmp.Diff(want, imgs); diff != "" {
			t.Errorf("FilmImages (-want +got):\n%s", diff)
		}
		posters, err := s.FilmPosters(ctx, []string{"tangerine-2015", "nope"})
		if err != nil || len(posters) != 1 || posters["tangerine-2015"].Hash != poster.Hash {
			t.Errorf("FilmPosters = %v, %v", posters, err)
		}
		ref, err := s.PersonImage(ctx, "mya-taylor")
		if err != nil || ref.Hash != head.Hash || ref.Width != 200 {
			t.Errorf("PersonImage = %+v, %v", ref, err)
		}
		data, err := s.Rendition(ctx, poster.Hash, 320)
		if err != nil || !bytes.Equal(data, poster.Renditions[1].JPEG) {
			t.Errorf("Rendition 320 = %d bytes, %v; want the stored %d bytes", len(data), err, len(poster.Renditions[1].JPEG))
		}
		if _, err := s.Rendition(ctx, poster.Hash, 999); !errors.Is(err, film.ErrNotFound) {
			t.Errorf("Rendition of a width not made = %v, want ErrNotFound", err)
		}

		// A picture for a missing film stores nothing, not even the image.
		other := testPicture(t, 300, 300, 200)
		_, err = s.PutPictures(ctx, []Picture{
			{FilmSlug: "tangerine-2015", Kind: KindBackdrop, Image: other},
			{FilmSlug: "no-such-film", Kind: KindPoster, Image: other},
		})
		if !errors.Is(err, film.ErrMissingRef) {
			t.Fatalf("PutPictures with a missing film = %v, want ErrMissingRef", err)
		}
		if _, err := s.Rendition(ctx, other.Hash, 160); !errors.Is(err, film.ErrNotFound) {
			t.Errorf("the failed batch left its image behind: %v", err)
		}
		if imgs, _ := s.FilmImages(ctx, "tangerine-2015"); len(imgs) != 1 {
			t.Errorf("the failed batch left a backdrop: %v", imgs)
		}
	})
}

func TestImportLibrary(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		existing := &film.Film{Slug: "red-rocket-2021", Title: "Red Rocket", Year: 2021, RuntimeMin: 130}
		if err := s.PutFilm(ctx, existing); err != nil {
			t.Fatal(err)
		}
		// A different film that happens to share a title and year.
		clash := &film.Film{Slug: "anora-2024", Title: "Anora", Year: 2024, IDs: film.ExternalIDs{IMDb: "tt0000001"}}
		if err := s.PutFilm(ctx, clash); err != nil {
			t.Fatal(err)
		}
		poster := testPicture(t, 300, 450, 40)
		lib := []LibraryFilm{
			{
				MatchSlug: "red-rocket-2021",
				Film: film.Film{Title: "Red Rocket", Year: 2021, RuntimeMin: 128, Certification: "R",
					Logline: "A washed-up porn star returns home.", Genres: []string{"Comedy", "Drama"},
					IDs: film.ExternalIDs{IMDb: "tt5649144", TMDB: 619778}},
				People:   []film.Person{{Slug: "simon-rex", Name: "Simon Rex"}},
				Credits:  []film.Credit{{PersonSlug: "simon-rex", Role: film.RoleCast, Character: "Mikey Saber", Billing: 1}},
				Pictures: []Picture{{Kind: KindPoster, Image: poster}},
			},
			{Film: film.Film{Title: "Anora", Year: 2024, IDs: film.ExternalIDs{IMDb: "tt28607951"}}},
		}
		res, err := s.ImportLibrary(ctx, lib)
		if err != nil {
			t.Fatal(err)
		}
		want := LibraryResult{Created: 1, Matched: 1, Updated: 1, PeopleCreated: 1, CreditsAdded: 1,
			Pictures: PictureResult{Stored: 1, Linked: 1}, Slugs: []string{"red-rocket-2021", "anora-2024-tt28607951"}}
		if diff := cmp.Diff(want, res); diff != "" {
			t.Errorf("ImportLibrary (-want +got):\n%s", diff)
		}
		got, err := s.GetFilm(ctx, "red-rocket-2021")
		if err != nil {
			t.Fatal(err)
		}
		// Stored facts win (runtime 130), empty ones are filled.
		if got.RuntimeMin != 130 || got.Certification != "R" || got.IDs.IMDb != "tt5649144" || got.IDs.TMDB != 619778 ||
			len(got.Genres) != 2 {
			t.Errorf("filled film = %+v", got)
		}
		if f, err := s.FilmByTMDb(ctx, 619778); err != nil || f.Slug != "red-rocket-2021" {
			t.Errorf("FilmByTMDb = %v, %v", f, err)
		}
		// Again: nothing new.
		lib[0].Film.Slug, lib[1].Film.Slug = "", ""
		lib[1].MatchSlug = "anora-2024-tt28607951"
		lib[1].Film.Title = "" // as from a URL-only NFO: the matched film keeps its title
		res, err = s.ImportLibrary(ctx, lib)
		if err != nil {
			t.Fatal(err)
		}
		want = LibraryResult{Matched: 2, Pictures: PictureResult{Reused: 1, Unchanged: 1},
			Slugs: []string{"red-rocket-2021", "anora-2024-tt28607951"}}
		if diff := cmp.Diff(want, res); diff != "" {
			t.Errorf("second ImportLibrary (-want +got):\n%s", diff)
		}
	})
}
