package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"marquee/internal/catalog"
)

// readReview reads the decisions of a --review file; a file that does not
// exist yet has none.
func readReview(path string) (map[string]string, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("--review: %w", err)
	}
	defer f.Close()
	return catalog.ReadReview(f, path)
}

// writeReview replaces the --review file with this run's matches, keeping
// the decisions already made, through a temporary file so a failure never
// leaves half a review.
func writeReview(path string, matches []catalog.Match, prior map[string]string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".review-*.csv")
	if err != nil {
		return fmt.Errorf("--review: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := catalog.WriteReview(tmp, matches, prior); err != nil {
		tmp.Close()
		return fmt.Errorf("--review: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("--review: %w", err)
	}
	return os.Rename(tmp.Name(), path)
}
