package dossier

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

func TestParseFAQForms(t *testing.T) {
	want := []film.FAQ{{Question: "Is it rated R?", Answer: "Yes."}, {Question: "What is “Red Rocket?”", Answer: "A film."}}
	tests := []struct{ name, src string }{
		{"numbered with bullets", "Plot\n\nText.\n\n1. Is it rated R?\n\n  • Yes.\n\n2. What is “Red Rocket?”\n\n  • A film.\n"},
		{"Q and A", "FAQ\n\nQ: Is it rated R?\nA: Yes.\n\nQ: What is “Red Rocket?”\nA: A film.\n"},
		{"bold Q and A", "## Plot\n\nText.\n\n## FAQ\n\n**Q: Is it rated R?**\nA: Yes.\n\n**Q: What is “Red Rocket?”**\nA: A film.\n"},
		{"bold questions", "## Plot\n\nText.\n\n## FAQ\n\n**Is it rated R?**\n\nYes.\n\n**What is “Red Rocket?”**\n\nA film.\n"},
		{"bold numbered questions", "## Plot\n\nText.\n\n## FAQ\n\n**1. Is it rated R?**\n\nYes.\n\n**2. What is “Red Rocket?”**\n\nA film.\n"},
		{"question headings", "## Plot\n\nText.\n\n## FAQ\n\n### Is it rated R?\n\nYes.\n\n### What is “Red Rocket?”\n\nA film.\n"},
		{"plain questions, wrapped text", "Plot\n\nA man goes home to Texas City after years away in\nLos Angeles, broke and grinning, and talks his way back in.\n\n" +
			"FAQ\n\nIs it rated R?\nYes.\n\nWhat is “Red Rocket?”\nA film.\n"},
		{"bold questions with the answer after", "## Plot\n\nText.\n\n## People Also Ask\n\n**Is it rated R?** Yes.\n\n- **What is “Red Rocket?”** A film.\n"},
		{"Q and A on one line", "Plot\n\nText.\n\nFAQ\n\nQ: Is it rated R? A: Yes.\nQ: What is “Red Rocket?” A: A film.\n"},
		{"numbered Q and A", "Plot\n\nText.\n\nCommon Questions\n\nQ1: Is it rated R?\nA1: Yes.\n\nQ2: What is “Red Rocket?”\nA2: A film.\n"},
		{"Question and Answer", "Plot\n\nText.\n\nFAQs:\n\nQuestion: Is it rated R?\nAnswer: Yes.\n\nQuestion: What is “Red Rocket?”\nAnswer: A film.\n"},
		{"Q and A, no heading", "Plot\n\nText.\n\nQ: Is it rated R?\nA: Yes.\n\nQ: What is “Red Rocket?”\nA: A film.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("faq.txt", []byte(tt.src), nil)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, stripLines(d.FAQ)); diff != "" {
				t.Errorf("FAQ (-want +got):\n%s", diff)
			}
			if s := d.Sections[len(d.Sections)-1]; s.Kind != film.SectionFAQ {
				t.Errorf("last section is %q, want faq", s.Kind)
			}
		})
	}
}
