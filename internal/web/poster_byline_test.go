package web

import (
	"strings"
	"testing"

	"marquee/internal/film"
)

// A generated poster's byline stays inside its frame: a long one is
// squeezed to the frame's width, a short one is left as it is.
func TestPosterBylineFits(t *testing.T) {
	f := &film.Film{Slug: "treatroo-2021", Title: "Treatroo Shiestovoul Rougox", Year: 2021}
	long := string(poster(f, []string{"Braekraeleam Levy", "Neagriewum Thiethethou"}))
	if !strings.Contains(long, `textLength="170" lengthAdjust="spacingAndGlyphs">A FILM BY BRAEKRAELEAM LEVY &amp; NEAGRIEWUM THIETHETHOU<`) {
		t.Errorf("a long byline is not fitted to the frame:\n%s", long)
	}
	short := string(poster(f, []string{"Sean Baker"}))
	if strings.Contains(short, "textLength") {
		t.Errorf("a short byline is squeezed:\n%s", short)
	}
}
