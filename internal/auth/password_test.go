package auth

import (
	"errors"
	"strings"
	"testing"
)

var testParams = Params{Memory: 64, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}

func TestHashAndVerify(t *testing.T) {
	h, err := HashPassword("violet-harbour-lantern", testParams)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Errorf("hash %q is not in the PHC argon2id format", h)
	}
	h2, _ := HashPassword("violet-harbour-lantern", testParams)
	if h == h2 {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
	for _, tt := range []struct {
		pw         string
		want       Params
		ok, rehash bool
	}{
		{"violet-harbour-lantern", testParams, true, false},
		{"violet-harbour-lanterN", testParams, false, false},
		{"", testParams, false, false},
		{"violet-harbour-lantern", Params{Memory: 128, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}, true, true},
		{"violet-harbour-lantern", DefaultParams, true, true},
	} {
		ok, rehash := VerifyPassword(tt.pw, h, tt.want)
		if ok != tt.ok || rehash != tt.rehash {
			t.Errorf("VerifyPassword(%q, want %+v) = %v, %v; want %v, %v", tt.pw, tt.want, ok, rehash, tt.ok, tt.rehash)
		}
	}
	for _, bad := range []string{"", "$argon2i$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA", "$argon2id$v=18$m=64,t=1,p=1$c2FsdA$aGFzaA",
		"$argon2id$v=19$m=0,t=1,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=99999999,t=1,p=1$c2FsdA$aGFzaA", "plain"} {
		if ok, _ := VerifyPassword("x", bad, testParams); ok {
			t.Errorf("VerifyPassword accepted the malformed hash %q", bad)
		}
	}
}

func TestCheckPassword(t *testing.T) {
	for _, tt := range []struct {
		pw, user string
		ok       bool
	}{
		{"violet-harbour-lantern", "mira", true},
		{"short", "mira", false},
		{"nine char", "mira", false},
		{"ten chars!", "mira", true},
		{"ñandú-ñandú", "mira", true}, // 11 characters, more bytes
		{"qwertyuiop", "mira", false},
		{"QWERTYUIOP", "mira", false}, // the list is matched without case
		{"1234567890", "mira", false},
		{"password123", "mira", false},
		{"miranda1234", "miranda1234", false},
		{strings.Repeat("a", 1025), "mira", false},
	} {
		err := CheckPassword(tt.pw, tt.user)
		if (err == nil) != tt.ok || err != nil && !errors.Is(err, ErrWeakPassword) {
			t.Errorf("CheckPassword(%q) = %v, want ok=%v", tt.pw, err, tt.ok)
		}
	}
}

func TestCommonListLoaded(t *testing.T) {
	isCommon("x")
	if len(common) < 1000 {
		t.Errorf("the embedded list holds %d passwords, want the 1,088 of 10+ characters", len(common))
	}
	for pw := range common {
		if len([]rune(pw)) < MinPasswordLen || strings.HasPrefix(pw, "#") {
			t.Errorf("list entry %q is shorter than the minimum or a comment", pw)
		}
	}
}

func TestRoles(t *testing.T) {
	for _, tt := range []struct {
		r, min Role
		want   bool
	}{
		{RoleAdmin, RoleEditor, true}, {RoleEditor, RoleEditor, true}, {RoleMember, RoleEditor, false},
		{RoleMember, "", true}, {"", RoleMember, false}, {"king", RoleMember, false}, {RoleAdmin, "king", false},
	} {
		if got := tt.r.AtLeast(tt.min); got != tt.want {
			t.Errorf("%q.AtLeast(%q) = %v", tt.r, tt.min, got)
		}
	}
}

func FuzzVerifyPassword(f *testing.F) {
	h, _ := HashPassword("seed-password-1", testParams)
	f.Add("seed-password-1", h)
	f.Add("x", "$argon2id$v=19$m=64,t=1,p=1$$")
	f.Add("x", "$argon2id$v=19$m=64,t=1,p=255$c2FsdA$aGFzaA")
	f.Fuzz(func(t *testing.T, pw, encoded string) {
		if p, _, _, err := decodeHash(encoded); err == nil && (p.Memory > 1<<16 || p.Time > 4) {
			t.Skip("costly parameters: valid, but not what this fuzz explores")
		}
		ok, _ := VerifyPassword(pw, encoded, testParams)
		if ok && encoded != h {
			// Only a real hash of pw may verify.
			if p, salt, key, err := decodeHash(encoded); err != nil || len(salt) == 0 && len(key) == 0 {
				t.Fatalf("verified %q against malformed %q (%+v)", pw, encoded, p)
			}
		}
	})
}

func FuzzNormalizeUsername(f *testing.F) {
	for _, s := range []string{"Mira", " a.b_c-d ", "ñandú", "x", strings.Repeat("a", 40), "a\x00b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := NormalizeUsername(s)
		if err != nil {
			return
		}
		if len(n) < 3 || len(n) > 32 || strings.ToLower(n) != n || strings.TrimSpace(n) != n {
			t.Fatalf("NormalizeUsername(%q) = %q", s, n)
		}
		if again, err := NormalizeUsername(n); err != nil || again != n {
			t.Fatalf("not idempotent: %q → %q → %q, %v", s, n, again, err)
		}
	})
}
