package web

import (
	"testing"

	"marquee/internal/member"
)

func TestActivityHTML(t *testing.T) {
	for _, tc := range []struct {
		a    member.Activity
		want string
	}{
		{member.Activity{Member: "bo", Kind: "reviewed", FilmSlug: "anora-2024", FilmTitle: "Anora", FilmYear: 2024},
			`<a href="/members/bo">bo</a> reviewed <a href="/films/anora-2024">Anora</a> (2024)`},
		{member.Activity{Member: "ana", Kind: "followed", Object: "bo"},
			`<a href="/members/ana">ana</a> followed <a href="/members/bo">bo</a>`},
		{member.Activity{Member: "ana", Kind: "listed", Object: "<b>Baker</b> best"},
			`<a href="/members/ana">ana</a> made the list &lt;b&gt;Baker&lt;/b&gt; best`},
		{member.Activity{Member: "ana", Kind: "logged", FilmSlug: "x-1", FilmTitle: `Tom & "Jerry"`},
			`<a href="/members/ana">ana</a> watched <a href="/films/x-1">Tom &amp; &#34;Jerry&#34;</a>`},
	} {
		if got := string(activityHTML(tc.a)); got != tc.want {
			t.Errorf("activityHTML(%+v)\n got %s\nwant %s", tc.a, got, tc.want)
		}
	}
}
