package dossier

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"marquee/internal/film"
)

func TestSentenceFacts(t *testing.T) {
	tests := []struct {
		s    string
		want []film.ArticleFact
	}{
		{"Made on a budget of ₩13.5 billion (US$11.4 million), it grossed $258.8 million worldwide.",
			[]film.ArticleFact{{Kind: "budget", Value: "₩13.5 billion", Amount: 13_500_000_000, Currency: "KRW"},
				{Kind: "gross", Value: "$258.8 million", Amount: 258_800_000, Currency: "USD", Territory: "worldwide"}}},
		{"The film grossed $53.4 million in the United States.",
			[]film.ArticleFact{{Kind: "gross", Value: "$53.4 million", Amount: 53_400_000, Currency: "USD", Territory: "United States"}}},
		{"It took in £3m at the UK box office over its opening weekend, domestic figures show.",
			[]film.ArticleFact{{Kind: "gross", Value: "£3m", Amount: 3_000_000, Currency: "GBP", Territory: "domestic"}}},
		{"The film runs 132 minutes.", []film.ArticleFact{{Kind: "runtime", Value: "132 minutes", Amount: 132}}},
		{"The first 20 minutes are silent.", nil},
		{"It was released on 30 May 2019 in South Korea.", []film.ArticleFact{{Kind: "release_date", Value: "30 May 2019"}}},
		{"It premiered at the 72nd Cannes Film Festival, where it won the Palme d'Or.",
			[]film.ArticleFact{{Kind: "award_won", Value: "Palme d'Or"}, {Kind: "festival", Value: "Cannes Film Festival"}}},
		{"It was nominated for Best Foreign Language Film at the Golden Globes.",
			[]film.ArticleFact{{Kind: "award_nominated", Value: "Best Foreign Language Film"}}},
		{"He won the argument with his producer.", nil},
		{"The scene costs him $20 in cab fare.", nil},
	}
	for _, tt := range tests {
		got := sentenceFacts(tt.s)
		if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("sentenceFacts(%q) (-want +got):\n%s", tt.s, diff)
		}
	}
}
