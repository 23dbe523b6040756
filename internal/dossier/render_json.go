package dossier

import (
	"encoding/json"

	"marquee/internal/film"
)

// RenderJSON encodes d as indented JSON with the film types' own field
// names. Empty lists come out as [] rather than null; d is not modified.
func RenderJSON(d *film.Dossier) ([]byte, error) {
	c := *d
	c.Sections = append([]film.Section(nil), d.Sections...)
	normalize(&c)
	return json.MarshalIndent(&c, "", "  ")
}
