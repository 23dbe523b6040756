package dossier

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// An infobox field may hold an editor's comment, a <ref> note or a
// Plainlist spread over lines; each is read as the value it holds.
func TestInfoboxFieldsWithCommentsRefsAndLists(t *testing.T) {
	src := strings.Join([]string{
		"{{Infobox film",
		"| name = Example",
		"| directors = {{Plainlist|",
		"* [[Ann Lee]]",
		"* [[Bo Ross|Bo Ross]]{{refn|group=n|name=x}}",
		"}}",
		"| runtime = 92 minutes<!--Theatrical runtime: 92:10--><ref>{{cite web|title=BBFC}}</ref>",
		"| language = English<br>Italian",
		"}}",
		"'''''Example''''' is a 1975 comedy film directed by Lee and Ross.",
		"",
		"==Plot==",
		"Two friends go west and come back.",
	}, "\n")
	d, err := Parse("example.wiki", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Ann Lee", "Bo Ross"}, d.Film.Directors); diff != "" {
		t.Errorf("directors (-want +got):\n%s", diff)
	}
	var runtime, language string
	for _, r := range d.References {
		if v, ok := strings.CutPrefix(r, "infobox runtime: "); ok {
			runtime = v
		}
		if v, ok := strings.CutPrefix(r, "infobox language: "); ok {
			language = v
		}
	}
	if runtime != "92 minutes" || language != "English, Italian" {
		t.Errorf("runtime %q, language %q; want \"92 minutes\", \"English, Italian\"", runtime, language)
	}
}
