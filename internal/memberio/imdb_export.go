package memberio

import (
	"context"
	"io"

	"marquee/internal/store"
)

// ExportIMDb writes member uid's ratings (ratings true) or watchlist as an
// IMDb CSV to w, and returns how many rows it wrote and the films it left
// out for want of an IMDb id (IMDb rows are keyed by it). The CLI and the
// API both call it.
func ExportIMDb(ctx context.Context, st *store.Store, uid int64, w io.Writer, ratings bool) (rows int, skipped []string, err error) {
	if !ratings {
		wl, err := st.Watchlist(ctx, uid)
		if err != nil {
			return 0, nil, err
		}
		if skipped, err = WriteIMDbWatchlist(w, wl); err != nil {
			return 0, nil, err
		}
		return len(wl) - len(skipped), skipped, nil
	}
	films, err := st.MemberFilms(ctx, uid)
	if err != nil {
		return 0, nil, err
	}
	if skipped, err = WriteIMDbRatings(w, films); err != nil {
		return 0, nil, err
	}
	for _, f := range films {
		if f.Rating != 0 {
			rows++
		}
	}
	return rows - len(skipped), skipped, nil
}
