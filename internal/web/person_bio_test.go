package web

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"marquee/internal/film"
)

// A stored biography shows on the person page, escaped, with its source
// and the dates that came with it.
func TestPersonPageBiography(t *testing.T) {
	h, st := newTestHandler(t)
	_, err := st.WriteDB().ExecContext(context.Background(), `INSERT INTO person_bios
		(person_id, biography, source, birth_date, death_date, birthplace)
		SELECT id, $1, 'nfo:metadata/People/S/Sean Baker/person.nfo', '1971-06-26', '', 'Summit, New Jersey' FROM people WHERE slug = 'sean-baker'`,
		"First paragraph, with <b>angle brackets</b> & an ampersand.\n\nSecond paragraph.")
	if err != nil {
		t.Fatal(err)
	}
	res, body := get(t, h, "/people/sean-baker")
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{
		`<h2 id="biography">Biography</h2>`,
		`<p>First paragraph, with &lt;b&gt;angle brackets&lt;/b&gt; &amp; an ampersand.</p>`,
		`<p>Second paragraph.</p>`,
		`Source: a person NFO in the media library (metadata/People/S/Sean Baker/person.nfo).`,
		`Born 26 June 1971 in Summit, New Jersey</p>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("person page lacks %q", want)
		}
	}
	if strings.Contains(body, "<b>angle") {
		t.Error("the biography's markup reached the page")
	}

	// Without a biography there is no section.
	_, body = get(t, h, "/people/simon-rex")
	if strings.Contains(body, `id="biography"`) {
		t.Error("Simon Rex, who has no biography, has a biography section")
	}
}

// Known for tiles on a person's page say what the person did on each
// film, not the film's director (who, on a director's page, is the person).
func TestPersonKnownForSaysTheCredit(t *testing.T) {
	h, _ := newTestHandler(t)
	_, body := get(t, h, "/people/sean-baker")
	i := strings.Index(body, `<h2 id="known-for">`)
	j := strings.Index(body, `<h2 id="career">`)
	if i < 0 || j < i {
		t.Fatalf("no Known for section before Career")
	}
	tiles := regexp.MustCompile(`<span class="by">([^<]*)</span>`).FindAllStringSubmatch(body[i:j], -1)
	var got []string
	for _, m := range tiles {
		got = append(got, m[1])
	}
	if len(got) < 2 {
		t.Fatalf("Known for tiles = %v", got)
	}
	for _, g := range got {
		if strings.Contains(g, "Sean Baker") || !strings.HasPrefix(g, "Director") {
			t.Errorf("tile credit %q: want Sean Baker's jobs on the film, not his name", g)
		}
	}
}

// A biography proposed by a film's article says so and links the film.
func TestPersonPageArticleBiography(t *testing.T) {
	h, st := newTestHandler(t)
	ctx := context.Background()
	d := &film.Dossier{Film: film.DossierFilm{Title: "Red Rocket"}, Sections: []film.Section{{Kind: film.SectionProduction, Heading: "Production",
		Text: "Red Rocket was directed by Sean Baker, an American filmmaker known for Tangerine and The Florida Project, in Texas City."}}}
	if _, err := st.PutDossier(ctx, "red-rocket-2021", d, "test"); err != nil {
		t.Fatal(err)
	}
	_, body := get(t, h, "/people/sean-baker")
	for _, want := range []string{
		`<h2 id="biography">Biography</h2>`,
		`<p>An American filmmaker known for Tangerine and The Florida Project.</p>`,
		`Proposed from what the article on <a href="/films/red-rocket-2021">Red Rocket (2021)</a> says of this person`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("person page lacks %q", want)
		}
	}
}
