package auth

import (
	"bufio"
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id's cost parameters.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
	KeyLen  uint32 // bytes of hash
	SaltLen uint32 // bytes of salt
}

// DefaultParams follow OWASP's first argon2id configuration (m=19 MiB,
// t=2, p=1), documented in docs/architecture.md. Changing them makes
// every stored hash be rehashed at its owner's next sign-in.
var DefaultParams = Params{Memory: 19 * 1024, Time: 2, Threads: 1, KeyLen: 32, SaltLen: 16}

// MinPasswordLen is the shortest password accepted, in characters.
const MinPasswordLen = 10

// MaxPasswordLen bounds what is hashed, in bytes.
const MaxPasswordLen = 1024

// ErrWeakPassword is matched by every refusal of CheckPassword.
var ErrWeakPassword = errors.New("password refused")

type weakPassword struct{ reason string }

func (e *weakPassword) Error() string        { return e.reason }
func (e *weakPassword) Is(target error) bool { return target == ErrWeakPassword }

//go:embed common_passwords.txt
var commonPasswordsText string

var (
	commonOnce sync.Once
	common     map[string]bool
)

func isCommon(pw string) bool {
	commonOnce.Do(func() {
		common = map[string]bool{}
		sc := bufio.NewScanner(strings.NewReader(commonPasswordsText))
		for sc.Scan() {
			if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
				common[l] = true
			}
		}
	})
	return common[strings.ToLower(pw)]
}

// CheckPassword refuses passwords under MinPasswordLen characters, over
// MaxPasswordLen bytes, equal to the username, or on the embedded list of
// common passwords. The error says why, in words for the member.
func CheckPassword(pw, username string) error {
	switch {
	case utf8.RuneCountInString(pw) < MinPasswordLen:
		return &weakPassword{fmt.Sprintf("The password must be at least %d characters long.", MinPasswordLen)}
	case len(pw) > MaxPasswordLen:
		return &weakPassword{fmt.Sprintf("The password must be at most %d bytes long.", MaxPasswordLen)}
	case strings.EqualFold(pw, username):
		return &weakPassword{"The password must not be the username."}
	case isCommon(pw):
		return &weakPassword{"That password is on the list of the most common passwords; choose another."}
	}
	return nil
}

// HashPassword returns pw hashed with argon2id under p, in the PHC string
// format: $argon2id$v=19$m=…,t=…,p=…$salt$hash.
func HashPassword(pw string, p Params) (string, error) {
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// decodeHash parses a PHC argon2id string.
func decodeHash(h string) (p Params, salt, key []byte, err error) {
	parts := strings.Split(h, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return p, nil, nil, errors.New("not an argon2id hash")
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, nil, nil, errors.New("unsupported argon2 version")
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, fmt.Errorf("argon2id parameters: %w", err)
	}
	enc := base64.RawStdEncoding
	if salt, err = enc.DecodeString(parts[4]); err != nil {
		return p, nil, nil, err
	}
	if key, err = enc.DecodeString(parts[5]); err != nil {
		return p, nil, nil, err
	}
	if p.Memory == 0 || p.Time == 0 || p.Threads == 0 || len(key) == 0 || p.Memory > 1<<22 {
		return p, nil, nil, errors.New("argon2id parameters out of range")
	}
	p.SaltLen, p.KeyLen = uint32(len(salt)), uint32(len(key))
	return p, salt, key, nil
}

// VerifyPassword reports whether pw matches the encoded hash, in constant
// time, and whether the hash was made under parameters other than want
// (so the caller should store a new one).
func VerifyPassword(pw, encoded string, want Params) (ok, rehash bool) {
	p, salt, key, err := decodeHash(encoded)
	if err != nil || len(pw) > MaxPasswordLen {
		return false, false
	}
	got := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	ok = subtle.ConstantTimeCompare(got, key) == 1
	return ok, ok && p != want
}
