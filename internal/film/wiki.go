package film

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// RevisionKind says how a dossier revision was made.
type RevisionKind string

// The kinds of revision.
const (
	RevisionImport   RevisionKind = "import"   // an article imported from a file
	RevisionEdit     RevisionKind = "edit"     // an edit in the browser or the API
	RevisionUndo     RevisionKind = "undo"     // the inverse of one earlier revision
	RevisionRollback RevisionKind = "rollback" // a run of one author's edits reverted
)

// Revision is one stored version of a dossier, without its body.
type Revision struct {
	Revision   int          `json:"revision"`
	Parent     int          `json:"parent,omitempty"` // the revision the edit started from
	Kind       RevisionKind `json:"kind"`
	Author     string       `json:"author,omitempty"` // display name, or the importer's label
	UserID     int64        `json:"-"`
	Summary    string       `json:"summary,omitempty"`
	Size       int          `json:"size"`        // bytes of the revision's text; -1 when unknown
	SizeChange int          `json:"size_change"` // against the previous revision
	CreatedAt  time.Time    `json:"created_at"`
}

// Protection is who may edit a protected dossier until when.
type Protection struct {
	Level     string    `json:"level"` // "editor" or "admin"
	Expires   time.Time `json:"expires,omitempty"`
	Reason    string    `json:"reason,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// Active reports whether the protection still holds at t.
func (p *Protection) Active(t time.Time) bool {
	return p != nil && (p.Expires.IsZero() || t.Before(p.Expires))
}

// TheoryStatus is an editor's verdict on a fan theory.
type TheoryStatus string

// The verdicts.
const (
	TheoryOpen      TheoryStatus = "open"
	TheoryConfirmed TheoryStatus = "confirmed"
	TheoryDebunked  TheoryStatus = "debunked"
)

// Limits on what members write, in bytes.
const (
	MaxTheoryTitle = 200
	MaxTheoryBody  = 20000
	MaxCommentBody = 10000
	MaxThreadTitle = 200
	MaxEditSummary = 500
	MaxReportText  = 1000
)

// Theory is a member's fan theory about a film.
type Theory struct {
	ID           int64        `json:"id"`
	FilmSlug     string       `json:"film"`
	FilmTitle    string       `json:"film_title,omitempty"`
	Author       string       `json:"author,omitempty"` // empty once the account is gone
	UserID       int64        `json:"-"`
	Title        string       `json:"title"`
	Body         string       `json:"body"` // Markdown, sanitised when rendered
	Spoiler      bool         `json:"spoiler"`
	Status       TheoryStatus `json:"status"`
	StatusSource string       `json:"status_source,omitempty"`
	Score        int          `json:"score"`
	Ups          int          `json:"ups"`
	Downs        int          `json:"downs"`
	Comments     int          `json:"comment_count"`
	Hidden       bool         `json:"hidden,omitempty"`
	HiddenReason string       `json:"hidden_reason,omitempty"`
	ThreadID     int64        `json:"thread_id"`
	MyVote       int          `json:"my_vote,omitempty"` // the reader's vote: -1, 0 or 1
	CreatedAt    time.Time    `json:"created_at"`
}

// Validate checks a theory before it is stored.
func (t *Theory) Validate() error {
	t.Title = strings.TrimSpace(t.Title)
	switch {
	case t.Title == "":
		return &ValidationError{Entity: "theory", Field: "title", Reason: "is required"}
	case len(t.Title) > MaxTheoryTitle:
		return &ValidationError{Entity: "theory", Field: "title", Reason: fmt.Sprintf("is longer than %d bytes", MaxTheoryTitle)}
	case strings.TrimSpace(t.Body) == "":
		return &ValidationError{Entity: "theory", Field: "body", Reason: "is required"}
	case len(t.Body) > MaxTheoryBody:
		return &ValidationError{Entity: "theory", Field: "body", Reason: fmt.Sprintf("is longer than the limit of %d bytes", MaxTheoryBody)}
	case !utf8.ValidString(t.Title) || !utf8.ValidString(t.Body):
		return &ValidationError{Entity: "theory", Field: "body", Reason: "is not valid UTF-8"}
	}
	return nil
}

// ThreadScope is where a discussion thread belongs.
type ThreadScope string

// The scopes.
const (
	ScopeFilm    ThreadScope = "film"    // the film's talk page
	ScopeDossier ThreadScope = "dossier" // the dossier's talk page
	ScopeTheory  ThreadScope = "theory"  // the comments under a theory
)

// Thread is a discussion: a talk-page topic or a theory's comments.
type Thread struct {
	ID         int64       `json:"id"`
	FilmSlug   string      `json:"film"`
	FilmTitle  string      `json:"film_title,omitempty"`
	Scope      ThreadScope `json:"scope"`
	TheoryID   int64       `json:"theory_id,omitempty"`
	Title      string      `json:"title"`
	Author     string      `json:"author,omitempty"`
	Replies    int         `json:"replies"`
	Following  bool        `json:"following,omitempty"`
	CreatedAt  time.Time   `json:"created_at"`
	LastPostAt time.Time   `json:"last_post_at"`
}

// Comment is one post in a thread, possibly a reply to another.
type Comment struct {
	ID           int64     `json:"id"`
	ThreadID     int64     `json:"thread_id"`
	ParentID     int64     `json:"parent_id,omitempty"`
	Depth        int       `json:"depth"`
	Author       string    `json:"author,omitempty"`
	UserID       int64     `json:"-"`
	Body         string    `json:"body"`
	Hidden       bool      `json:"hidden,omitempty"`
	HiddenReason string    `json:"hidden_reason,omitempty"`
	CreatedAt    time.Time `json:"created_at"`
}

// ValidateComment checks a comment's text.
func ValidateComment(body string) error {
	switch {
	case strings.TrimSpace(body) == "":
		return &ValidationError{Entity: "comment", Field: "body", Reason: "is required"}
	case len(body) > MaxCommentBody:
		return &ValidationError{Entity: "comment", Field: "body", Reason: fmt.Sprintf("is longer than the limit of %d bytes", MaxCommentBody)}
	case !utf8.ValidString(body):
		return &ValidationError{Entity: "comment", Field: "body", Reason: "is not valid UTF-8"}
	}
	return nil
}

// Change is one entry of the recent-changes list: an edit, a theory or a
// comment.
type Change struct {
	Kind      string    `json:"kind"` // "edit", "theory", "comment"
	FilmSlug  string    `json:"film"`
	FilmTitle string    `json:"film_title"`
	Author    string    `json:"author,omitempty"`
	Summary   string    `json:"summary,omitempty"`
	Revision  int       `json:"revision,omitempty"` // for an edit
	Parent    int       `json:"parent,omitempty"`   // for an edit: the revision before it
	SizeDelta int       `json:"size_change,omitempty"`
	TheoryID  int64     `json:"theory_id,omitempty"`
	ThreadID  int64     `json:"thread_id,omitempty"`
	CommentID int64     `json:"comment_id,omitempty"`
	At        time.Time `json:"at"`
}
