package dossier

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string // the body of a Reception section
		want []quote
	}{
		{"interview with, surname expanded",
			"Director Sean Baker made it. In an interview with IndieWire, Baker reflected on it, stating, “It was important to me to portray these characters honestly.”",
			[]quote{{"It was important", "Sean Baker", "IndieWire"}}},
		{"pronoun from the previous clause",
			"Critics pointed to the actress Mya Taylor’s account; speaking to the Associated Press at Sundance, she said, “Everything that’s in the movie is exactly what goes on.”",
			[]quote{{"Everything", "Mya Taylor", "Associated Press"}}},
		{"straight quotes, colon",
			`Sean Baker cast locally. Speaking to Deadline about it, he said: "I felt like they were going to be little robots otherwise."`,
			[]quote{{"I felt like", "Sean Baker", "Deadline"}}},
		{"possessive publication",
			`Sean Baker wanted kids. Talking to Variety's PopPolitics show on SiriusXM, he explained the goal: "I want audiences to hang out with the kids."`,
			[]quote{{"I want audiences", "Sean Baker", "Variety"}}},
		{"attribution after the quote",
			"“It is the kind of film that stays with you for days,” Baker told IndieWire.",
			[]quote{{"It is the kind", "Baker", "IndieWire"}}},
		{"said X of Y",
			"“A shaggy, sleazy, funny film about a man who cannot stop,” said Jane Critic of Slant.",
			[]quote{{"A shaggy", "Jane Critic", "Slant"}}},
		{"unattributed", "Posters promised “the wildest ride of the year, bar none, for everyone who buys a ticket this summer.”",
			[]quote{{"the wildest ride", "", ""}}},
		{"titles are not quotes", `It opens with Kool & the Gang's "Celebration" and recalls “The Florida Project” and “Red Rocket.”`, nil},
		{"scare quotes are not quotes", `What Baker calls the "hidden homeless" are everywhere.`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("q.txt", []byte("Reception\n\n"+tt.text+"\n"), nil)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, quotesOf(d, tt.want)); diff != "" {
				t.Errorf("quotes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseFilmMentions(t *testing.T) {
	d, err := Parse("f.txt", []byte("Comparisons\n\n"+
		`It opens with Kool & the Gang's "Celebration" over the credits and then largely abandons music. `+
		`It recalls *Beasts of the Southern Wild* (2012), Steven Soderbergh’s “Unsane” (2018) and “Paris Is Burning.”`+"\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Beasts of the Southern Wild", "Unsane", "Paris Is Burning"}
	if diff := cmp.Diff(want, d.Mentions.Films); diff != "" {
		t.Errorf("films (-want +got):\n%s", diff)
	}
	if missing := missingFrom([]string{"Steven Soderbergh"}, d.Mentions.People); missing != nil {
		t.Errorf("people %q lack %q", d.Mentions.People, missing)
	}
}
