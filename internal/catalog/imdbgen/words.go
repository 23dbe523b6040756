package imdbgen

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// Real words and names mixed into the synthetic vocabulary so that folding,
// quoting and multi-byte UTF-8 are exercised on every run.
var realWords = []string{
	"Amélie", "Ōkami", "Zoë", "Björk", "Mañana", "Éclair", "Straße", "Ça", "Niño", "Søren",
	"Kraków", "Düsseldorf", "Fête", "Naïve", "Œuvre", "Tōkyō", "Señor", "Café", "Château", "Müller",
	"Love", "Night", "Man", "Woman", "City", "Dead", "Day", "Life", "Story", "Blood", "Girl", "Boy",
	"Last", "House", "World", "Heart", "Time", "Dark", "Red", "Black", "Home", "King", "Queen",
	"Summer", "Winter", "War", "Mother", "River", "Road", "Song", "Game", "Moon", "Fire",
}

var (
	onsets = []string{"b", "br", "c", "ch", "cl", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "kr", "l", "m",
		"n", "p", "pl", "qu", "r", "s", "sh", "sk", "st", "t", "th", "tr", "v", "w", "z", ""}
	nuclei = []string{"a", "e", "i", "o", "u", "ai", "ea", "ou", "ie", "oo", "y", "ae"}
	codas  = []string{"", "", "", "n", "r", "l", "s", "th", "nd", "ck", "m", "x", "rt", "ng"}
)

// vocabulary is a deterministic list of n pronounceable words, most common
// first: real words lead, then two- and three-syllable inventions.
func vocabulary(n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	seen := make(map[string]bool, n)
	words := make([]string, 0, n)
	for _, w := range realWords {
		seen[w] = true
		words = append(words, w)
	}
	var b strings.Builder
	for len(words) < n {
		b.Reset()
		syl := 1 + r.IntN(3)
		for range syl {
			b.WriteString(onsets[r.IntN(len(onsets))])
			b.WriteString(nuclei[r.IntN(len(nuclei))])
		}
		b.WriteString(codas[r.IntN(len(codas))])
		w := b.String()
		if len(w) < 3 || seen[w] {
			continue
		}
		seen[w] = true
		words = append(words, strings.ToUpper(w[:1])+w[1:])
	}
	// Shuffle so the most frequent words are not all short, then move the
	// real words to ranks between 20 and 2,000: common enough to meet in
	// every sample, not so common that they fill whole titles.
	r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	for i, w := range realWords {
		at := slices.Index(words, w)
		to := 20 + i*2000/len(realWords)
		words[at], words[to] = words[to], words[at]
	}
	return words
}
