package cli

import (
	"context"
	"fmt"
	"strings"

	"marquee/internal/store"
)

// The theme editor's commands: until accounts exist, editors rename,
// merge and split themes from the command line. Each edit refreshes the
// answers of the films it touched.

func runThemesList(ctx context.Context, c *cmdContext) error {
	limit := c.flags.Int("limit", 100, "how many themes to print, most films first")
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) > 0 {
		return usageError("themes list takes no arguments")
	}
	st, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	ts, err := st.ThemeList(ctx, *limit)
	if err != nil {
		return err
	}
	if c.json {
		if ts == nil {
			ts = []store.ThemeSummary{}
		}
		return writeJSON(c.Out, ts)
	}
	for _, t := range ts {
		fmt.Fprintf(c.Out, "%-32s %-32s %-5s %d films\n", t.Slug, t.Name, t.Kind, t.Films)
	}
	return nil
}

func runThemesRename(ctx context.Context, c *cmdContext) error {
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 2 {
		return usageError("themes rename takes a theme's slug and its new name")
	}
	return themeEdit(ctx, c, []string{c.args[0]}, func(st *store.Store) (string, error) {
		return c.args[0], st.RenameTheme(ctx, c.args[0], c.args[1])
	})
}

func runThemesMerge(ctx context.Context, c *cmdContext) error {
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 2 {
		return usageError("themes merge takes the slug of the theme to fold in and the slug of the theme it joins")
	}
	return themeEdit(ctx, c, []string{c.args[0], c.args[1]}, func(st *store.Store) (string, error) {
		return c.args[1], st.MergeTheme(ctx, c.args[0], c.args[1])
	})
}

func runThemesSplit(ctx context.Context, c *cmdContext) error {
	films := c.flags.String("films", "", "comma-separated slugs of the films that move to the new theme")
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 2 {
		return usageError("themes split takes a theme's slug and the new theme's name, with --films")
	}
	var slugs []string
	for _, f := range strings.Split(*films, ",") {
		if f = strings.TrimSpace(f); f != "" {
			slugs = append(slugs, f)
		}
	}
	return themeEdit(ctx, c, []string{c.args[0]}, func(st *store.Store) (string, error) {
		return st.SplitTheme(ctx, c.args[0], c.args[1], slugs)
	})
}

// themeEdit runs one edit, then refreshes the answers of every film the
// themes named in before carried (read before the edit), and reports.
func themeEdit(ctx context.Context, c *cmdContext, before []string, edit func(*store.Store) (string, error)) error {
	st, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	var films []string
	for _, slug := range before {
		fs, _, err := st.ThemeFilms(ctx, slug, 100000, 0)
		if err != nil {
			return err
		}
		for _, f := range fs {
			films = append(films, f.Slug)
		}
	}
	result, err := edit(st)
	if err != nil {
		return err
	}
	if len(films) > 0 {
		if _, err := st.RefreshKnowledge(ctx, store.RefreshOptions{Films: dedupeStrings(films)}); err != nil {
			return fmt.Errorf("theme edited; refreshing its films' answers failed (run marquee knowledge refresh): %w", err)
		}
	}
	th, err := st.GetTheme(ctx, result)
	if err != nil {
		return err
	}
	_, total, err := st.ThemeFilms(ctx, result, 1, 0)
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.Out, store.ThemeSummary{Theme: *th, Films: total})
	}
	fmt.Fprintf(c.Out, "%s (%s): %d films\n", th.Name, th.Slug, total)
	return nil
}

func dedupeStrings(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
