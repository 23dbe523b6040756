package auth

import (
	"context"
	"strings"

	"marquee/internal/film"
	"marquee/internal/store"
)

// keyPrefix starts every API key, so a leaked one is recognisable.
const keyPrefix = "mq_"

// CreateAPIKey makes a key named name with scope "read" or "write" for
// the account and returns the key itself, which is shown once and never
// stored (only its SHA-256 is).
func (a *Service) CreateAPIKey(ctx context.Context, userID int64, name, scope string) (string, *store.APIKey, error) {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 100 {
		return "", nil, &film.ValidationError{Entity: "api key", Field: "name", Reason: "must be 1 to 100 characters"}
	}
	if scope != "read" && scope != "write" {
		return "", nil, &film.ValidationError{Entity: "api key", Field: "scope", Reason: `must be "read" or "write"`}
	}
	key := keyPrefix + newToken()
	k := &store.APIKey{UserID: userID, Name: name, KeyHash: hashToken(key), Prefix: key[:len(keyPrefix)+6], Scope: scope}
	if err := a.store.CreateAPIKey(ctx, k); err != nil {
		return "", nil, err
	}
	return key, k, nil
}
