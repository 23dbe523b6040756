package dossier

import "testing"

// A conversion that lost "[[File:" leaves the file name, and sometimes
// the caption up to its "]]", in the text; both go. A Markdown image, a
// URL and a word about the format stay.
func TestDropImageDebris(t *testing.T) {
	tests := []struct{ in, want string }{
		{`Kite_Town_Poster.jpg" caught the eye of the studio]] The studio had shown interest early.`, "The studio had shown interest early."},
		{"Lee-Home-1939.jpg Lee spent five months on it.", "Lee spent five months on it."},
		{`twice.[6] Old_House,_Motel_composite.jpg, now part of a tour.]] Ann Lee read the review.`, "twice.[6] Ann Lee read the review."},
		{"![Two women in a car](/images/car.jpg)", "![Two women in a car](/images/car.jpg)"},
		{"See https://example.org/a/poster.png for the poster.", "See https://example.org/a/poster.png for the poster."},
		{"The studio saved stills as .png files.", "The studio saved stills as .png files."},
	}
	for _, tt := range tests {
		if got := dropImageDebris(tt.in); got != tt.want {
			t.Errorf("dropImageDebris(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
