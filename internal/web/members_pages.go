package web

import (
	"context"
	"html/template"
	"marquee/internal/film"
	"net/http"

	"marquee/internal/member"
	"marquee/internal/store"
)

// The members' pages: profiles, diaries, lists and feeds. They show what
// members write, so they are per visitor (never in the page cache), and
// each checks the member's privacy settings.

type memberPage struct {
	Base
	Name       string
	Self       bool // the signed-in member's own profile
	Following  bool // the signed-in member follows this one
	Stats      store.MemberStats
	Chart      *chart
	Favourites []*memberFilmRef
	Diary      []member.DiaryEntry // latest few, unless private
	DiaryOpen  bool
	Reviews    []reviewView
	Lists      []member.List
	Activity   []member.Activity
	Watchlist  []member.ListEntry
}

type memberFilmRef struct{ Slug, Title string }

type memberDiaryPage struct {
	Base
	Name   string
	Self   bool
	Months []diaryMonth
}

type diaryMonth struct {
	Month   string // "2024-06"
	Entries []member.DiaryEntry
}

type memberListPage struct {
	Base
	Name string
	List member.List
	Self bool
	HTML template.HTML // the description, rendered
}

type followingPage struct {
	Base
	Activity []member.Activity
	Follows  []string
	Replies  []film.Change // new replies in the threads the member follows
}

type memberSettingsPage struct {
	Base
	Settings    member.Settings
	FavSlots    []favSlot
	Pending     []member.Pending
	Notice      string
	Error       string
	UploadLimit int64
}

// memberAccess resolves the member a page is about and whether the
// visitor may see it: a members-only profile refuses visitors (403).
func (s *Server) memberAccess(ctx context.Context, r *http.Request) (uid int64, st member.Settings, self bool, err error) {
	name := r.PathValue("name")
	if uid, err = s.store.MemberID(ctx, name); err != nil {
		return 0, st, false, err
	}
	if st, err = s.store.MemberSettings(ctx, uid); err != nil {
		return 0, st, false, err
	}
	u := signedIn(r)
	self = u != nil && u.ID == uid
	if st.Profile == member.ProfileMembers && u == nil {
		return 0, st, false, &store.ForbiddenError{Entity: "profile of " + name + " (members only; sign in)", ID: uid}
	}
	return uid, st, self, nil
}

// memberBase is a per-visitor base for the members' pages.
func (s *Server) memberBase(r *http.Request, title string) Base {
	b := s.newBase(r, title, "")
	b.Private, b.NoIndex = true, true
	return b
}

// favSlot is one of the four favourite-film fields.
type favSlot struct {
	N     int
	Field string
	Slug  string
}

func favSlots(favs []string) []favSlot {
	out := make([]favSlot, 4)
	for i := range out {
		out[i] = favSlot{N: i + 1, Field: "fav" + itoa(i+1)}
		if i < len(favs) {
			out[i].Slug = favs[i]
		}
	}
	return out
}
