package auth

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"marquee/internal/film"
	"marquee/internal/store"
)

// FormError is a refusal to show next to a form field, in words for the
// member.
type FormError struct {
	Field string // "username", "password", "display_name", "invite", …
	Msg   string
}

func (e *FormError) Error() string { return e.Msg }

// ErrBadCredentials is the one answer to a failed sign-in, whether the
// account is unknown, disabled or the password wrong.
var ErrBadCredentials = &FormError{Field: "password", Msg: "The username or password is wrong."}

// SignupMode is who may create an account.
type SignupMode string

// The sign-up modes.
const (
	SignupOpen   SignupMode = "open"   // anyone
	SignupInvite SignupMode = "invite" // with a single-use invite link
	SignupClosed SignupMode = "closed" // nobody; admins add accounts from the command line
)

const settingSignup = "signup_mode"

// SignupMode returns the current mode; invite-only until an admin picks.
func (a *Service) SignupMode(ctx context.Context) (SignupMode, error) {
	v, err := a.store.Setting(ctx, settingSignup, string(SignupInvite))
	return SignupMode(v), err
}

// SetSignupMode changes who may sign up.
func (a *Service) SetSignupMode(ctx context.Context, m SignupMode) error {
	switch m {
	case SignupOpen, SignupInvite, SignupClosed:
		return a.store.PutSetting(ctx, settingSignup, string(m))
	}
	return &FormError{Field: "mode", Msg: "The sign-up mode must be open, invite or closed."}
}

// NormalizeUsername lower-cases a username and checks it: 3 to 32
// letters, digits, '.', '_' or '-'.
func NormalizeUsername(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if n := len(s); n < 3 || n > 32 {
		return "", &FormError{Field: "username", Msg: "The username must be 3 to 32 characters long."}
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return "", &FormError{Field: "username", Msg: "The username may hold only letters a–z, digits, '.', '_' and '-'."}
		}
	}
	return s, nil
}

// CheckDisplayName trims a display name and checks it: at most 60
// characters, valid UTF-8, no control characters. Markup is allowed: it is
// escaped wherever the name is shown.
func CheckDisplayName(s string) (string, error) {
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) || utf8.RuneCountInString(s) > 60 {
		return "", &FormError{Field: "display_name", Msg: "The display name must be at most 60 characters."}
	}
	for _, c := range s {
		if unicode.IsControl(c) {
			return "", &FormError{Field: "display_name", Msg: "The display name must not hold control characters."}
		}
	}
	return s, nil
}

// SignUp is a request to create an account.
type SignUp struct {
	Username, Password, DisplayName string
	Invite                          string // the invite link's token, if any
	Address                         string // the caller's address, for throttling
}

// SignUp creates a member account as the sign-up mode allows: with an
// invite (whose role it takes) when the mode is invite-only, never when
// it is closed. Attempts are throttled per address.
func (a *Service) SignUp(ctx context.Context, in SignUp) (*User, error) {
	if err := a.check(ctx, limitSignup, in.Address); err != nil {
		return nil, err
	}
	if err := a.count(ctx, limitSignup, in.Address); err != nil {
		return nil, err
	}
	mode, err := a.SignupMode(ctx)
	if err != nil {
		return nil, err
	}
	switch {
	case mode == SignupClosed:
		return nil, &FormError{Field: "invite", Msg: "Sign-up is closed on this site."}
	case mode == SignupInvite && in.Invite == "":
		return nil, &FormError{Field: "invite", Msg: "Sign-up on this site needs an invite link."}
	}
	name, err := NormalizeUsername(in.Username)
	if err != nil {
		return nil, err
	}
	display, err := CheckDisplayName(in.DisplayName)
	if err != nil {
		return nil, err
	}
	if err := CheckPassword(in.Password, name); err != nil {
		return nil, &FormError{Field: "password", Msg: err.Error()}
	}
	hash, err := HashPassword(in.Password, a.opt.Params)
	if err != nil {
		return nil, err
	}
	row := &store.User{Username: name, DisplayName: display, PasswordHash: hash, Role: string(RoleMember)}
	if in.Invite != "" {
		err = a.store.CreateUserWithInvite(ctx, row, hashToken(in.Invite), a.now().Unix())
	} else {
		err = a.store.CreateUser(ctx, row)
	}
	switch {
	case errors.Is(err, film.ErrConflict):
		return nil, &FormError{Field: "username", Msg: "That username is taken."}
	case errors.Is(err, store.ErrTokenUsed):
		return nil, &FormError{Field: "invite", Msg: "This invite link is invalid, expired or already used."}
	case err != nil:
		return nil, err
	}
	return userFromRow(row), nil
}

