package catalog

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"marquee/internal/film"
	"marquee/internal/store"
)

// ImagesSummary is the outcome of an image-folder import.
type ImagesSummary struct {
	Source    string        `json:"source"`
	Dir       string        `json:"dir"`
	DryRun    bool          `json:"dry_run"`
	Files     int           `json:"files"`   // picture files seen
	Ignored   []SkippedFile `json:"ignored"` // files that are not named like pictures
	Unmatched []SkippedFile `json:"unmatched"`
	Images    ImageCounts   `json:"images"`
	Elapsed   time.Duration `json:"elapsed_ns"`
}

// pictureNameRe reads a picture's name: an IMDb id or a slug, then its
// kind after "-", "_" or "." as media managers write them (Kodi's
// tt0133093-poster.jpg, tinyMediaManager's tt0133093_fanart.jpg,
// Plex's "background"), including Kodi's artwork kinds that Marquee does
// not keep (banner, clearlogo, …), so those are named as such rather than
// taken for part of a slug.
var pictureNameRe = regexp.MustCompile(`^(tt[0-9]{7,10}|nm[0-9]{7,10}|[a-z0-9]+(?:-[a-z0-9]+)*?)` +
	`(?:[-_.](poster|cover|folder|backdrop|fanart|background|headshot|` +
	`banner|clearlogo|logo|clearart|discart|disc|landscape|thumb|keyart|characterart))?$`)

// pictureKinds maps a name's kind to the picture it is; kinds absent here
// are artwork Marquee does not keep.
var pictureKinds = map[string]string{"": "", "poster": store.KindPoster, "cover": store.KindPoster, "folder": store.KindPoster,
	"backdrop": store.KindBackdrop, "fanart": store.KindBackdrop, "background": store.KindBackdrop, "headshot": "headshot"}

