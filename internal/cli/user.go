package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"marquee/internal/auth"
	"marquee/internal/film"
	"marquee/internal/store"
)

// actor names the command line in the audit log.
const actor = "command line"

// openAuth opens the store and an accounts service on it.
func openAuth(ctx context.Context, c *cmdContext) (*store.Store, *auth.Service, error) {
	st, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return nil, nil, err
	}
	return st, auth.New(st, auth.Options{BaseURL: c.cfg.BaseURL}), nil
}

// readPassword asks for a password twice on a terminal, or reads the
// first line of standard input when it is not one.
func readPassword(c *cmdContext) (string, error) {
	if f, ok := c.In.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(c.Err, "Password: ")
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(c.Err)
		if err != nil {
			return "", err
		}
		fmt.Fprint(c.Err, "Again: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(c.Err)
		if err != nil {
			return "", err
		}
		if string(a) != string(b) {
			return "", errors.New("the two passwords differ")
		}
		return string(a), nil
	}
	line, err := bufio.NewReader(c.In).ReadString('\n')
	if err != nil && line == "" {
		return "", errors.New("no password on standard input (the first line is read)")
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func runUserAdd(ctx context.Context, c *cmdContext) error {
	role := c.flags.String("role", "member", "the account's role: member, editor or admin")
	display := c.flags.String("display-name", "", "the name shown for the account")
	if err := c.parse(c.raw, true, false); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("user add takes one argument, the username")
	}
	if !auth.Role(*role).Valid() {
		return usageError("--role must be member, editor or admin, not %q", *role)
	}
	name, err := auth.NormalizeUsername(c.args[0])
	if err != nil {
		return err
	}
	dn, err := auth.CheckDisplayName(*display)
	if err != nil {
		return err
	}
	pw, err := readPassword(c)
	if err != nil {
		return err
	}
	if err := auth.CheckPassword(pw, name); err != nil {
		return err
	}
	hash, err := auth.HashPassword(pw, auth.DefaultParams)
	if err != nil {
		return err
	}
	st, a, err := openAuth(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	u := &store.User{Username: name, DisplayName: dn, PasswordHash: hash, Role: *role}
	if err := st.CreateUser(ctx, u); err != nil {
		if errors.Is(err, film.ErrConflict) {
			return fmt.Errorf("the username %q is taken", name)
		}
		return err
	}
	if err := a.Audit(ctx, actor, "user add", fmt.Sprintf("user %d", u.ID), nil, map[string]string{"username": name, "role": *role}); err != nil {
		return err
	}
	fmt.Fprintf(c.Out, "added %s (%s)\n", name, *role)
	return nil
}

// userJSON is an account as `user list --json` prints it.
type userJSON struct {
	ID          int64     `json:"id"`
	Username    string    `json:"username"`
	DisplayName string    `json:"display_name"`
	Role        string    `json:"role"`
	Disabled    bool      `json:"disabled"`
	CreatedAt   time.Time `json:"created_at"`
}

func runUserList(ctx context.Context, c *cmdContext) error {
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 0 {
		return usageError("user list takes no arguments")
	}
	st, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	users, err := st.ListUsers(ctx)
	if err != nil {
		return err
	}
	out := make([]userJSON, len(users))
	for i, u := range users {
		out[i] = userJSON{u.ID, u.Username, u.DisplayName, u.Role, u.Disabled, time.Unix(u.CreatedAt, 0).UTC()}
	}
	if c.json {
		return writeJSON(c.Out, out)
	}
	tw := tabwriter.NewWriter(c.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "USERNAME\tROLE\tSTATUS\tCREATED\tDISPLAY NAME")
	for _, u := range out {
		status := "active"
		if u.Disabled {
			status = "disabled"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Username, u.Role, status, u.CreatedAt.Format("2006-01-02"), u.DisplayName)
	}
	return tw.Flush()
}

// namedUser finds the account named by the command's first argument.
func namedUser(ctx context.Context, st *store.Store, name string) (*store.User, error) {
	u, err := st.UserByName(ctx, strings.ToLower(strings.TrimSpace(name)))
	if errors.Is(err, film.ErrNotFound) {
		return nil, fmt.Errorf("no account named %q", name)
	}
	return u, err
}

func runUserRole(ctx context.Context, c *cmdContext) error {
	if err := c.parse(c.raw, true, false); err != nil {
		return err
	}
	if len(c.args) != 2 {
		return usageError("user role takes two arguments, the username and the role")
	}
	role := auth.Role(c.args[1])
	if !role.Valid() {
		return usageError("the role must be member, editor or admin, not %q", c.args[1])
	}
	st, a, err := openAuth(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := namedUser(ctx, st, c.args[0])
	if err != nil {
		return err
	}
	if err := st.SetUserRole(ctx, u.ID, string(role)); err != nil {
		return err
	}
	if err := a.Audit(ctx, actor, "user role", fmt.Sprintf("user %d", u.ID), map[string]string{"role": u.Role}, map[string]string{"role": string(role)}); err != nil {
		return err
	}
	fmt.Fprintf(c.Out, "%s is now %s; their sessions were signed out\n", u.Username, role)
	return nil
}

func runUserDisable(ctx context.Context, c *cmdContext) error {
	enable := c.flags.Bool("enable", false, "enable the account again instead")
	if err := c.parse(c.raw, true, false); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("user disable takes one argument, the username")
	}
	st, a, err := openAuth(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := namedUser(ctx, st, c.args[0])
	if err != nil {
		return err
	}
	if err := st.SetUserDisabled(ctx, u.ID, !*enable); err != nil {
		return err
	}
	if err := a.Audit(ctx, actor, "user disable", fmt.Sprintf("user %d", u.ID), map[string]bool{"disabled": u.Disabled}, map[string]bool{"disabled": !*enable}); err != nil {
		return err
	}
	if *enable {
		fmt.Fprintf(c.Out, "%s is enabled\n", u.Username)
	} else {
		fmt.Fprintf(c.Out, "%s is disabled; their sessions were signed out\n", u.Username)
	}
	return nil
}

// link makes an absolute link when a base URL is known, else a path.
func link(base, path string) string {
	return strings.TrimRight(base, "/") + path
}

func runUserReset(ctx context.Context, c *cmdContext) error {
	ttl := c.flags.Duration("ttl", 24*time.Hour, "how long the link works")
	c.flags.StringVar(&c.cfg.BaseURL, "base-url", c.cfg.BaseURL, "public base URL to print the link under (env MARQUEE_BASE_URL)")
	if err := c.parse(c.raw, true, false); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("user reset takes one argument, the username")
	}
	st, a, err := openAuth(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := namedUser(ctx, st, c.args[0])
	if err != nil {
		return err
	}
	tok, err := a.CreateReset(ctx, u.ID, *ttl)
	if err != nil {
		return err
	}
	if err := a.Audit(ctx, actor, "user reset", fmt.Sprintf("user %d", u.ID), nil, map[string]string{"expires": time.Now().Add(*ttl).UTC().Format(time.RFC3339)}); err != nil {
		return err
	}
	fmt.Fprintf(c.Out, "one-time password reset link for %s, valid for %s:\n%s\n", u.Username, *ttl, link(c.cfg.BaseURL, "/reset/"+tok))
	return nil
}
