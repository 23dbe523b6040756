package catalog

import (
	"os"
	"path/filepath"
	"strings"

	"marquee/internal/film"
	"marquee/internal/store"
)

// person queues one person NFO: its biography, dates and place of birth,
// and the headshot beside it (folder.jpg, poster.jpg, or a <thumb> naming
// a file in the same folder). Two person NFOs naming the same IMDb id, or
// the same name without one, are one person: the second is a duplicate.
func (l *nfoLoad) person(p *PersonNFO, e nfoEntry) error {
	l.sum.PersonNFOs++
	key := "person:" + film.PersonSlug(p.Name)
	if p.IMDb != "" {
		key = "person:" + p.IMDb
	}
	if of, dup := l.seen[key]; dup {
		l.sum.Skipped = append(l.sum.Skipped, SkippedFile{e.rel, "names the same person as " + of})
		return nil
	}
	l.seen[key] = e.rel
	lp := store.LibraryPerson{
		File: e.rel,
		Name: p.Name,
		IMDb: p.IMDb,
		Bio: store.PersonBio{
			Biography:  p.Biography,
			Source:     "nfo:" + e.rel,
			BirthDate:  p.BirthDate,
			DeathDate:  p.DeathDate,
			Birthplace: p.Birthplace,
		},
	}
	for _, c := range append(personThumbs(e, p.Thumbs), e.posters...) {
		if img := l.pics.get(l, c, e); img != nil {
			lp.Picture, lp.PicFile = img, relSlash(l.sum.Dir, c)
			break
		}
	}
	l.people = append(l.people, lp)
	return nil
}

// personThumbs are the <thumb> values that name a picture file in the
// person's own folder (a bare file name or a path under it); URLs and
// paths elsewhere on the disk are not read.
func personThumbs(e nfoEntry, thumbs []string) []string {
	dir := filepath.Dir(e.abs)
	var out []string
	for _, t := range thumbs {
		if strings.Contains(t, "://") || filepath.IsAbs(t) || strings.HasPrefix(t, "/") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(t))
		if rel, err := filepath.Rel(dir, p); err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			out = append(out, p)
		}
	}
	return out
}
