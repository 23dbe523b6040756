// Package mlgen generates MovieLens-shaped ratings with a known latent
// structure, for testing and benchmarking recommenders without shipping
// MovieLens's own files: users with long-tailed activity, items with
// long-tailed popularity, and tastes drawn from a few latent topics that
// the items' genres and makers reflect.
package mlgen

import (
	"math"
	"math/rand/v2"
	"strconv"
)

// Config shapes a generated set.
type Config struct {
	Users, Items, Ratings int
	Topics                int     // latent taste topics
	MinPerUser            int     // fewest ratings a user has (MovieLens keeps users with ≥ 20)
	Focus                 float64 // share of a user's picks drawn from their topics rather than by popularity alone
	Seed                  uint64
}

// ML100K is the shape of MovieLens 100K: 943 users, 1,682 items, 100,000
// ratings, at least 20 per user.
func ML100K(seed uint64) Config {
	return Config{Users: 943, Items: 1682, Ratings: 100000, Topics: 12, MinPerUser: 20, Focus: 0.75, Seed: seed}
}

// Set is a generated ratings set. Ratings are parallel arrays over dense
// user and item indexes (0-based).
type Set struct {
	Config
	User  []int32
	Item  []int32
	Stars []float32
	Topic []int // each item's main topic
	Taste [][]int
	Year  []int
	rng   *rand.Rand
}

// Generate builds a set. The same Config always gives the same set.
func Generate(cfg Config) *Set {
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x4d4c47454e))
	s := &Set{Config: cfg, rng: rng, Topic: make([]int, cfg.Items), Year: make([]int, cfg.Items), Taste: make([][]int, cfg.Users)}
	// Popularity: Zipf-like over a random order of items.
	order := rng.Perm(cfg.Items)
	pop := make([]float64, cfg.Items)
	for r, i := range order {
		pop[i] = 1 / math.Pow(float64(r)+10, 1.0)
	}
	byTopic := make([][]int32, cfg.Topics)
	byTopicW := make([][]float64, cfg.Topics)
	for i := range cfg.Items {
		t := rng.IntN(cfg.Topics)
		s.Topic[i] = t
		s.Year[i] = 1998 - int(math.Min(68, rng.ExpFloat64()*12))
		byTopic[t] = append(byTopic[t], int32(i))
		byTopicW[t] = append(byTopicW[t], pop[i])
	}
	all := make([]int32, cfg.Items)
	for i := range all {
		all[i] = int32(i)
	}
	global := newAlias(pop, rng)
	topics := make([]*alias, cfg.Topics)
	for t := range topics {
		topics[t] = newAlias(byTopicW[t], rng)
	}
	counts := activity(cfg, rng)
	s.User = make([]int32, 0, cfg.Ratings)
	s.Item = make([]int32, 0, cfg.Ratings)
	s.Stars = make([]float32, 0, cfg.Ratings)
	seen := map[int32]bool{}
	for u, n := range counts {
		taste := []int{rng.IntN(cfg.Topics)}
		if rng.Float64() < 0.6 {
			taste = append(taste, rng.IntN(cfg.Topics))
		}
		s.Taste[u] = taste
		clear(seen)
		for tries := 0; len(seen) < n && tries < 50*n; tries++ {
			var i int32
			if rng.Float64() < cfg.Focus {
				t := taste[rng.IntN(len(taste))]
				if len(byTopic[t]) == 0 {
					continue
				}
				i = byTopic[t][topics[t].draw()]
			} else {
				i = all[global.draw()]
			}
			if seen[i] {
				continue
			}
			seen[i] = true
			liked := 0.0
			for _, t := range taste {
				if s.Topic[i] == t {
					liked = 1
				}
			}
			stars := math.Round(3 + liked + rng.NormFloat64())
			s.User = append(s.User, int32(u))
			s.Item = append(s.Item, i)
			s.Stars = append(s.Stars, float32(math.Max(1, math.Min(5, stars))))
		}
	}
	return s
}

// activity draws each user's number of ratings: log-normal, at least
// MinPerUser, scaled so the total is cfg.Ratings.
func activity(cfg Config, rng *rand.Rand) []int {
	raw := make([]float64, cfg.Users)
	var sum float64
	for u := range raw {
		raw[u] = math.Exp(rng.NormFloat64() * 0.9)
		sum += raw[u]
	}
	spare := float64(cfg.Ratings - cfg.MinPerUser*cfg.Users)
	out := make([]int, cfg.Users)
	total := 0
	limit := max(cfg.Items/2, cfg.MinPerUser)
	for u := range out {
		out[u] = min(cfg.MinPerUser+int(spare*raw[u]/sum), limit)
		total += out[u]
	}
	for u := 0; total < cfg.Ratings; u = (u + 1) % cfg.Users {
		if out[u] < limit {
			out[u]++
			total++
		}
	}
	return out
}

// alias is Walker's alias table for drawing from a discrete distribution
// in constant time.
type alias struct {
	prob  []float64
	alias []int
	rng   *rand.Rand
}

func newAlias(w []float64, rng *rand.Rand) *alias {
	n := len(w)
	a := &alias{prob: make([]float64, n), alias: make([]int, n), rng: rng}
	var sum float64
	for _, x := range w {
		sum += x
	}
	scaled := make([]float64, n)
	var small, large []int
	for i, x := range w {
		scaled[i] = x * float64(n) / sum
		if scaled[i] < 1 {
			small = append(small, i)
		} else {
			large = append(large, i)
		}
	}
	for len(small) > 0 && len(large) > 0 {
		s, l := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		a.prob[s], a.alias[s] = scaled[s], l
		scaled[l] -= 1 - scaled[s]
		if scaled[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	for _, i := range append(small, large...) {
		a.prob[i] = 1
	}
	return a
}

func (a *alias) draw() int {
	i := a.rng.IntN(len(a.prob))
	if a.rng.Float64() < a.prob[i] {
		return i
	}
	return a.alias[i]
}

// genres are the 100K release's genres (without "unknown").
var genres = []string{"Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama",
	"Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western"}

// Genres returns item i's genres: its topic's two signature genres, each
// with probability 0.7, and sometimes one at random, so genre carries
// some but not all of the taste signal.
func (s *Set) Genres(i int) []string {
	rng := rand.New(rand.NewPCG(s.Seed, uint64(i)))
	t := s.Topic[i]
	var out []string
	for _, g := range []int{t % len(genres), (t*7 + 3) % len(genres)} {
		if rng.Float64() < 0.7 {
			out = append(out, genres[g])
		}
	}
	if rng.Float64() < 0.3 || len(out) == 0 {
		out = append(out, genres[rng.IntN(len(genres))])
	}
	return out
}

// Title returns item i's generated title with its year, as MovieLens
// writes titles.
func (s *Set) Title(i int) string {
	return "Generated Film " + strconv.Itoa(i+1) + " (" + strconv.Itoa(s.Year[i]) + ")"
}
