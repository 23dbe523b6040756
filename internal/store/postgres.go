package store

import (
	"context"
	"errors"
)

// openPostgres is filled in by the PostgreSQL backend.
func openPostgres(ctx context.Context, dsn string) (*Store, error) {
	return nil, errors.New("open store: PostgreSQL support is not built yet; use a SQLite path")
}
