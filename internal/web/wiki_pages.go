package web

import (
	"context"
	"html/template"
	"strings"

	"marquee/internal/diff"
	"marquee/internal/film"
	"marquee/internal/markup"
	"marquee/internal/store"
)

// The pages of the wiki half: dossier history, diffs and editing, fan
// theories, talk pages, moderation and recent changes.

// filmHead is what every wiki page shows of its film.
type filmHead struct {
	Slug  string
	Title string
	Year  int
}

func headOf(f *film.Film) filmHead { return filmHead{Slug: f.Slug, Title: f.Title, Year: f.Year} }

// Label is "Title (Year)".
func (h filmHead) Label() string {
	if h.Year == 0 {
		return h.Title
	}
	return h.Title + " (" + itoa(h.Year) + ")"
}

type historyPage struct {
	Base
	pager
	Total      int // revisions in the whole history
	Viewer     viewer
	Film       filmHead
	Revisions  []film.Revision
	Current    int
	Older      int // the "before" of the next page; 0 when this is the last
	Protection *film.Protection
	CanEdit    bool
	// RollbackAuthor names the author of the run of latest edits an
	// editor may roll back ("" when there is nothing to roll back).
	RollbackAuthor string
	RollbackCount  int
}

type diffPage struct {
	Base
	Viewer   viewer
	Film     filmHead
	From, To film.Revision
	Stats    diff.Stats
	Blocks   []diffBlock
	Newer    int // the revision after To, for "newer edit →"; 0 if none
	Older    int // the revision before From, for "← older edit"; 0 if none
	CanEdit  bool
}

// diffBlock is a paragraph of a diff as the page shows it: kept, removed,
// added, changed word by word, or a run of unchanged paragraphs folded.
type diffBlock struct {
	Kind   string // "equal", "delete", "insert", "changed", "fold"
	Text   string
	Words  []diff.Chunk
	Folded int // paragraphs folded away
}

type editPage struct {
	Base
	Viewer     viewer
	Film       filmHead
	BaseRev    int
	Section    int // -1: the whole dossier
	Heading    string
	Text       string
	Summary    string
	Preview    *dossierView
	Error      string
	Conflict   *editConflict
	Protection *film.Protection
	Sections   []string // headings of the current dossier's sections, for editing one
}

// editConflict is what the edit form shows when a save was refused.
type editConflict struct {
	Current  int
	Theirs   string
	Yours    string
	Clean    bool
	Passages []diff.Conflict
}

type theoriesPage struct {
	Base
	Viewer   viewer
	Film     filmHead
	Theories []theoryView
	Total    int
	Sort     string
	Page     int
	Pages    int
	Error    string
	Form     theoryForm
}

type theoryForm struct {
	Title, Body string
	Spoiler     bool
}

// theoryView is a theory with its body rendered.
type theoryView struct {
	film.Theory
	HTML template.HTML
}

func viewTheory(t film.Theory) theoryView { return theoryView{Theory: t, HTML: markup.Render(t.Body)} }

type theoryPage struct {
	Base
	Viewer   viewer
	Film     filmHead
	Theory   theoryView
	Comments []commentView
	Thread   *film.Thread
	Error    string
	IsOwner  bool
}

// commentView is a comment with its body rendered and its indent capped.
type commentView struct {
	film.Comment
	HTML   template.HTML
	Indent int
}

// maxIndent is the deepest a reply is drawn indented; deeper replies stay
// at this depth and say whom they answer.
const maxIndent = 6

func viewComments(cs []film.Comment, editor bool) []commentView {
	out := make([]commentView, len(cs))
	for i, c := range cs {
		out[i] = commentView{Comment: c, Indent: min(c.Depth, maxIndent)}
		if !c.Hidden || editor {
			out[i].HTML = markup.Render(c.Body)
		}
	}
	return out
}

type talkPage struct {
	Base
	Viewer         viewer
	Film           filmHead
	FilmThreads    []film.Thread
	DossierThreads []film.Thread
	Error          string
	Scope          string
	FormTitle      string
	FormBody       string
}

type threadPage struct {
	Base
	Viewer   viewer
	Film     filmHead
	Thread   *film.Thread
	Comments []commentView
	Error    string
}

type recentChangesPage struct {
	Base
	Changes []film.Change
	Film    string
	Kind    string
}

type moderationPage struct {
	Base
	Viewer  viewer
	Reports []store.Report
}

// foldDiff turns a comparison into the blocks a page shows: every change,
// with one unchanged paragraph of context on either side, and longer runs
// of unchanged paragraphs folded to a count.
func foldDiff(bs []diff.Block) []diffBlock {
	changed := func(i int) bool { return i >= 0 && i < len(bs) && (bs[i].Op != diff.Equal || bs[i].Changed) }
	var out []diffBlock
	for i := 0; i < len(bs); i++ {
		b := bs[i]
		switch {
		case b.Changed:
			out = append(out, diffBlock{Kind: "changed", Words: b.Words})
		case b.Op == diff.Delete:
			out = append(out, diffBlock{Kind: "delete", Text: b.Old})
		case b.Op == diff.Insert:
			out = append(out, diffBlock{Kind: "insert", Text: b.New})
		case changed(i-1) || changed(i+1):
			out = append(out, diffBlock{Kind: "equal", Text: b.New})
		default:
			j := i
			for j < len(bs) && bs[j].Op == diff.Equal && !bs[j].Changed && !changed(j+1) {
				j++
			}
			if j == i {
				out = append(out, diffBlock{Kind: "equal", Text: b.New})
				continue
			}
			out = append(out, diffBlock{Kind: "fold", Folded: j - i})
			i = j - 1
		}
	}
	return out
}

// chunkText joins a chunk's tokens.
func chunkText(c diff.Chunk) string { return strings.Join(c.Tokens, "") }

// chunkOp names a chunk's operation for the template.
func chunkOp(c diff.Chunk) string { return c.Op.String() }

// filmWiki is what the film page shows of the wiki: its top theories.
type filmWiki struct {
	TopTheories []film.Theory
	TheoryTotal int
}

// topTheories is how many theories the film page lists.
const topTheories = 3

func (s *Server) loadFilmWiki(ctx context.Context, slug string, w *filmWiki) (err error) {
	w.TopTheories, w.TheoryTotal, err = s.store.FilmTheories(ctx, slug, store.TheoryFilter{Sort: "top", Limit: topTheories})
	return err
}
