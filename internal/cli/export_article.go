package cli

import (
	"context"

	"marquee/internal/dossier"
	"marquee/internal/film"
	"marquee/internal/store"
)

func runExportArticle(ctx context.Context, c *cmdContext) error {
	format := c.flags.String("format", "text", "output format: text, markdown, html or json")
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if c.json {
		*format = "json"
	}
	if len(c.args) != 1 {
		return usageError("name one film slug, e.g. red-rocket-2021")
	}
	switch *format {
	case "text", "markdown", "md", "html", "json":
	default:
		return usageError("--format %q must be text, markdown, html or json", *format)
	}
	st, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	slug := c.args[0]
	rec, err := st.GetFilmRecord(ctx, slug, store.FilmRecordOptions{Dossier: func(int, int64) bool { return true }})
	if err != nil {
		return err
	}
	d := rec.Dossier
	if d == nil {
		return &film.NotFoundError{Entity: "dossier", Key: slug}
	}
	f := rec.Film
	d.Film.Slug, d.Film.Title, d.Film.Year, d.Film.Directors = f.Slug, f.Title, f.Year, rec.Directors()
	var out []byte
	switch *format {
	case "text":
		out = dossier.RenderText(d)
	case "markdown", "md":
		out = dossier.RenderMarkdown(d)
	case "html":
		out = dossier.RenderHTML(d)
	case "json":
		if out, err = dossier.RenderJSON(d); err != nil {
			return err
		}
		out = append(out, '\n')
	}
	_, err = c.Out.Write(out)
	return err
}
