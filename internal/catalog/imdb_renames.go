package catalog

import (
	"context"
	"strconv"

	"marquee/internal/store"
)

// filmRename is a film already in the catalog whose title or year in this
// import gives it another slug than the one it has.
type filmRename struct {
	id          int64
	title, imdb string
	year        int
}

// slugChoices is film.SlugChoices over the fast slugify: the slugs a film
// may have, best first.
func slugChoices(title string, year int, imdb string, id int64) []string {
	s := filmSlug(title, year)
	out := []string{s}
	if imdb != "" {
		out = append(out, s+"-"+imdb)
	}
	return append(out, s+"-"+strconv.FormatInt(id, 10))
}

// noteRename remembers an existing film whose slug no longer matches its
// title and year, for renameFilms.
func (l *imdbLoad) noteRename(id int64, title string, year int, imdb string) {
	if l.filmSlugs == nil || l.filmSlugs.holds(id, slugChoices(title, year, imdb, id)) {
		return
	}
	l.renames = append(l.renames, filmRename{id: id, title: title, imdb: imdb, year: year})
}

// renameFilms gives each renamed film the slug its new title and year
// make, so a URL never keeps a title IMDb dropped ("untitled-spider-man-
// reboot-2017" for "Spider-Man: Homecoming"), and keeps the old slug in
// slug_history, where the site and the API answer 301 to the new one. It
// runs once the indexes are back, so each check is an index lookup; a
// slug another film holds is skipped for the next choice (IMDb id, then
// row id), as store.RenameFilm does (store.BulkRenameFilm).
func (l *imdbLoad) renameFilms(ctx context.Context) error {
	if l.w == nil || len(l.renames) == 0 {
		return nil
	}
	l.opts.log().Info("renaming films", "films", len(l.renames))
	for _, r := range l.renames {
		renamed, err := store.BulkRenameFilm(ctx, l.w, r.id, slugChoices(r.title, r.year, r.imdb, r.id), l.now)
		if err != nil {
			return err
		}
		if renamed {
			l.sum.FilmsRenamed++
		}
	}
	l.renames = nil
	return nil
}
