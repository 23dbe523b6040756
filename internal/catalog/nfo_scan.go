package catalog

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// nfoEntry is one film's NFO in a media library, with the pictures that
// sit beside it, best candidate first.
type nfoEntry struct {
	rel       string // slash-separated path under the library root, for reports
	abs       string
	dir       string // the film's folder (the parent of VIDEO_TS or BDMV)
	posters   []string
	backdrops []string
}

// nfoSkip is an NFO file the scan leaves out, with why.
type nfoSkip struct {
	rel, reason string
}

var imageExts = []string{".jpg", ".jpeg", ".png", ".webp"}

// scanLibrary finds the movie NFOs under root the way Kodi and Jellyfin
// name them: movie.nfo in a film's own folder, or <video name>.nfo beside
// the video (several films may share a folder that way). A folder with a
// movie.nfo uses it and ignores its other NFOs, as Kodi does. Hidden
// folders (.actors, .git) and Synology's @eaDir are not entered.
func scanLibrary(root string) ([]nfoEntry, []nfoSkip, error) {
	dirs := map[string][]string{} // folder → file names
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "@eaDir") {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0 {
			dirs[filepath.Dir(path)] = append(dirs[filepath.Dir(path)], name)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	var (
		entries []nfoEntry
		skips   []nfoSkip
	)
	for dir, names := range dirs {
		var nfos []string
		movieNFO := ""
		for _, n := range names {
			if strings.EqualFold(filepath.Ext(n), ".nfo") {
				nfos = append(nfos, n)
				if strings.EqualFold(n, "movie.nfo") {
					movieNFO = n
				}
			}
		}
		if len(nfos) == 0 {
			continue
		}
		sort.Strings(nfos)
		filmDir := dir
		if b := strings.ToUpper(filepath.Base(dir)); b == "VIDEO_TS" || b == "BDMV" {
			filmDir = filepath.Dir(dir)
		}
		pics := newFolderFiles(dir, names)
		if filmDir != dir {
			pics = pics.with(filmDir)
		}
		for _, n := range nfos {
			rel := relSlash(root, filepath.Join(dir, n))
			if movieNFO != "" && n != movieNFO {
				skips = append(skips, nfoSkip{rel, "overridden by movie.nfo in the same folder"})
				continue
			}
			base := strings.TrimSuffix(n, filepath.Ext(n))
			// Folder-wide names (poster.jpg) belong to a film only when it
			// has the folder to itself.
			shared := movieNFO != "" || len(nfos) == 1
			e := nfoEntry{rel: rel, abs: filepath.Join(dir, n), dir: filmDir}
			if movieNFO == "" {
				e.posters = pics.find(base+"-poster", base+"-folder", base+"-cover")
				e.backdrops = pics.find(base+"-fanart", base+"-backdrop")
			}
			if shared {
				e.posters = append(e.posters, pics.find("poster", "folder", "cover", "movie")...)
				// Jellyfin numbers further backdrops backdrop1.jpg, backdrop2.jpg…
				e.backdrops = append(e.backdrops, pics.find("fanart", "backdrop", "background", "backdrop1")...)
				if movieNFO != "" && len(e.posters) == 0 {
					e.posters = pics.suffixed("-poster")
				}
				if movieNFO != "" && len(e.backdrops) == 0 {
					e.backdrops = pics.suffixed("-fanart")
				}
				if movieNFO != "" && len(e.backdrops) == 0 { // Jellyfin's and Emby's name
					e.backdrops = pics.suffixed("-backdrop")
				}
			}
			entries = append(entries, e)
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].rel < entries[j].rel })
	sort.Slice(skips, func(i, j int) bool { return skips[i].rel < skips[j].rel })
	return entries, skips, nil
}

func relSlash(root, path string) string {
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

// folderFiles finds files in one or two folders by name, case folded.
type folderFiles struct {
	dirs  []string
	names []map[string]string // lower-case name → name on disk, per folder
}

func newFolderFiles(dir string, names []string) folderFiles {
	m := make(map[string]string, len(names))
	for _, n := range names {
		m[strings.ToLower(n)] = n
	}
	return folderFiles{dirs: []string{dir}, names: []map[string]string{m}}
}

// with adds a second folder, read from disk.
func (f folderFiles) with(dir string) folderFiles {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return f
	}
	m := map[string]string{}
	for _, e := range ents {
		if !e.IsDir() {
			m[strings.ToLower(e.Name())] = e.Name()
		}
	}
	f.dirs = append(f.dirs, dir)
	f.names = append(f.names, m)
	return f
}

// find returns the picture files named stem.jpg (.jpeg, .png, .webp)
// for each stem in order.
func (f folderFiles) find(stems ...string) []string {
	var out []string
	for _, stem := range stems {
		for i, m := range f.names {
			for _, ext := range imageExts {
				if n, ok := m[strings.ToLower(stem)+ext]; ok {
					out = append(out, filepath.Join(f.dirs[i], n))
				}
			}
		}
	}
	return out
}

// suffixed returns the pictures whose stem ends in suffix, when there is
// exactly one: a movie.nfo folder with "Red Rocket (2021)-poster.jpg".
func (f folderFiles) suffixed(suffix string) []string {
	var out []string
	for i, m := range f.names {
		for lower, n := range m {
			for _, ext := range imageExts {
				if strings.HasSuffix(lower, suffix+ext) {
					out = append(out, filepath.Join(f.dirs[i], n))
				}
			}
		}
	}
	if len(out) != 1 {
		return nil
	}
	return out
}

// actorImage finds an actor's picture where Kodi keeps them: the film
// folder's .actors/First_Last.jpg (or with spaces).
func actorImage(filmDir, name string) string {
	dir := filepath.Join(filmDir, ".actors")
	for _, stem := range []string{strings.ReplaceAll(name, " ", "_"), name} {
		for _, ext := range imageExts {
			p := filepath.Join(dir, stem+ext)
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				return p
			}
		}
	}
	return ""
}