// SignIn checks a username and password. Failures count against the
// account and the address; past their limits SignIn returns a
// *ThrottledError without checking the password. Unknown and disabled
// accounts cost the same argon2id work as a wrong password. A hash made
// under old parameters is replaced on success.
func (a *Service) SignIn(ctx context.Context, username, password, address string) (*User, error) {
	name := strings.ToLower(strings.TrimSpace(username))
	if len(name) > 64 {
		name = name[:64]
	}
	if err := a.check(ctx, limitAddress, address); err != nil {
		return nil, err
	}
	if err := a.check(ctx, limitAccount, name); err != nil {
		return nil, err
	}
	u, err := a.store.UserByName(ctx, name)
	if err != nil && !errors.Is(err, film.ErrNotFound) {
		return nil, err
	}
	dummy := a.dummyHash()
	hash := dummy
	if u != nil && !u.Disabled && u.PasswordHash != "" {
		hash = u.PasswordHash
	}
	ok, rehash := VerifyPassword(password, hash, a.opt.Params)
	if !ok || hash == dummy {
		if err := a.count(ctx, limitAccount, name); err != nil {
			return nil, err
		}
		if err := a.count(ctx, limitAddress, address); err != nil {
			return nil, err
		}
		return nil, ErrBadCredentials
	}
	if rehash {
		if h, err := HashPassword(password, a.opt.Params); err == nil {
			if err := a.store.SetUserPassword(ctx, u.ID, h); err != nil {
				return nil, err
			}
		}
	}
	if err := a.store.ClearAttempts(ctx, limitAccount.kind, name); err != nil {
		return nil, err
	}
	return userFromRow(u), nil
}

// ChangePassword replaces an account's password after checking the
// current one. The caller should then end the other sessions and rotate
// its own.
func (a *Service) ChangePassword(ctx context.Context, u *User, current, next string) error {
	row, err := a.store.UserByID(ctx, u.ID)
	if err != nil {
		return err
	}
	if ok, _ := VerifyPassword(current, row.PasswordHash, a.opt.Params); !ok {
		return &FormError{Field: "current", Msg: "The current password is wrong."}
	}
	if err := CheckPassword(next, row.Username); err != nil {
		return &FormError{Field: "password", Msg: err.Error()}
	}
	h, err := HashPassword(next, a.opt.Params)
	if err != nil {
		return err
	}
	return a.store.SetUserPassword(ctx, u.ID, h)
}

// SetPassword sets an account's password without the current one (the
// command line's reset).
func (a *Service) SetPassword(ctx context.Context, userID int64, username, pw string) error {
	if err := CheckPassword(pw, username); err != nil {
		return err
	}
	h, err := HashPassword(pw, a.opt.Params)
	if err != nil {
		return err
	}
	return a.store.SetUserPassword(ctx, userID, h)
}

// DeleteAccount deletes the caller's account after checking its password;
// with anonymise its content stays without an author, otherwise it goes.
// Its sessions and API keys go with it.
func (a *Service) DeleteAccount(ctx context.Context, u *User, password string, anonymise bool) error {
	row, err := a.store.UserByID(ctx, u.ID)
	if err != nil {
		return err
	}
	if ok, _ := VerifyPassword(password, row.PasswordHash, a.opt.Params); !ok {
		return &FormError{Field: "password", Msg: "The password is wrong."}
	}
	return a.store.DeleteUser(ctx, u.ID, anonymise)
}

// CreateInvite makes a single-use sign-up token for role, valid for ttl,
// and returns it; the link is /signup?invite=TOKEN.
func (a *Service) CreateInvite(ctx context.Context, createdBy string, role Role, ttl time.Duration) (string, error) {
	if !role.Valid() {
		return "", &FormError{Field: "role", Msg: "The role must be member, editor or admin."}
	}
	tok := newToken()
	in := &store.Invite{TokenHash: hashToken(tok), Role: string(role), CreatedBy: createdBy, ExpiresAt: a.now().Add(ttl).Unix()}
	return tok, a.store.CreateInvite(ctx, in)
}

// CheckInvite reports whether an invite token is live.
func (a *Service) CheckInvite(ctx context.Context, tok string) error {
	_, err := a.store.InviteByToken(ctx, hashToken(tok), a.now().Unix())
	return err
}

// CreateReset makes a one-time password-reset token for an account,
// valid for ttl; the link is /reset/TOKEN.
func (a *Service) CreateReset(ctx context.Context, userID int64, ttl time.Duration) (string, error) {
	tok := newToken()
	return tok, a.store.CreatePasswordReset(ctx, userID, hashToken(tok), a.now().Add(ttl).Unix())
}

// ResetUser returns the account a live reset token is for.
func (a *Service) ResetUser(ctx context.Context, tok string) (*User, error) {
	u, err := a.store.ResetUser(ctx, hashToken(tok), a.now().Unix())
	if err != nil {
		return nil, err
	}
	return userFromRow(u), nil
}

// ResetPassword spends a reset token: the account gets the new password
// and every one of its sessions ends. Attempts are throttled per address.
func (a *Service) ResetPassword(ctx context.Context, tok, pw, address string) (*User, error) {
	if err := a.check(ctx, limitReset, address); err != nil {
		return nil, err
	}
	if err := a.count(ctx, limitReset, address); err != nil {
		return nil, err
	}
	u, err := a.store.ResetUser(ctx, hashToken(tok), a.now().Unix())
	if err != nil {
		return nil, err
	}
	if err := CheckPassword(pw, u.Username); err != nil {
		return nil, &FormError{Field: "password", Msg: err.Error()}
	}
	h, err := HashPassword(pw, a.opt.Params)
	if err != nil {
		return nil, err
	}
	u, err = a.store.SpendPasswordReset(ctx, hashToken(tok), h, a.now().Unix())
	if err != nil {
		return nil, err
	}
	return userFromRow(u), nil
}
