package store

import (
	"context"
	"database/sql"
	"testing"

	"marquee/internal/member"
	"marquee/internal/store/storetest"
)

// TestChangeFeedSaysWhoseStampMoved opens one PostgreSQL database twice, as
// two serve processes do, and checks that the watcher of one learns from
// the other's commits which stamps moved: a member's rating moves that
// film's stamp alone, a catalog write every page's, and a stamp the feed
// heard nothing about since it was verified is still current.
func TestChangeFeedSaysWhoseStampMoved(t *testing.T) {
	if testPostgresDSN(t) == "" {
		t.Skip(storetest.EnvPostgres + " not set")
	}
	ctx := context.Background()
	a, b := openTwice(t, storetest.PostgresDSN(t))
	ids, rocket := seedMembers(t, a, "ana")
	var anora int64
	if err := a.read.QueryRowContext(ctx, "SELECT id FROM films WHERE slug = 'anora-2024'").Scan(&anora); err != nil {
		t.Fatal(err)
	}
	w, err := b.WatchChanges(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	verify := func() (gen uint64, cat, rocketGen, anoraGen int64) {
		t.Helper()
		gen, err := w.Generation(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var err1, err2 error
		cat, rocketGen, err1 = b.CacheStamp(ctx, "red-rocket-2021")
		_, anoraGen, err2 = b.CacheStamp(ctx, "anora-2024")
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		return gen, cat, rocketGen, anoraGen
	}
	gen, cat, rg, ag := verify()
	if !w.Unchanged(gen, cat, rocket, rg) || !w.Unchanged(gen, cat, anora, ag) || !w.Unchanged(gen, cat, 0, 0) {
		t.Fatal("stamps just read are not current")
	}
	if w.Unchanged(gen-1, cat, rocket, rg) {
		t.Error("stamps verified before the feed listened are trusted")
	}

	if err := a.SetFilmLog(ctx, ids["ana"], "red-rocket-2021", FilmLogChange{Rating: rating(member.Rating(7))}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Generation(ctx); err != nil {
		t.Fatal(err)
	}
	if w.Unchanged(gen, cat, rocket, rg) {
		t.Error("the rated film's old stamp is still current")
	}
	if !w.Unchanged(gen, cat, anora, ag) || !w.Unchanged(gen, cat, 0, 0) {
		t.Error("a rating of another film made this one's page stale")
	}
	gen2, cat2, rg2, _ := verify()
	if rg2 == rg || !w.Unchanged(gen2, cat2, rocket, rg2) {
		t.Errorf("the rated film's new stamp %d (was %d) is not current", rg2, rg)
	}

	// A write that rolls back announces nothing.
	tx, err := a.write.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE film_member_stats SET gen = gen + 1 WHERE film_id = $1", rocket); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Generation(ctx); err != nil {
		t.Fatal(err)
	}
	if !w.Unchanged(gen2, cat2, rocket, rg2) {
		t.Error("a rolled-back write made the page stale")
	}

	if err := a.Transact(ctx, func(*sql.Tx) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Generation(ctx); err != nil {
		t.Fatal(err)
	}
	if w.Unchanged(gen2, cat2, anora, ag) || w.Unchanged(gen2, cat2, 0, 0) {
		t.Error("a catalog write left pages current")
	}

	// A bulk load runs with triggers off; the feed's fire all the same.
	gen4, cat4, _, ag4 := verify()
	tx, err = a.write.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "SET LOCAL session_replication_role = replica"); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE cache_generations SET gen = gen + 1 WHERE scope = 'catalog'"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Generation(ctx); err != nil {
		t.Fatal(err)
	}
	if w.Unchanged(gen4, cat4, anora, ag4) {
		t.Error("a catalog write with triggers off left pages current")
	}

	// Emptying the stamps' table forgets what the feed heard: nothing
	// verified before it is trusted, what is verified after it is.
	if _, err := a.write.ExecContext(ctx, "TRUNCATE film_member_stats"); err != nil {
		t.Fatal(err)
	}
	gen3, cat3, rg3, ag3 := verify()
	if w.Unchanged(gen2, cat3, anora, ag) {
		t.Error("a stamp verified before the table was emptied is trusted")
	}
	if !w.Unchanged(gen3, cat3, rocket, rg3) || !w.Unchanged(gen3, cat3, anora, ag3) {
		t.Error("stamps verified after the table was emptied are not current")
	}
}
