package dossier

import "testing"

// A quotation goes to the person its own clause names: "…,” wrote Roger
// Ebert, while Gene Siskel said “…”" gives one to each; "the director
// said" is the film's director; a sentence that names no speaker gives
// the quotation to no one; "X from _Paper_ wrote" and "X of _Paper_ …,
// explaining that" name both the critic and the paper.
func TestQuotationsGoToTheirClausesSpeaker(t *testing.T) {
	tests := []struct{ text, start, speaker, source string }{
		{"“The film is smart and entertaining,” wrote Roger Ebert, while Gene Siskel said “I didn't find the characters interesting”.",
			"The film is smart", "Roger Ebert", ""},
		{"“The film is smart and entertaining,” wrote Roger Ebert, while Gene Siskel said “I didn't find the characters interesting”.",
			"I didn't find", "Gene Siskel", ""},
		{"In an interview with Sight & Sound, the director said: “I wanted the camera to stay with the faces.”",
			"I wanted the camera", "Ann Lee", "Sight & Sound"},
		{"Theron Martin from _Kite Weekly_ wrote that the cast was \"a mix of short-timers and long-term veterans\".",
			"a mix of short-timers", "Theron Martin", "Kite Weekly"},
		{"In 2012 Robbie Collin of _The Telegraph_ gave it three stars, explaining that \"its cruelty has not aged well at all\".",
			"its cruelty has not aged", "Robbie Collin", "The Telegraph"},
		{"Tilda Swinton stars as the mother. “A film about the weight of grief and the lightness of memory” was the tagline.",
			"A film about the weight", "", ""},
	}
	for _, tt := range tests {
		d, err := Parse("q.md", []byte("_The Room Upstairs_ is a 2019 drama film directed by Ann Lee.\n\n"+tt.text), nil)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, q := range d.Quotes {
			if len(q.Text) >= len(tt.start) && q.Text[:len(tt.start)] == tt.start {
				found = true
				if q.Speaker != tt.speaker || q.Source != tt.source {
					t.Errorf("%q: speaker %q source %q, want %q %q", tt.start, q.Speaker, q.Source, tt.speaker, tt.source)
				}
			}
		}
		if !found {
			t.Errorf("no quotation %q in %v", tt.start, d.Quotes)
		}
	}
}
