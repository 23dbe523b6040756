package dossier

import (
	"strings"

	"marquee/internal/film"
)

// A blog post ends where its comment form begins ("Leave a Reply",
// "Post a Comment"): what a scraped page holds after it is the form,
// readers' comments and the sidebar's headlines, never the article.

// commentFormCues open a comment form; "Leave a comment", a link that
// themes also print under a post's title, is not one.
var commentFormCues = []string{"leave a reply", "post a comment", "please enter your comment", "add a comment",
	"your email address will not be published", "join the discussion", "comments are closed"}

// commentForm reports a line that opens a comment form.
func commentForm(t string) bool {
	return hasAnyPrefix(strings.ToLower(strings.Trim(t, "*_#>[]() \t-–—")), commentFormCues...)
}

// afterCommentForm reports every line after the form's opening line i
// as noise, one entry a line, and returns the last line's index.
func (s *scanner) afterCommentForm(i int) int {
	for j := i + 1; j < len(s.lines); j++ {
		if t := strings.TrimSpace(s.lines[j]); t != "" {
			s.noise = append(s.noise, film.Noise{Line: j + 1, Text: t, Reason: "after the comment form"})
		}
	}
	return len(s.lines) - 1
}
