package catalog

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/store"
	"marquee/internal/store/storetest"
)

func TestParsePersonNFO(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    *PersonNFO
		wantErr string
	}{
		{
			name: "jellyfin writer",
			in: `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<person><plot><![CDATA[First.<br/>Second &amp; last.]]></plot><outline /><title>Ann Example</title>
<premiered>1950-01-02</premiered><year>1950</year><enddate>2001-03-04</enddate>
<placeofbirth> Leeds,
 England </placeofbirth><imdbid>nm0000123</imdbid><tmdbid>77</tmdbid></person>`,
			want: &PersonNFO{Name: "Ann Example", Biography: "First.\n\nSecond & last.", BirthDate: "1950-01-02",
				DeathDate: "2001-03-04", Birthplace: "Leeds, England", IMDb: "nm0000123", TMDB: 77},
		},
		{
			name: "scraper shape, biography wins over plot",
			in: `<person><name>Bo</name><plot>plot text</plot><biography>bio text</biography>
<birthday>1960-05-06T00:00:00</birthday><uniqueid type="imdb">nm0000124</uniqueid><thumb>Bo.jpg</thumb></person>`,
			want: &PersonNFO{Name: "Bo", Biography: "bio text", BirthDate: "1960-05-06", IMDb: "nm0000124", Thumbs: []string{"Bo.jpg"}},
		},
		{
			name: "year only",
			in:   `<person><name>Cy</name><year>1931</year></person>`,
			want: &PersonNFO{Name: "Cy", BirthDate: "1931"},
		},
		{name: "no name", in: `<person><plot>x</plot></person>`, wantErr: "line 1: field name: a person NFO without a <name>"},
		{name: "film id", in: "<person>\n<name>D</name>\n<imdbid>tt0111161</imdbid></person>", wantErr: `line 3: field imdbid: not an IMDb name id (nm…): "tt0111161"`},
		{name: "two ids", in: `<person><name>E</name><imdbid>nm0000001</imdbid><uniqueid type="imdb">nm0000002</uniqueid></person>`,
			wantErr: "line 1: field uniqueid: two different IMDb ids: nm0000001 and nm0000002"},
		{name: "bad date", in: "<person><name>F</name>\n\n<birthdate>26/06/1971</birthdate></person>", wantErr: `line 3: field birthdate: not a YYYY-MM-DD date: "26/06/1971"`},
		{name: "died before born", in: `<person><name>G</name><birthdate>1990-01-01</birthdate><deathdate>1980-01-01</deathdate></person>`,
			wantErr: "line 1: field deathdate: the death date 1980-01-01 is before the birth date 1990-01-01"},
		{name: "unclosed", in: "<person>\n<name>H\n</person>", wantErr: "line 3: not well-formed XML: element <name> closed by </person>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := ParseNFO([]byte(tt.in))
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if n.Root != "person" {
				t.Errorf("root = %q", n.Root)
			}
			if diff := cmp.Diff(tt.want, n.Person); diff != "" {
				t.Errorf("person (-want +got):\n%s", diff)
			}
		})
	}
}

