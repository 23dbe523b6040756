package web

import (
	"context"
	"strings"
	"testing"

	"marquee/internal/film"
)

// The counts /films remembers per filter are those of the catalog as it
// is: a commit moves the catalog stamp, and the next page counts again.
func TestFilmListCountsFollowTheCatalog(t *testing.T) {
	h, st := newTestHandler(t)
	_, body := get(t, h, "/films?genre=Drama&decade=2010")
	if !strings.Contains(body, "Films 1–3 of 3") {
		t.Fatalf("before: the list does not say 3 films")
	}
	f := &film.Film{Slug: "new-drama-2016", Title: "New Drama", Year: 2016, Genres: []string{"Drama"}, TitleType: "movie"}
	if err := st.PutFilm(context.Background(), f); err != nil {
		t.Fatal(err)
	}
	_, body = get(t, h, "/films?genre=Drama&decade=2010&sort=title")
	if !strings.Contains(body, "Films 1–4 of 4") || !strings.Contains(body, "New Drama") {
		t.Errorf("after a new film: the list does not say 4 films with New Drama")
	}
}
