package search

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"marquee/internal/store"
)

func TestKeyOrder(t *testing.T) {
	// Popularity, ascending; each key must not exceed the one before.
	pops := []int64{-5, 0, 1, 9, 10, 99, 100, 999, 1000, 1234, 1239, 1240, 99999, 100000, 2147483647, 9999999999, 1 << 62}
	for i := 1; i < len(pops); i++ {
		a, b := searchKey(pops[i-1], docFilm, 7), searchKey(pops[i], docFilm, 7)
		if b > a {
			t.Errorf("searchKey(%d) = %d > searchKey(%d) = %d: more popular must come first", pops[i], b, pops[i-1], a)
		}
	}
	if searchKey(1234, docFilm, 7) != searchKey(1239, docFilm, 7) {
		t.Error("1234 and 1239 differ past three significant digits: want one level")
	}
	for _, k := range []int{docFilm, docPerson, docCharacter, docTheme, docSection} {
		key := searchKey(123456, k, 98765)
		if keyKind(key) != k || keyRef(key) != 98765 || key <= 0 {
			t.Errorf("searchKey(123456, %d, 98765) = %d: kind %d ref %d", k, key, keyKind(key), keyRef(key))
		}
	}
}

// The triggers (migration 0014) compute the same keys as searchKey, follow a
// change of popularity, and leave no document behind a deletion.
func TestTriggerKeys(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db := st.WriteDB()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	keys := func(word string) []int64 {
		t.Helper()
		rows, err := db.QueryContext(ctx, "SELECT rowid FROM search_fts WHERE search_fts MATCH $1 ORDER BY rowid", word)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []int64
		for rows.Next() {
			var k int64
			if err := rows.Scan(&k); err != nil {
				t.Fatal(err)
			}
			out = append(out, k)
		}
		return out
	}
	check := func(word string, want ...int64) {
		t.Helper()
		slices.Sort(want)
		if got := keys(word); !slices.Equal(got, want) {
			t.Errorf("%q: keys %v, want %v", word, got, want)
		}
	}
	for i, votes := range []int64{0, 7, 12345, 3000000} {
		id := int64(100 + i)
		exec("INSERT INTO films (id, slug, title, year, rating_votes) VALUES ($1, $2, $3, 2001, $4)", id, "f"+string(rune('a'+i)), "Zorblat", votes)
		exec("INSERT INTO characters (id, film_id, slug, name) VALUES ($1, $2, 'quimby', 'Quimby')", id+1000, id)
	}
	check("zorblat", searchKey(0, docFilm, 100), searchKey(7, docFilm, 101), searchKey(12345, docFilm, 102), searchKey(3000000, docFilm, 103))
	check("quimby", searchKey(0, docCharacter, 1100), searchKey(7/4, docCharacter, 1101), searchKey(12345/4, docCharacter, 1102), searchKey(3000000/4, docCharacter, 1103))
	exec("INSERT INTO dossier_sections (film_id, ord, kind, heading, text) VALUES (102, 3, 'themes', 'Themes', 'Wandering glorp')")
	check("glorp", searchKey(12345/2, docSection, 102<<sectionOrdBits|3))

	// New votes move the film, its characters and its sections.
	exec("UPDATE films SET rating_votes = 999999 WHERE id = 102")
	check("zorblat", searchKey(0, docFilm, 100), searchKey(7, docFilm, 101), searchKey(999999, docFilm, 102), searchKey(3000000, docFilm, 103))
	check("quimby", searchKey(0, docCharacter, 1100), searchKey(7/4, docCharacter, 1101), searchKey(999999/4, docCharacter, 1102), searchKey(3000000/4, docCharacter, 1103))
	check("glorp", searchKey(999999/2, docSection, 102<<sectionOrdBits|3))

	// People follow their credit count; themes the films that carry them.
	exec("INSERT INTO people (id, slug, name) VALUES (5, 'pim-pom', 'Pim Pom')")
	check("pom", searchKey(0, docPerson, 5))
	exec("UPDATE people SET credit_count = 42 WHERE id = 5")
	check("pom", searchKey(42*200, docPerson, 5))
	exec("INSERT INTO themes (id, slug, name, kind) VALUES (9, 'grief', 'Grief', 'theme')")
	exec("INSERT INTO film_themes (film_id, theme_id) VALUES (100, 9), (101, 9)")
	check("grief", searchKey(2000, docTheme, 9))
	exec("DELETE FROM film_themes WHERE film_id = 100")
	check("grief", searchKey(1000, docTheme, 9))

	// Alternative titles join their film's document under the same key.
	exec("INSERT INTO alt_titles (film_id, ordering, title) VALUES (101, 1, 'Der Flibbet')")
	check("flibbet", searchKey(7, docFilm, 101))
	exec("DELETE FROM alt_titles WHERE film_id = 101")
	check("flibbet")

	// Deleting a film takes its characters and sections out of the index.
	exec("DELETE FROM films WHERE id = 102")
	check("glorp")
	check("quimby", searchKey(0, docCharacter, 1100), searchKey(7/4, docCharacter, 1101), searchKey(3000000/4, docCharacter, 1103))
	exec("DELETE FROM themes WHERE id = 9")
	check("grief")
	exec("DELETE FROM people WHERE id = 5")
	check("pom")
	exec("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")

	// Rebuild numbers every document as the triggers did.
	before := map[string][]int64{}
	for _, w := range []string{"zorblat", "quimby", "glorp"} {
		before[w] = keys(w)
	}
	if err := Rebuild(ctx, st); err != nil {
		t.Fatal(err)
	}
	for w, want := range before {
		check(w, want...)
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'").Scan(&n); err != nil && err != sql.ErrNoRows {
		t.Fatal(err)
	}
	if n < 20 {
		t.Errorf("%d search triggers after Rebuild, want them all back", n)
	}
}

// The tests' own statement of the search key, to check the one the
// database computes: on SQLite the FTS5 rowid of a document is its search
// key, (16383 - level(pop)) << 40 | kind << 37 | ref, so that matches come
// in popularity order and the rowid alone names the document. The view
// search_documents (migration 0014) is the one place the schema computes
// it; the triggers and the bulk refill read that view.
const (
	keyKindShift = 37
	keyRefMask   = 1<<keyKindShift - 1
	keyLevelTop  = 16383
	maxKeyPop    = 9999999999
	// A dossier section's ref is film_id << sectionOrdBits | ord.
	sectionOrdBits = 10
)

// keyLevel is digits(pop) * 1000 + pop's first three digits: it grows
// with pop, to three significant digits.
func keyLevel(pop int64) int64 {
	pop = min(max(pop, 0), maxKeyPop)
	s := strconv.FormatInt(pop, 10)
	lead, _ := strconv.ParseInt(s[:min(3, len(s))], 10, 64)
	return int64(len(s))*1000 + lead
}

// searchKey is the search key of the document of kind (docFilm…) and ref
// with popularity pop: what search_documents computes.
func searchKey(pop int64, kind int, ref int64) int64 {
	return (keyLevelTop-keyLevel(pop))<<40 | int64(kind)<<keyKindShift | ref
}

// keyKind and keyRef take a key apart.
func keyKind(key int64) int  { return int(key>>keyKindShift) & 7 }
func keyRef(key int64) int64 { return key & keyRefMask }