// copyPeople copies the person-NFO fixture (Jellyfin's metadata/People
// layout) and adds the headshots the test makes.
func copyPeople(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	src := "testdata/nfo/people"
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
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
	for rel, data := range map[string][]byte{
		"metadata/People/S/Sean Baker/folder.jpg":          testJPEG(t, 400, 600, 50),
		"metadata/People/W/Willem Dafoe/Willem Dafoe.jpg":  testJPEG(t, 300, 450, 70),
		"metadata/People/W/Willem Dafoe/folder.jpg":        []byte("<html>not found</html>"),
		"metadata/People/N/Nobody Catalogued/folder.jpg":   testJPEG(t, 100, 150, 90),
		"metadata/People/B/Bree Elrod/unrelated-notes.txt": []byte("not a picture"),
	} {
		if err := os.WriteFile(filepath.Join(dst, filepath.FromSlash(rel)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func TestImportPersonNFO(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st := demoStore(t, dsn)
		// The catalog already knows Mya Taylor under another IMDb id.
		if _, err := st.WriteDB().ExecContext(ctx, `UPDATE people SET imdb_id = 'nm9000099' WHERE slug = 'mya-taylor'`); err != nil {
			t.Fatal(err)
		}
		lib := copyPeople(t)
		people := count(t, st, "people")

		sum, err := ImportNFO(ctx, st, lib, Options{})
		if err != nil {
			t.Fatal(err)
		}
		type got struct {
			PersonNFOs, Matched, Bios, Unchanged, Films int
			Unmatched                                   []store.LibraryPersonMiss
			Skipped                                     []SkippedFile
			Errors                                      []RowError
			Stored, Refused                             int
		}
		want := got{
			PersonNFOs: 6, Matched: 3, Bios: 3, Unchanged: 0, Films: 0,
			Unmatched: []store.LibraryPersonMiss{
				{File: "metadata/People/M/Mya Taylor/person.nfo", Name: "Mya Taylor", Reason: `the catalog's "Mya Taylor" is nm9000099, the file names nm9000004`},
				{File: "metadata/People/N/Nobody Catalogued/person.nfo", Name: "Nobody Catalogued", Reason: `no person with IMDb id nm9000003 or named "Nobody Catalogued" in the catalog`},
			},
			Skipped: []SkippedFile{{"metadata/People/X/Sean Baker/person.nfo", "names the same person as metadata/People/S/Sean Baker/person.nfo"}},
			Errors:  []RowError{{File: "metadata/People/S/Suzanna Son/person.nfo", Line: 6, Reason: "not well-formed XML: element <title> closed by </person>"}},
			Stored:  2, Refused: 0,
		}
		g := got{sum.PersonNFOs, sum.PeopleMatched, sum.Biographies, sum.BiographiesUnchanged, sum.Films,
			sum.PeopleUnmatched, sum.Skipped, sum.RowErrors, sum.Images.Stored, sum.Images.Refused}
		if diff := cmp.Diff(want, g); diff != "" {
			t.Errorf("import (-want +got):\n%s", diff)
		}
		if n := count(t, st, "people"); n != people {
			t.Errorf("people = %d, want %d: a person NFO created someone", n, people)
		}

		bio, err := st.PersonBio(ctx, "sean-baker")
		if err != nil || bio == nil {
			t.Fatalf("Sean Baker's bio = %v, %v", bio, err)
		}
		wantBio := store.PersonBio{
			Biography: "A fixture biography for the tests, in the shape Jellyfin writes: the overview in a CDATA plot.\n\n" +
				"Its second paragraph follows an HTML line break, as scraped overviews carry, and names a link that must not survive.\n\n" +
				"A third paragraph, after a blank line. Tom & Jerry stays one ampersand; alert(1) is text, never markup.",
			Source: "nfo:metadata/People/S/Sean Baker/person.nfo", BirthDate: "1971-06-26", Birthplace: "Summit, New Jersey, USA",
		}
		if diff := cmp.Diff(&wantBio, bio); diff != "" {
			t.Errorf("Sean Baker's bio (-want +got):\n%s", diff)
		}
		sb, err := st.GetPerson(ctx, "sean-baker")
		if err != nil || sb.IDs.IMDb != "nm9000001" || sb.BirthYear != 1971 {
			t.Errorf("Sean Baker = %+v, %v; want the file's IMDb id and birth year", sb, err)
		}
		if ref, err := st.PersonImage(ctx, "sean-baker"); err != nil || ref.Height != 600 {
			t.Errorf("Sean Baker headshot = %+v, %v; want folder.jpg", ref, err)
		}
		// <thumb> names the picture; the HTML page saved as folder.jpg is never read.
		if ref, err := st.PersonImage(ctx, "willem-dafoe"); err != nil || ref.Height != 450 {
			t.Errorf("Willem Dafoe headshot = %+v, %v; want Willem Dafoe.jpg", ref, err)
		}
		if b, _ := st.PersonBio(ctx, "bree-elrod"); b == nil || b.Biography != "A fixture biography with no id at all: matched by name." {
			t.Errorf("Bree Elrod's bio = %+v", b)
		}
		if b, _ := st.PersonBio(ctx, "mya-taylor"); b != nil {
			t.Errorf("Mya Taylor got the other id's bio: %+v", b)
		}
		if p, _ := st.GetPerson(ctx, "mya-taylor"); p.IDs.IMDb != "nm9000099" {
			t.Errorf("Mya Taylor's IMDb id = %q, want the catalog's nm9000099", p.IDs.IMDb)
		}

		again, err := ImportNFO(ctx, st, lib, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if again.Biographies != 0 || again.BiographiesUnchanged != 3 || again.Images.Stored != 0 {
			t.Errorf("re-import: %d bios stored, %d unchanged, %d images stored; want 0, 3, 0",
				again.Biographies, again.BiographiesUnchanged, again.Images.Stored)
		}
	})
}
