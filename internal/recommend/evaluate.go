package recommend

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"
)

// Tuning grids, searched on the validation split.
var (
	knnKs       = []int{20, 50, 100, 200}
	knnShrinks  = []float32{0, 10, 50}
	easeLambdas = []float64{50, 200, 500, 1500}
	listWeights = []float32{0, 0.1, 0.2, 0.3, 0.5, 0.7, 1}
	blendGrid   = [4][]float32{
		{0, 0.5, 1},          // EASE
		{0, 0.25, 0.5, 1},    // item-kNN
		{0, 0.05, 0.1, 0.25}, // content
		{0, 0.02, 0.05, 0.1}, // popularity
	}
)

const (
	contentK       = 100 // content neighbours per item in the evaluation
	maxTuningUsers = 1500
)

// Evaluate runs the protocol on ds: most popular, item-kNN, content
// only, EASE^R (when the items fit), the stored-list blend (content and
// item-kNN lists merged per film, as the site stores them) and the
// blended recommender, all on the same split in one run.
func Evaluate(ctx context.Context, ds *Dataset, opt EvalOptions) (*EvalReport, error) {
	if opt.Split == 0 {
		opt.Split = 0.8
	}
	if opt.TopN == 0 {
		opt.TopN = 10
	}
	say := func(s string) {
		if opt.Progress != nil {
			opt.Progress(s)
		}
	}
	full := NewMatrix(ds.Users, ds.Items, ds.Ratings)
	train, test, err := Split(full, opt.Split, opt.Seed)
	if err != nil {
		return nil, err
	}
	rep := &EvalReport{Protocol: protocol, Split: opt.Split, Seed: opt.Seed, Users: ds.Users, Items: ds.Items,
		Ratings: full.NNZ(), TrainRatings: train.NNZ(), TestRatings: full.NNZ() - train.NNZ(), TestUsers: len(allUsers(test))}
	content := NewContent(ds.Films)
	say("tuning on the validation split")
	rep.Chosen, err = tune(ctx, train, content, opt)
	if err != nil {
		return nil, err
	}
	users := allUsers(test)
	run := func(name, params string, fit func() (ranker, error)) error {
		say("fitting " + name)
		start := time.Now()
		r, err := fit()
		if err != nil {
			return err
		}
		secs := since(start)
		say("measuring " + name)
		m, err := measure(ctx, r, train, test, users, opt.TopN, opt.Workers)
		if err != nil {
			return err
		}
		rep.Models = append(rep.Models, ModelScore{Name: name, Recall: m.recall, NDCG: m.ndcg, Precision: m.precision, Params: params, Seconds: secs})
		return nil
	}
	fitted := &fittedModels{}
	c := rep.Chosen
	steps := []struct {
		name, params string
		fit          func() (ranker, error)
	}{
		{"most popular", "", func() (ranker, error) { fitted.pop = newPopular(train); return fitted.pop, nil }},
		{"item-kNN", fmt.Sprintf("cosine, k=%d, shrink=%g", c.KNNK, c.KNNShrink), func() (ranker, error) {
			nb, err := ItemKNN(ctx, train, KNNOptions{K: c.KNNK, Shrink: c.KNNShrink, Workers: opt.Workers})
			fitted.knn = byNeighbours{nb}
			return fitted.knn, err
		}},
		{"content only", fmt.Sprintf("IDF-weighted cosine, k=%d", contentK), func() (ranker, error) {
			nb, err := content.Neighbours(ctx, ContentOptions{K: contentK, Workers: opt.Workers})
			fitted.content = byNeighbours{nb}
			return fitted.content, err
		}},
		{"stored lists (content + item-kNN)", fmt.Sprintf("content weight %g", c.ListContentW), func() (ranker, error) {
			return byNeighbours{listBlend(fitted.knn.nb, fitted.content.nb, c.ListContentW, c.KNNK)}, nil
		}},
	}
	if train.Items <= MaxEASEItems {
		steps = append(steps, struct {
			name, params string
			fit          func() (ranker, error)
		}{"EASE^R", fmt.Sprintf("λ=%g", c.EASELambda), func() (ranker, error) {
			e, err := FitEASE(ctx, train, c.EASELambda, opt.Workers)
			fitted.ease = byEASE{e}
			return fitted.ease, err
		}})
	}
	steps = append(steps, struct {
		name, params string
		fit          func() (ranker, error)
	}{"blend", fmt.Sprintf("weights EASE %g, item-kNN %g, content %g, popularity %g", c.BlendWeights[0], c.BlendWeights[1], c.BlendWeights[2], c.BlendWeights[3]),
		func() (ranker, error) { return fitted.blend(c.BlendWeights), nil }})
	for _, s := range steps {
		if err := run(s.name, s.params, s.fit); err != nil {
			return nil, fmt.Errorf("evaluate %s: %w", s.name, err)
		}
	}
	return rep, nil
}