// ImportImages files the pictures in dir (and its subfolders) named by
// IMDb id or slug: tt5649144.jpg or tt5649144-poster.jpg (or _poster,
// -cover) is a film's poster, tt5649144-backdrop.jpg (or -fanart,
// -background) its backdrop, nm0048980.jpg a person's headshot,
// red-rocket-2021-poster.jpg and sean-baker.jpg the same by slug. Every picture is validated; a refused or unmatched file is
// named in the summary and the rest are stored, all in one transaction.
func ImportImages(ctx context.Context, st *store.Store, dir string, opts Options) (*ImagesSummary, error) {
	start := time.Now()
	sum := &ImagesSummary{Source: "images", Dir: dir, DryRun: opts.DryRun, Ignored: []SkippedFile{},
		Unmatched: []SkippedFile{}, Images: newImageCounts()}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("images %s: not a readable directory", dir)
	}
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("images %s: %w", dir, err)
	}
	slices.Sort(paths)
	var (
		pics   []store.Picture
		claims = map[string]string{} // target → file
	)
	for i, p := range paths {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		rel := relSlash(dir, p)
		pic, why, err := pictureTarget(ctx, st, p)
		if err != nil {
			return sum, err
		}
		switch {
		case why == "ignored":
			sum.Ignored = append(sum.Ignored, SkippedFile{rel, "not named NAME.jpg, .jpeg, .png or .webp"})
			continue
		case why != "":
			sum.Files++
			sum.Unmatched = append(sum.Unmatched, SkippedFile{rel, why})
			continue
		}
		sum.Files++
		target := pic.FilmSlug + "/" + pic.Kind + "|" + pic.PersonSlug
		if of, ok := claims[target]; ok {
			sum.Unmatched = append(sum.Unmatched, SkippedFile{rel, "the same picture slot as " + of})
			continue
		}
		img, err := preparePicture(p)
		if err != nil {
			sum.Images.refuse(rel, err)
			continue
		}
		claims[target] = rel
		pic.Image, pic.Source = img, rel
		pics = append(pics, pic)
		if opts.Progress != nil {
			select {
			case opts.Progress <- Progress{File: "images", Phase: "load", Rows: int64(i + 1), Bytes: int64(i + 1), Size: int64(len(paths))}:
			default:
			}
		}
	}
	if !opts.DryRun && len(pics) > 0 {
		res, err := st.PutPictures(ctx, pics)
		if err != nil {
			sum.Elapsed = time.Since(start)
			return sum, fmt.Errorf("nothing was imported: %w", err)
		}
		sum.Images.add(res)
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// pictureTarget reads what a file's name says it pictures. why is
// "ignored" for a file not named like a picture, or says why the name
// matches nothing in the catalog.
func pictureTarget(ctx context.Context, st *store.Store, path string) (pic store.Picture, why string, err error) {
	ext := strings.ToLower(filepath.Ext(path))
	if !slices.Contains(imageExts, ext) {
		return pic, "ignored", nil
	}
	stem := strings.ToLower(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	m := pictureNameRe.FindStringSubmatch(stem)
	if m == nil {
		return pic, "name is neither an IMDb id (tt…, nm…) nor a slug", nil
	}
	key, kind := m[1], m[2]
	if kind != "" && !strings.HasPrefix(key, "tt") && !strings.HasPrefix(key, "nm") {
		// "franklin-cover", "bob-banner": a whole name that is a slug wins
		// over a kind read off its end.
		if whole, err := slugExists(ctx, st, stem); err != nil || whole {
			key, kind = stem, ""
			if err != nil {
				return pic, "", err
			}
		}
	}
	if k, ok := pictureKinds[kind]; ok {
		kind = k
	} else {
		return pic, "a " + kind + " picture: Marquee keeps posters, backdrops and headshots", nil
	}
	person := func(p *film.Person) (store.Picture, string, error) {
		if kind != "" && kind != "headshot" {
			return pic, "a " + kind + " of a person: people have headshots", nil
		}
		return store.Picture{PersonSlug: p.Slug}, "", nil
	}
	filmPic := func(f *film.Film) (store.Picture, string, error) {
		if kind == "headshot" {
			return pic, "a headshot of a film: films have posters and backdrops", nil
		}
		if kind == "" {
			kind = store.KindPoster
		}
		return store.Picture{FilmSlug: f.Slug, Kind: kind}, "", nil
	}
	switch {
	case strings.HasPrefix(key, "tt") && imdbIDRe.MatchString(key):
		f, err := st.FilmByIMDb(ctx, key)
		if errors.Is(err, film.ErrNotFound) {
			return pic, "no film with IMDb id " + key, nil
		}
		if err != nil {
			return pic, "", err
		}
		return filmPic(f)
	case strings.HasPrefix(key, "nm") && len(key) >= 9 && strings.Trim(key[2:], "0123456789") == "":
		p, err := st.PersonByIMDb(ctx, key)
		if errors.Is(err, film.ErrNotFound) {
			return pic, "no person with IMDb id " + key, nil
		}
		if err != nil {
			return pic, "", err
		}
		return person(p)
	}
	f, ferr := st.GetFilm(ctx, key)
	p, perr := st.GetPerson(ctx, key)
	for _, e := range []error{ferr, perr} {
		if e != nil && !errors.Is(e, film.ErrNotFound) {
			return pic, "", e
		}
	}
	switch {
	case ferr == nil && perr == nil && kind == "":
		return pic, "slug " + key + " names both a film and a person; add -poster or -headshot", nil
	case ferr == nil && kind != "headshot":
		return filmPic(f)
	case perr == nil:
		return person(p)
	case ferr == nil:
		return filmPic(f)
	}
	return pic, "no film or person with slug " + key, nil
}

// slugExists reports whether slug names a film or a person.
func slugExists(ctx context.Context, st *store.Store, slug string) (bool, error) {
	for _, get := range []func() error{
		func() error { _, err := st.GetFilm(ctx, slug); return err },
		func() error { _, err := st.GetPerson(ctx, slug); return err },
	} {
		switch err := get(); {
		case err == nil:
			return true, nil
		case !errors.Is(err, film.ErrNotFound):
			return false, err
		}
	}
	return false, nil
}
