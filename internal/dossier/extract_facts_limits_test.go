package dossier

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"marquee/internal/film"
)

// Awards and budgets as encyclopedia leads and production histories
// phrase them: the winner after a category's "for", a bracketed part of a
// category's name, "including for", a ceremony that is no award, a
// budget's limit or cut that is not the budget, a comma after an amount.
func TestSentenceFactsAwardsAndBudgetLimits(t *testing.T) {
	tests := []struct {
		s    string
		want []film.ArticleFact
	}{
		{"It was nominated for four Academy Awards, including Best Supporting Actress for Leigh and Best Director for Hitchcock.",
			[]film.ArticleFact{{Kind: "award_nominated", Value: "Best Supporting Actress"}, {Kind: "award_nominated", Value: "Best Director"}}},
		{"Nominated for four Academy Awards, including for Best Picture, it won none.",
			[]film.ArticleFact{{Kind: "award_nominated", Value: "Best Picture"}}},
		{"Nominated for Academy Awards in nine categories, it won an Academy Award for Best Writing (Original Screenplay) by Ann Lee.",
			[]film.ArticleFact{{Kind: "award_won", Value: "Academy Award for Best Writing (Original Screenplay)"}}},
		{"The film was shot on a tight budget of $807,000, beginning in November.",
			[]film.ArticleFact{{Kind: "budget", Value: "$807,000", Amount: 807_000, Currency: "USD"}}},
		{"He was told the $500,000 budget could not be exceeded.", nil},
		{"It was released in Japan on 20 July 2001 by its distributor.", []film.ArticleFact{{Kind: "release_date", Value: "20 July 2001"}}},
		{"It premiered on June 2003 in Paris.", []film.ArticleFact{{Kind: "release_date", Value: "June 2003"}}},
		{"The studio agreed so long as the budget did not exceed $500,000.", nil},
		{"The project stalled because he was unable to trim $50,000 from its budget.", nil},
	}
	for _, tt := range tests {
		got := sentenceFacts(tt.s)
		if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("sentenceFacts(%q) (-want +got):\n%s", tt.s, diff)
		}
	}
}
