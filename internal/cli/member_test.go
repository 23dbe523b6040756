package cli

import (
	"archive/zip"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"marquee/internal/film"
	"marquee/internal/member"
	"marquee/internal/store"
)

func TestExportAndImportMemberLetterboxd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.PutFilm(ctx, &film.Film{Slug: "red-rocket-2021", Title: "Red Rocket", Year: 2021, IDs: film.ExternalIDs{IMDb: "tt13441040"}}); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"ana", "bo"} {
		if _, err := st.WriteDB().ExecContext(ctx, "INSERT INTO users (username, created_at) VALUES ($1, 1)", n); err != nil {
			t.Fatal(err)
		}
	}
	ana, _ := st.MemberID(ctx, "ana")
	r := member.Rating(9)
	if err := st.SetFilmLog(ctx, ana, "red-rocket-2021", store.FilmLogChange{Rating: &r}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	env := map[string]string{"MARQUEE_DB": db}
	out := filepath.Join(t.TempDir(), "lb.zip")
	code, stdout, stderr := run(t, env, "export", "letterboxd", "--user", "ana", "--json", out)
	if code != 0 {
		t.Fatalf("export: %d %s", code, stderr)
	}
	var res struct{ Rows map[string]int }
	if err := json.Unmarshal([]byte(stdout), &res); err != nil || res.Rows["films"] != 1 {
		t.Errorf("export JSON = %s (%v)", stdout, err)
	}
	if zr, err := zip.OpenReader(out); err != nil {
		t.Fatal(err)
	} else {
		zr.Close()
	}
	code, stdout, stderr = run(t, env, "import", "member-letterboxd", "--user", "bo", out)
	if code != 0 || !strings.Contains(stdout, "1 ratings") {
		t.Errorf("import: %d %q %q", code, stdout, stderr)
	}
	if code, _, stderr = run(t, env, "export", "letterboxd", "--user", "nobody", out); code == 0 || !strings.Contains(stderr, "nobody") {
		t.Errorf("unknown member: %d %q", code, stderr)
	}
	bad := filepath.Join(t.TempDir(), "x.zip")
	writeFileAtomic(bad, []byte("not a zip"))
	if code, _, stderr = run(t, env, "import", "member-letterboxd", "--user", "bo", bad); code == 0 || !strings.Contains(stderr, "not a ZIP") {
		t.Errorf("non-ZIP: %d %q", code, stderr)
	}
}
