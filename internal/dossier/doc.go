// Package dossier turns long-form film articles into film.Dossier values,
// renders dossiers back as text, Markdown, HTML and JSON, and lints
// articles the way an editor would. It holds no database: callers hand in
// bytes and, optionally, a Catalog to link names to entities.
//
// The files are named for the stage they belong to, in pipeline order:
// read*.go (decoding, front matter, HTML main content, wikitext remnants,
// credits blocks), structure_*.go (blocks, headings, sections, page noise),
// extract*.go (people, films, cast, quotes, facts), assemble.go (the
// film's identity, interviews, normalised lists); parse.go runs them.
// render_*.go write a dossier out — HTML through HTMLRenderer, the one
// renderer the site shares — and lint*.go read an article as an editor.
//
// The stages of this package use no regular expressions, so time stays
// linear in the input whatever the text looks like.
package dossier
