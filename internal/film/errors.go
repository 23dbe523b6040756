package film

import (
	"errors"
	"fmt"
)

// ErrNotFound is returned (wrapped) by stores when an entity does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned (wrapped) when a write would break a uniqueness
// rule, such as a duplicate slug.
var ErrConflict = errors.New("already exists")

// ErrMissingRef is returned (wrapped) when a write names an entity that does
// not exist, such as a credit on an unknown film.
var ErrMissingRef = errors.New("refers to something that does not exist")

// ValidationError names the entity and field that failed validation.
type ValidationError struct {
	Entity string // "film", "person", …
	Field  string // JSON name of the field
	Reason string
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("invalid %s: %s %s", e.Entity, e.Field, e.Reason)
}

func invalid(entity, field, reason string) error {
	return &ValidationError{Entity: entity, Field: field, Reason: reason}
}

func invalidf(entity, field, format string, args ...any) error {
	return &ValidationError{Entity: entity, Field: field, Reason: fmt.Sprintf(format, args...)}
}

// NotFoundError says which entity was not found; it matches ErrNotFound
// with errors.Is.
type NotFoundError struct {
	Entity string
	Key    string
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("%s %q not found", e.Entity, e.Key) }

// Is makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// ConflictError says which entity and key already exist; it matches
// ErrConflict with errors.Is.
type ConflictError struct {
	Entity string
	Key    string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s %q already exists", e.Entity, e.Key)
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// MissingRefError says which referenced entity is missing; it matches
// ErrMissingRef with errors.Is.
type MissingRefError struct {
	Entity string // what was being written
	Ref    string // what it referred to, e.g. `film "no-such-film"`
}

func (e *MissingRefError) Error() string {
	return fmt.Sprintf("%s refers to %s, which does not exist", e.Entity, e.Ref)
}

// Is makes errors.Is(err, ErrMissingRef) true.
func (e *MissingRefError) Is(target error) bool { return target == ErrMissingRef }

// EditConflictError is an edit saved from a revision that is no longer the
// current one: another edit landed in between.
type EditConflictError struct {
	Film    string
	Base    int // the revision the edit started from
	Current int // the revision now current
}

func (e *EditConflictError) Error() string {
	return fmt.Sprintf("the dossier of %q was changed (revision %d) after this edit began from revision %d", e.Film, e.Current, e.Base)
}

// ForbiddenError is an action the rules do not allow this member, whoever
// they are signed in as: voting on their own theory, replying to a hidden
// comment, editing a protected dossier.
type ForbiddenError struct {
	Action string
	Reason string
}

func (e *ForbiddenError) Error() string { return "cannot " + e.Action + ": " + e.Reason }
