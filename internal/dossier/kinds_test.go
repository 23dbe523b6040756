package dossier

import (
	"testing"

	"marquee/internal/film"
)

func TestKindOf(t *testing.T) {
	tests := []struct {
		heading string
		first   bool
		want    film.SectionKind
	}{
		{"Introduction to “Red Rocket”", true, "introduction"},
		{"Introduction to “Sound of Metal”", true, "introduction"},
		{"Overview", true, "introduction"},
		{"Overview", false, "synopsis"},
		{"2. PLOT SYNOPSIS:", false, "synopsis"},
		{"Premise", false, "synopsis"},
		{"Story", false, "synopsis"},
		{"Plot Summary", false, "plot"},
		{"Summary", false, "plot"},
		{"Story Recap", false, "plot"},
		{"Plot Summary: What Happens", false, "plot"},
		{"Themes and Symbolism", false, "themes"},
		{"THEMES", false, "themes"},
		{"Cast", false, "characters"},
		{"Character Analysis", false, "characters"},
		{"Visual Style", false, "cinematography"},
		{"Score", false, "sound"},
		{"Music and Sound", false, "sound"},
		{"Critical Response", false, "reception"},
		{"Reception", false, "reception"},
		{"Cultural Impact", false, "impact"},
		{"Legacy", false, "impact"},
		{"Similar Films", false, "comparisons"},
		{"Comparisons with Other Films", false, "comparisons"},
		{"Controversies", false, "controversies"},
		{"Making of", false, "production"},
		{"Development", false, "production"},
		{"Behind the Scenes", false, "production"},
		{"The Director’s Vision", false, "vision"},
		{"Commercial Performance", false, "box_office"},
		{"Box Office", false, "box_office"},
		{"Fan Theories and Speculations", false, "fan_theories"},
		{"Final Thoughts", false, "conclusion"},
		{"Verdict", false, "conclusion"},
		{"FAQs", false, "faq"},
		{"Frequently Asked Questions", false, "faq"},
		{"Awards and Nominations", false, "other"},
		{"Trivia", false, "other"},
		{"Release History", false, "other"},
		{"Audience Response", false, "reception"},
		{"Filming Locations", false, "production"},
		{"Casting the Film", false, "production"},
		{"Cast & Characters", false, "characters"},
		{"The Performances", false, "characters"},
		{"About the Director", false, "vision"},
		{"Gerwig's Direction", false, "vision"},
		{"Art Direction", false, "cinematography"},
		{"The Story So Far", false, "synopsis"},
		{"Common Questions About Roma", false, "faq"},
		{"Unanswered Questions", false, "fan_theories"},
		{"Critics' Consensus", false, "reception"},
		{"In Summary", false, "conclusion"},
		{"Our Take", false, "conclusion"},
		{"Historical Background", false, "other"},
		{"Parasite Plot Summary", false, "plot"},
		{"The Final Word", false, "conclusion"},
		{"Home Media", false, "other"},
		{"Release", false, "other"},
	}
	for _, tt := range tests {
		if got, _ := kindOf(tt.heading, tt.first); got != tt.want {
			t.Errorf("kindOf(%q, %v) = %q, want %q", tt.heading, tt.first, got, tt.want)
		}
	}
}

func TestLooksLikeHeading(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Plot Synopsis", true},
		{"PLOT SYNOPSIS", true},
		{"2. Plot Synopsis", true},
		{"Reception:", true},
		{"Introduction to “Red Rocket”", true},
		{"Awards and Nominations", true},
		{"plot summary", true}, // a known name, whatever its case
		{"1. Is “Red Rocket” suitable for all audiences?", false},
		{"Setting and Background: Set against the backdrop of a sleepy Texas town.", false},
		{"The sound design puts us inside his head, switching", false},
		{"It runs 94 minutes.", false},
		{"In conclusion, it works", false},
	}
	for _, tt := range tests {
		if _, _, got := looksLikeHeading(tt.line); got != tt.want {
			t.Errorf("looksLikeHeading(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
