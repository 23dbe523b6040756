package store

import (
	"fmt"

	"marquee/internal/film"
)

func notFoundErr(entity, key string) error {
	return &film.NotFoundError{Entity: entity, Key: key}
}

// wrap annotates err with what was being done, translating engine errors
// into domain errors first so callers can use errors.Is.
func (s *Store) wrap(err error, op, entity, key string) error {
	if err == nil {
		return nil
	}
	err = s.dialect.translate(err, entity, key)
	return fmt.Errorf("%s %s %q: %w", op, entity, key, err)
}
