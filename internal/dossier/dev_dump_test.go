package dossier

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestDevDump(t *testing.T) {
	dir := os.Getenv("DEVDUMP")
	if dir == "" {
		t.Skip("set DEVDUMP to a testdata folder (dev, real) to print what Parse reads in it")
	}
	files, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
	for _, f := range files {
		src, _ := os.ReadFile(f)
		d, err := Parse(filepath.Base(f), src, nil)
		if err != nil {
			fmt.Printf("== %s: ERROR %v\n", f, err)
			continue
		}
		type sec struct {
			K, H string
			N    int
		}
		var ss []sec
		for _, s := range d.Sections {
			ss = append(ss, sec{string(s.Kind), s.Heading, len(s.Text)})
		}
		out, _ := json.Marshal(map[string]any{"format": d.Format, "film": d.Film, "title": d.Title, "sections": ss, "faq": d.FAQ, "interview": d.Interview, "cast": d.Cast, "quotes": d.Quotes, "mentions": d.Mentions, "facts": d.Facts, "noise": len(d.Noise), "refs": len(d.References), "warn": d.Warnings})
		fmt.Printf("== %s\n%s\n", f, out)
	}
}
