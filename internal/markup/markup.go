// Package markup renders members' Markdown (reviews, list descriptions)
// to HTML that is safe to embed in a page: goldmark parses CommonMark with
// raw HTML left out, and bluemonday then keeps only a small set of elements
// and attributes, so even a parser bug cannot let script or styles through.
package markup

import (
	"bytes"
	"html/template"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

var (
	once   sync.Once
	md     goldmark.Markdown
	policy *bluemonday.Policy
)

func setup() {
	md = goldmark.New(goldmark.WithExtensions(extension.Strikethrough, extension.Linkify))
	p := bluemonday.NewPolicy()
	p.AllowElements("a", "p", "br", "em", "strong", "del", "blockquote", "ul", "ol", "li", "code", "pre", "hr", "h3", "h4", "h5", "h6")
	p.AllowAttrs("href").OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireParseableURLs(true)
	p.RequireNoFollowOnLinks(true)
	p.RequireNoReferrerOnLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(false)
	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	policy = p
}

// Render turns Markdown into sanitised HTML. Headings of level 1 and 2 are
// demoted by the sanitiser's allow list (they become plain text), images are
// dropped, links keep only http, https and mailto targets and get
// rel="nofollow noreferrer".
func Render(src string) template.HTML {
	once.Do(setup)
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		// goldmark only fails when the writer does; fall back to escaped text.
		return template.HTML(template.HTMLEscapeString(src))
	}
	return template.HTML(policy.SanitizeBytes(buf.Bytes())) // #nosec: sanitised above
}