type fittedModels struct {
	pop     popular
	knn     byNeighbours
	content byNeighbours
	ease    ranker
}

func (f *fittedModels) blend(w [4]float32) ranker {
	parts := []ranker{f.ease, f.knn, f.content, f.pop}
	if f.ease == nil {
		parts[0], w[0] = f.knn, 0
	}
	return blend{parts: parts, weights: w[:]}
}

// tune splits train again and picks, on that validation split only,
// item-kNN's k and shrinkage, EASE's λ, the stored lists' content weight
// and the blend's weights, each by NDCG@10.
func tune(ctx context.Context, train *Matrix, content *Content, opt EvalOptions) (Chosen, error) {
	var c Chosen
	sub, valid, err := Split(train, opt.Split, opt.Seed+1)
	if err != nil {
		return c, fmt.Errorf("validation %w", err)
	}
	users := allUsers(valid)
	if len(users) > maxTuningUsers {
		rng := rand.New(rand.NewPCG(opt.Seed+2, 7))
		rng.Shuffle(len(users), func(a, b int) { users[a], users[b] = users[b], users[a] })
		users = users[:maxTuningUsers]
	}
	ndcg := func(r ranker) (float64, error) {
		m, err := measure(ctx, r, sub, valid, users, opt.TopN, opt.Workers)
		return m.ndcg, err
	}
	best := -1.0
	var knn Neighbours
	for _, k := range knnKs {
		for _, sh := range knnShrinks {
			nb, err := ItemKNN(ctx, sub, KNNOptions{K: k, Shrink: sh, Workers: opt.Workers})
			if err != nil {
				return c, err
			}
			v, err := ndcg(byNeighbours{nb})
			if err != nil {
				return c, err
			}
			if v > best {
				best, c.KNNK, c.KNNShrink, knn = v, k, sh, nb
			}
		}
	}
	cont, err := content.Neighbours(ctx, ContentOptions{K: contentK, Workers: opt.Workers})
	if err != nil {
		return c, err
	}
	best = -1
	for _, w := range listWeights {
		v, err := ndcg(byNeighbours{listBlend(knn, cont, w, c.KNNK)})
		if err != nil {
			return c, err
		}
		if v > best {
			best, c.ListContentW = v, w
		}
	}
	f := &fittedModels{pop: newPopular(sub), knn: byNeighbours{knn}, content: byNeighbours{cont}}
	if sub.Items <= MaxEASEItems {
		best = -1
		for _, l := range easeLambdas {
			e, err := FitEASE(ctx, sub, l, opt.Workers)
			if err != nil {
				return c, err
			}
			v, err := ndcg(byEASE{e})
			if err != nil {
				return c, err
			}
			if v > best {
				best, c.EASELambda, f.ease = v, l, byEASE{e}
			}
		}
	}
	c.ValidationNDC, c.BlendWeights, err = tuneBlend(ctx, f, sub, valid, users, opt)
	return c, err
}

// fit fits the blended recommender on train with the chosen parameters.
func fit(ctx context.Context, train *Matrix, content *Content, c Chosen, opt EvalOptions) (ranker, error) {
	f := &fittedModels{pop: newPopular(train)}
	nb, err := ItemKNN(ctx, train, KNNOptions{K: c.KNNK, Shrink: c.KNNShrink, Workers: opt.Workers})
	if err != nil {
		return nil, err
	}
	f.knn = byNeighbours{nb}
	if nb, err = content.Neighbours(ctx, ContentOptions{K: contentK, Workers: opt.Workers}); err != nil {
		return nil, err
	}
	f.content = byNeighbours{nb}
	if train.Items <= MaxEASEItems {
		e, err := FitEASE(ctx, train, c.EASELambda, opt.Workers)
		if err != nil {
			return nil, err
		}
		f.ease = byEASE{e}
	}
	return f.blend(c.BlendWeights), nil
}
