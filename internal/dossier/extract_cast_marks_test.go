package dossier

import "testing"

func TestTrimNoteMark(t *testing.T) {
	for in, want := range map[string]string{
		"Condemned Officer.2": "Condemned Officer", "Lucilla12": "Lucilla", "Apollo 13": "Apollo 13",
		"Agent 007": "Agent 007", "Juba": "Juba", "1917": "1917", "Cassius.1234": "Cassius.1234",
	} {
		if got := trimNoteMark(in); got != want {
			t.Errorf("trimNoteMark(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]bool{"Tigris of Gaul": true, "Lady of the Lake": true, "Director of photography": false, "of Gaul": false} {
		if got := characterLike(in); got != want {
			t.Errorf("characterLike(%q) = %v, want %v", in, got, want)
		}
	}
}
