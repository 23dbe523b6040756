package cli

import (
	"context"
	"fmt"
	"time"

	"marquee/internal/catalog"
	"marquee/internal/recommend"
	"marquee/internal/store"
)

// rebuildSimilarAfterImport rebuilds every similar list after an import
// that changed what they are computed from (ratings, credits), so the
// site's "More like this" and recommendations take it in. An import
// touches thousands of films at once, so the whole build is the refresh.
// always is false for catalog imports: they rebuild only a catalog whose
// lists were built before (a fresh IMDb load is followed by the ratings
// import, which builds them, or by `marquee recommend build`). An import
// that wrote nothing (every row unchanged) changes no list.
func rebuildSimilarAfterImport(ctx context.Context, c *cmdContext, st *store.Store, sum *catalog.Summary, always bool) error {
	if sum == nil || !sum.Committed || sum.Imported+sum.Updated+sum.CreditsReplaced == 0 {
		return nil
	}
	if !always {
		built, err := st.SimilarListsBuilt(ctx)
		if err != nil || !built {
			return err
		}
	}
	opt := recommend.DefaultOptions()
	opt.Progress = stageProgress(c.Err, c.IsTTY)
	start := time.Now()
	stats, err := recommend.Rebuild(ctx, st, opt)
	if err != nil {
		return fmt.Errorf("the import committed, but rebuilding the similar lists failed (run 'marquee recommend build'): %w", err)
	}
	fmt.Fprintf(c.Err, "similar lists rebuilt: %d films, %d entries, from %d ratings by %d people, in %s\n",
		stats.Films, stats.Rows, stats.Ratings, stats.Users, time.Since(start).Round(time.Millisecond))
	return nil
}
