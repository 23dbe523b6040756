package knowledge

import "testing"

func TestMentionOf(t *testing.T) {
	text := "Shot in Los Angeles on iPhones. The Los Angelesian press loved it.\n\nBaker returned to Los Angeles, on Christmas Eve, for the premiere at the festival."
	m := MentionOf(text, "Los Angeles", 40)
	if m.Count != 2 {
		t.Errorf("count %d, want 2 (not the Los Angelesian press)", m.Count)
	}
	if m.Sentence != "Shot in Los Angeles on iPhones." {
		t.Errorf("sentence %q", m.Sentence)
	}
	m = MentionOf("Baker returned to Los Angeles, on Christmas Eve, for the premiere at the festival.", "Los Angeles", 40)
	if m.Sentence != "Baker returned to Los Angeles, on…" {
		t.Errorf("clipped sentence %q", m.Sentence)
	}
	m = MentionOf(`He said: "I felt like they were robots." Brooklynn Prince came from Los Angeles.`, "Los Angeles", 200)
	if m.Sentence != "Brooklynn Prince came from Los Angeles." {
		t.Errorf("a sentence after a closing quote: %q", m.Sentence)
	}
	if m := MentionOf(text, "Texas", 40); m.Count != 0 || m.Sentence != "" {
		t.Errorf("an unnamed place: %+v", m)
	}
}
