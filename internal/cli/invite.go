package cli

import (
	"context"
	"fmt"
	"time"

	"marquee/internal/auth"
)

func runInviteCreate(ctx context.Context, c *cmdContext) error {
	role := c.flags.String("role", "member", "the role the invited account gets: member, editor or admin")
	ttl := c.flags.Duration("ttl", 7*24*time.Hour, "how long the link works")
	c.flags.StringVar(&c.cfg.BaseURL, "base-url", c.cfg.BaseURL, "public base URL to print the link under (env MARQUEE_BASE_URL)")
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 0 {
		return usageError("invite create takes no arguments")
	}
	if !auth.Role(*role).Valid() {
		return usageError("--role must be member, editor or admin, not %q", *role)
	}
	st, a, err := openAuth(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	tok, err := a.CreateInvite(ctx, actor, auth.Role(*role), *ttl)
	if err != nil {
		return err
	}
	if err := a.Audit(ctx, actor, "invite create", "invite", nil, map[string]string{"role": *role}); err != nil {
		return err
	}
	l := link(c.cfg.BaseURL, "/signup?invite="+tok)
	expires := time.Now().Add(*ttl).UTC()
	if c.json {
		return writeJSON(c.Out, map[string]any{"link": l, "role": *role, "expires_at": expires})
	}
	fmt.Fprintf(c.Out, "single-use invite link for a new %s, valid until %s:\n%s\n", *role, expires.Format(time.RFC3339), l)
	return nil
}

func runSignup(ctx context.Context, c *cmdContext) error {
	if err := c.parse(c.raw, true, false); err != nil {
		return err
	}
	if len(c.args) > 1 {
		return usageError("signup takes at most one argument: open, invite or closed")
	}
	st, a, err := openAuth(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	old, err := a.SignupMode(ctx)
	if err != nil {
		return err
	}
	if len(c.args) == 0 {
		fmt.Fprintf(c.Out, "sign-up is %s\n", old)
		return nil
	}
	mode := auth.SignupMode(c.args[0])
	if err := a.SetSignupMode(ctx, mode); err != nil {
		return usageError("%v", err)
	}
	if err := a.Audit(ctx, actor, "signup mode", "signup mode", string(old), string(mode)); err != nil {
		return err
	}
	fmt.Fprintf(c.Out, "sign-up is now %s (was %s)\n", mode, old)
	return nil
}
