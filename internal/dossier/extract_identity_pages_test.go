package dossier

import (
	"slices"
	"testing"
)

// A page saved with its browser title names the site and the page's
// disambiguation; a retrieval corpus writes the infobox out as "label:
// value" lines. The film is the title without either.
func TestIdentityFromSiteTitledPages(t *testing.T) {
	tests := []struct {
		file, src, title string
		year             int
		directors        []string
	}{
		{"harbour.md", "---\ntitle: The Long Harbour (film) - Wikipedia\ndate: 2009-03-01\n---\nname: The Long Harbour\ndirector: Ann Lee\nstarring: * Bo Ross, * Cy Park\nbased_on: The Long Harbour, a 2009 book by Dee Moss\n",
			"The Long Harbour", 0, []string{"Ann Lee"}},
		{"tide.md", "---\ntitle: Silver Tide (2011 film) - Wikipedia\n---\nname: Silver Tide\ndirector: Cy Park\nmusic: Dee Moss\nalt: A woman on a pier at dusk.\n",
			"Silver Tide", 2011, []string{"Cy Park"}},
		{"orchard.md", "---\ntitle: \"Reel Thoughts: The Glass Orchard (2016)\"\n---\n\nIn The Glass Orchard, Ann Lee plays a surgeon who loses the use of her hands.\n",
			"The Glass Orchard", 2016, []string{}},
		{"kite.md", "---\ntitle: \"Kite Town: Second Wind (2003)\"\n---\n\nKite Town: Second Wind follows the kite makers ten years on.\n",
			"Kite Town: Second Wind", 2003, []string{}},
		{"lantern.md", "_LANTERN TOWN_ is a 1941 American drama film by Ann Lee, its producer, writer and star. It follows a kite maker.\n",
			"LANTERN TOWN", 1941, []string{"Ann Lee"}},
	}
	for _, tt := range tests {
		d, err := Parse(tt.file, []byte(tt.src), nil)
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if d.Film.Title != tt.title || d.Film.Year != tt.year || !slices.Equal(d.Film.Directors, tt.directors) {
			t.Errorf("%s: film %q %d %v, want %q %d %v", tt.file, d.Film.Title, d.Film.Year, d.Film.Directors, tt.title, tt.year, tt.directors)
		}
	}
}
