package store

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
	"marquee/internal/member"
)

// TestListEntryMoves moves, annotates and removes entries of a list on
// both engines: positions stay 1…n with no gap or repeat, and only the
// owner may touch them.
func TestListEntryMoves(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		ids, _ := seedMembers(t, s, "ana", "bo")
		for _, f := range []film.Film{{Slug: "tangerine-2015", Title: "Tangerine", Year: 2015}, {Slug: "take-out-2004", Title: "Take Out", Year: 2004}} {
			if err := s.PutFilm(ctx, &f); err != nil {
				t.Fatal(err)
			}
		}
		id, err := s.SaveList(ctx, ids["ana"], member.List{Name: "Baker", Public: true, Entries: []member.ListEntry{
			{FilmSlug: "red-rocket-2021"}, {FilmSlug: "anora-2024"}, {FilmSlug: "tangerine-2015"}, {FilmSlug: "take-out-2004"}}})
		if err != nil {
			t.Fatal(err)
		}
		steps := []struct {
			name string
			do   func() error
			want []string
		}{
			{"last to first", func() error { return s.MoveListEntry(ctx, ids["ana"], id, "take-out-2004", 1) },
				[]string{"1 take-out-2004 ", "2 red-rocket-2021 ", "3 anora-2024 ", "4 tangerine-2015 "}},
			{"first past the end", func() error { return s.MoveListEntry(ctx, ids["ana"], id, "take-out-2004", 99) },
				[]string{"1 red-rocket-2021 ", "2 anora-2024 ", "3 tangerine-2015 ", "4 take-out-2004 "}},
			{"to the middle", func() error { return s.MoveListEntry(ctx, ids["ana"], id, "red-rocket-2021", 3) },
				[]string{"1 anora-2024 ", "2 tangerine-2015 ", "3 red-rocket-2021 ", "4 take-out-2004 "}},
			{"a note", func() error { return s.SetListEntryNote(ctx, ids["ana"], id, "anora-2024", "Palme d'Or") },
				[]string{"1 anora-2024 Palme d'Or", "2 tangerine-2015 ", "3 red-rocket-2021 ", "4 take-out-2004 "}},
			{"remove the second", func() error { return s.RemoveFromList(ctx, ids["ana"], id, "tangerine-2015") },
				[]string{"1 anora-2024 Palme d'Or", "2 red-rocket-2021 ", "3 take-out-2004 "}},
		}
		for _, st := range steps {
			if err := st.do(); err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			l, err := s.ListByID(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(st.want, entryStrings(l.Entries)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", st.name, diff)
			}
		}
		var ve *film.ValidationError
		for name, err := range map[string]error{
			"bo moves":               s.MoveListEntry(ctx, ids["bo"], id, "anora-2024", 2),
			"bo annotates":           s.SetListEntryNote(ctx, ids["bo"], id, "anora-2024", "mine"),
			"bo removes":             s.RemoveFromList(ctx, ids["bo"], id, "anora-2024"),
			"bo renames":             s.EditList(ctx, ids["bo"], id, ListEdit{Name: ptr("Bo's")}),
			"a film not on it":       s.MoveListEntry(ctx, ids["ana"], id, "tangerine-2015", 1),
			"no such film":           s.RemoveFromList(ctx, ids["ana"], id, "nope"),
			"no such list":           s.SetListEntryNote(ctx, ids["ana"], 999999, "anora-2024", "x"),
			"position 0":             s.MoveListEntry(ctx, ids["ana"], id, "anora-2024", 0),
			"an over-long note":      s.SetListEntryNote(ctx, ids["ana"], id, "anora-2024", fmt.Sprintf("%2001s", "x")),
			"an empty name":          s.EditList(ctx, ids["ana"], id, ListEdit{Name: ptr(" ")}),
			"a description too long": s.EditList(ctx, ids["ana"], id, ListEdit{Description: ptr(fmt.Sprintf("%5001s", "x"))}),
		} {
			switch {
			case name[:3] == "bo ":
				if !errors.Is(err, ErrForbidden) {
					t.Errorf("%s: %v, want forbidden", name, err)
				}
			case name[:3] == "a f" || name[:3] == "no ":
				if !errors.Is(err, film.ErrNotFound) {
					t.Errorf("%s: %v, want not found", name, err)
				}
			default:
				if !errors.As(err, &ve) {
					t.Errorf("%s: %v, want a validation error", name, err)
				}
			}
		}
		if err := s.EditList(ctx, ids["ana"], id, ListEdit{Name: ptr("Sean Baker"), Public: ptr(false)}); err != nil {
			t.Fatal(err)
		}
		l, _ := s.ListByID(ctx, id)
		if l.Name != "Sean Baker" || l.Slug != "baker" || l.Public || len(l.Entries) != 3 {
			t.Errorf("after the edit: %+v", l)
		}
		if acts, _ := s.MemberActivity(ctx, ids["ana"], false, 10); len(acts) != 0 {
			t.Errorf("a private list's activity shows: %+v", acts)
		}
	})
}

// TestDiaryEntryEdit changes a diary entry on both engines: the entry and
// the member's rating of the film move together, the film's histogram
// with them.
func TestDiaryEntryEdit(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		ids, fid := seedMembers(t, s, "ana", "bo")
		id, err := s.LogViewing(ctx, ids["ana"], member.DiaryEntry{FilmSlug: "red-rocket-2021", WatchedOn: "2024-03-02", Rating: 8})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.UpdateDiaryEntry(ctx, ids["ana"], id, member.DiaryEntry{WatchedOn: "2024-04-01", Rating: 5, Rewatch: true, Tags: []string{"home"}}); err != nil {
			t.Fatal(err)
		}
		d, err := s.DiaryEntryByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		got := fmt.Sprintf("%s %s %d %v %v", d.FilmSlug, d.WatchedOn, d.Rating, d.Rewatch, d.Tags)
		if want := "red-rocket-2021 2024-04-01 5 true [home]"; got != want {
			t.Errorf("edited entry = %q, want %q", got, want)
		}
		if h := checkHistogram(t, s, fid); h.Counts[4] != 1 || h.Count() != 1 {
			t.Errorf("histogram after the edit = %v", h.Counts)
		}
		log, _, _ := s.FilmLogOf(ctx, ids["ana"], "red-rocket-2021")
		if log.Rating != 5 || log.WatchedOn != "2024-04-01" {
			t.Errorf("film log after the edit = %+v", log)
		}
		if err := s.UpdateDiaryEntry(ctx, ids["bo"], id, member.DiaryEntry{WatchedOn: "2024-04-01"}); !errors.Is(err, ErrForbidden) {
			t.Errorf("bo edits ana's entry: %v, want forbidden", err)
		}
		if err := s.UpdateDiaryEntry(ctx, ids["ana"], 999999, member.DiaryEntry{WatchedOn: "2024-04-01"}); !errors.Is(err, film.ErrNotFound) {
			t.Errorf("no such entry: %v, want not found", err)
		}
		var ve *film.ValidationError
		if err := s.UpdateDiaryEntry(ctx, ids["ana"], id, member.DiaryEntry{WatchedOn: "2024-02-30"}); !errors.As(err, &ve) || ve.Field != "watched_on" {
			t.Errorf("a bad date: %v, want a validation error on watched_on", err)
		}
	})
}

func ptr[T any](v T) *T { return &v }
