// Package dossier turns long-form film articles into film.Dossier values,
// renders dossiers back as text, Markdown, HTML and JSON, and lints
// articles the way an editor would. It holds no database: callers hand in
// bytes and, optionally, a Catalog to link names to entities.
//
// Parsing is line-oriented and uses no regular expressions, so its time
// stays linear in the input whatever the text looks like.
package dossier
