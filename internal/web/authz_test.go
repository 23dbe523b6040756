package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"

	"marquee/internal/auth"
	"marquee/internal/film"
	"marquee/internal/member"
	"marquee/internal/store/storetest"
)

// who may pass a route's authorization.
type access int

const (
	anyone  access = iota // visitors too
	members               // any signed-in account
	admins                // admins only
	owner                 // only the member who owns the content
	editors               // editors and admins
)

// authzTable lists every route of the site and the API with who may use
// it and, for routes with wildcards, the path to try. A route added to
// Handler without a line here fails TestAuthorizationTable.
var authzTable = map[string]struct {
	who  access
	path func(f *authzFixture) string
}{
	"GET /{$}":                                 {anyone, nil},
	"GET /films":                               {anyone, nil},
	"GET /films/{slug}":                        {anyone, nil},
	"GET /films/{film}/characters/{slug}":      {anyone, nil},
	"GET /people/{slug}":                       {anyone, nil},
	"GET /themes/{slug}":                       {anyone, nil},
	"POST /themes/{slug}/rename":               {editors, nil},
	"POST /themes/{slug}/merge":                {editors, nil},
	"POST /themes/{slug}/split":                {editors, nil},
	"GET /films/{slug}/facts/edit":             {editors, nil},
	"POST /films/{slug}/facts/advisories":      {editors, nil},
	"POST /films/{slug}/facts/awards":          {editors, nil},
	"GET /places/{slug}":                       {anyone, nil},
	"GET /publications/{slug}":                 {anyone, nil},
	"GET /browse":                              {anyone, nil},
	"GET /compare/{a}/{b}":                     {anyone, nil},
	"GET /search":                              {anyone, nil},
	"GET /feed.atom":                           {anyone, nil},
	"GET /sitemap.xml":                         {anyone, nil},
	"GET /sitemaps/{kind}/{file}":              {anyone, nil},
	"GET /robots.txt":                          {anyone, nil},
	"GET /healthz":                             {anyone, nil},
	"GET /readyz":                              {anyone, nil},
	"GET /static/":                             {anyone, func(*authzFixture) string { return "/static/site.css" }},
	"GET /signup":                              {anyone, nil},
	"POST /signup":                             {anyone, nil},
	"GET /signin":                              {anyone, nil},
	"POST /signin":                             {anyone, nil},
	"POST /signout":                            {members, nil},
	"GET /reset/{token}":                       {anyone, nil},
	"POST /reset/{token}":                      {anyone, nil},
	"GET /settings":                            {members, nil},
	"POST /settings/profile":                   {members, nil},
	"POST /settings/password":                  {members, nil},
	"POST /settings/delete":                    {members, nil},
	"GET /settings/sessions":                   {members, nil},
	"POST /settings/sessions/{id}/revoke":      {owner, func(f *authzFixture) string { return fmt.Sprintf("/settings/sessions/%d/revoke", f.ownerSession) }},
	"GET /settings/apikeys":                    {members, nil},
	"POST /settings/apikeys":                   {members, nil},
	"POST /settings/apikeys/{id}/revoke":       {owner, func(f *authzFixture) string { return fmt.Sprintf("/settings/apikeys/%d/revoke", f.ownerKey) }},
	"GET /admin/users":                         {admins, nil},
	"POST /admin/users/{id}/role":              {admins, func(f *authzFixture) string { return fmt.Sprintf("/admin/users/%d/role", f.target) }},
	"POST /admin/users/{id}/disable":           {admins, func(f *authzFixture) string { return fmt.Sprintf("/admin/users/%d/disable", f.target) }},
	"POST /admin/signup":                       {admins, nil},
	"POST /admin/invites":                      {admins, nil},
	"GET /admin/audit":                         {admins, nil},
	"/":                                        {anyone, nil},
	"/api/":                                    {anyone, nil},
	"GET /api/v1/films":                        {anyone, nil},
	"GET /api/v1/films/{key}":                  {anyone, nil},
	"GET /api/v1/people":                       {anyone, nil},
	"GET /api/v1/people/{slug}":                {anyone, nil},
	"GET /api/v1/search":                       {anyone, nil},
	"GET /api/v1/suggest":                      {anyone, nil},
	"GET /api/v1/openapi.json":                 {anyone, nil},
	"GET /api/v1/me":                           {members, nil},
	"PATCH /api/v1/me":                         {members, nil},
	"GET /themes":                              {anyone, nil},
	"GET /api/v1/films/{slug}/similar":         {anyone, nil},
	"GET /api/v1/users/{name}/recommendations": {anyone, nil},
	"GET /people":                              {anyone, nil},
	"GET /characters":                          {anyone, nil},
	"GET /places":                              {anyone, nil},
	"GET /publications":                        {anyone, nil},
	"GET /compare":                             {anyone, nil},
	"GET /images/{hash}/{file}":                {anyone, nil},
	// The wiki half (issue 14). Own-content rules (no vote on one's own
	// theory) and protection are the store's and the handlers', tested in
	// wiki_test.go; here, the role each route needs.
	"GET /films/{slug}/history":               {anyone, nil},
	"GET /films/{slug}/diff":                  {anyone, nil},
	"GET /films/{slug}/edit":                  {anyone, nil},
	"POST /films/{slug}/edit":                 {members, nil},
	"POST /films/{slug}/revisions/{rev}/undo": {members, nil},
	"POST /films/{slug}/rollback":             {editors, nil},
	"POST /films/{slug}/protect":              {admins, nil},
	"GET /films/{slug}/theories":              {anyone, nil},
	"POST /films/{slug}/theories":             {members, nil},
	"GET /theories/{id}":                      {anyone, nil},
	"POST /theories/{id}/vote":                {members, nil},
	"POST /theories/{id}/status":              {editors, nil},
	"POST /theories/{id}/hide":                {editors, nil},
	"GET /films/{slug}/talk":                  {anyone, nil},
	"POST /films/{slug}/talk":                 {members, nil},
	"GET /threads/{id}":                       {anyone, nil},
	"POST /threads/{id}/comments":             {members, nil},
	"POST /threads/{id}/follow":               {members, nil},
	"GET /comments/{id}":                      {anyone, nil},
	"POST /comments/{id}/hide":                {editors, nil},
	"POST /reports":                           {members, nil},
	"POST /reports/{id}/resolve":              {editors, nil},
	"GET /moderation":                         {editors, nil},
	"GET /recent-changes":                     {anyone, nil},
	"GET /recent-changes.atom":                {anyone, nil},
	"GET /api/v1/films/{key}/theories":        {anyone, nil},
	"POST /api/v1/films/{key}/theories":       {members, nil},
	"GET /api/v1/theories/{id}":               {anyone, nil},
	"PUT /api/v1/theories/{id}/vote":          {members, nil},
	"GET /api/v1/threads/{id}":                {anyone, nil},
	"POST /api/v1/threads/{id}/comments":      {members, nil},
	"GET /api/v1/films/{key}/revisions":       {anyone, nil},
	"GET /api/v1/films/{key}/revisions/{rev}": {anyone, nil},
	"GET /api/v1/films/{key}/diff":            {anyone, nil},
	"GET /api/v1/recent-changes":              {anyone, nil},
	// Members (issue 13): own-content routes are checked against another
	// member's content in members_flow_test.go (403 for everyone but the owner).
	"POST /films/{slug}/rate":             {members, nil},
	"POST /films/{slug}/like":             {members, nil},
	"POST /films/{slug}/watchlist":        {members, nil},
	"POST /films/{slug}/reviews":          {members, nil},
	"POST /films/{slug}/diary":            {members, nil},
	"POST /films/{slug}/lists":            {members, nil},
	"POST /reviews/{id}/like":             {members, nil},
	"POST /reviews/{id}/edit":             {owner, ownPath("review", "/reviews/%d/edit")},
	"POST /reviews/{id}/delete":           {owner, ownPath("review", "/reviews/%d/delete")},
	"POST /reviews/{id}/hide":             {editors, nil},
	"POST /diary/{id}/delete":             {owner, ownPath("diary", "/diary/%d/delete")},
	"POST /lists/{id}/delete":             {owner, ownPath("list", "/lists/%d/delete")},
	"POST /lists/{id}/settings":           {owner, ownPath("list", "/lists/%d/settings")},
	"GET /members/{name}":                 {anyone, nil},
	"GET /members/{name}/diary":           {anyone, nil},
	"GET /members/{name}/lists/{slug}":    {anyone, nil},
	"GET /members/{name}/feed.atom":       {anyone, nil},
	"POST /members/{name}/follow":         {members, nil},
	"GET /following":                      {members, nil},
	"GET /for-you":                        {members, nil},
	"GET /settings/films":                 {members, nil},
	"POST /settings/privacy":              {members, nil},
	"POST /settings/import":               {members, nil},
	"GET /settings/export/letterboxd.zip": {members, nil},
	"POST /settings/import/{id}":          {owner, ownPath("pending", "/settings/import/%d")},
	"GET /api/v1/films/{slug}/members":    {anyone, nil},
	"PUT /api/v1/films/{slug}/rating":     {members, nil},
	"POST /api/v1/films/{slug}/reviews":   {members, nil},
	"POST /api/v1/films/{slug}/diary":     {members, nil},
	"DELETE /api/v1/reviews/{id}":         {owner, ownPath("review", "/api/v1/reviews/%d")},
	"GET /api/v1/members/{name}/diary":    {anyone, nil},
	"PUT /api/v1/films/{slug}/watchlist":  {members, nil},
	"PUT /api/v1/members/{name}/follow":   {members, nil},
	"GET /api/v1/members/{name}/lists":    {anyone, nil},
	// The members' API (issue 13, item 8): own-content routes name the
	// member's content, so "other member" and "editor" meet the rule.
	"GET /api/v1/members/{name}":               {anyone, nil},
	"GET /api/v1/members/{name}/followers":     {anyone, nil},
	"GET /api/v1/members/{name}/following":     {anyone, nil},
	"GET /api/v1/members/{name}/activity":      {anyone, nil},
	"GET /api/v1/members/{name}/watchlist":     {anyone, nil},
	"GET /api/v1/members/{name}/reviews":       {anyone, nil},
	"GET /api/v1/members/{name}/lists/{slug}":  {anyone, nil},
	"GET /api/v1/me/feed":                      {members, nil},
	"POST /api/v1/lists":                       {members, nil},
	"PATCH /api/v1/lists/{id}":                 {owner, ownPath("list", "/api/v1/lists/%d")},
	"DELETE /api/v1/lists/{id}":                {owner, ownPath("list", "/api/v1/lists/%d")},
	"POST /api/v1/lists/{id}/entries":          {owner, ownPath("list", "/api/v1/lists/%d/entries")},
	"PATCH /api/v1/lists/{id}/entries/{film}":  {owner, ownPath("list", "/api/v1/lists/%d/entries/x")},
	"DELETE /api/v1/lists/{id}/entries/{film}": {owner, ownPath("list", "/api/v1/lists/%d/entries/x")},
	"PATCH /api/v1/diary/{id}":                 {owner, ownPath("diary", "/api/v1/diary/%d")},
	"DELETE /api/v1/diary/{id}":                {owner, ownPath("diary", "/api/v1/diary/%d")},
	"PATCH /api/v1/reviews/{id}":               {owner, ownPath("review", "/api/v1/reviews/%d")},
	"PUT /api/v1/reviews/{id}/like":            {members, nil},
	"PUT /api/v1/reviews/{id}/hidden":          {editors, ownPath("review", "/api/v1/reviews/%d/hidden")},
	"GET /api/v1/me/privacy":                   {members, nil},
	"PUT /api/v1/me/privacy":                   {members, nil},
	"GET /api/v1/me/pending":                   {members, nil},
	"PUT /api/v1/me/pending/{id}":              {owner, ownPath("pending", "/api/v1/me/pending/%d")},
	"POST /api/v1/me/letterboxd":               {members, nil},
	"GET /api/v1/me/letterboxd":                {members, nil},
	"POST /api/v1/me/imdb/{kind}":              {members, nil},
	"GET /api/v1/me/imdb/{kind}":               {members, nil},
}

// authzFixture is one round of the table: fresh accounts, signed in.
type authzFixture struct {
	clients      map[string]*client // by actor
	ownerSession int64              // a session of "member"
	ownerKey     int64              // an API key of "member"
	target       int64              // an account admins act on
	targetName   string
	content      map[string]int64 // the member's review, diary entry, list and pending row
}

// memberContent gives the member one of each kind of own content.
func memberContent(t *testing.T, s *authSite, uid int64, round int) map[string]int64 {
	ctx := context.Background()
	slug := fmt.Sprintf("authz-film-%d", round)
	if err := s.st.PutFilm(ctx, &film.Film{Slug: slug, Title: slug}); err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	var err error
	if out["review"], err = s.st.PutReview(ctx, uid, member.Review{FilmSlug: slug, Body: "x"}); err != nil {
		t.Fatal(err)
	}
	if out["diary"], err = s.st.LogViewing(ctx, uid, member.DiaryEntry{FilmSlug: slug, WatchedOn: "2024-01-01"}); err != nil {
		t.Fatal(err)
	}
	if out["list"], err = s.st.SaveList(ctx, uid, member.List{Name: slug, Public: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.st.ApplyImport(ctx, uid, member.Data{}, []member.Pending{{File: "watched.csv", Line: 2, Title: "Nothing", Kind: "unmatched"}}); err != nil {
		t.Fatal(err)
	}
	p, err := s.st.PendingImports(ctx, uid)
	if err != nil || len(p) == 0 {
		t.Fatalf("pending: %v", err)
	}
	out["pending"] = p[0].ID
	return out
}

func ownPath(kind, format string) func(f *authzFixture) string {
	return func(f *authzFixture) string { return fmt.Sprintf(format, f.content[kind]) }
}

var actors = []string{"anonymous", "member", "other member", "editor", "admin"}

func newAuthzFixture(t *testing.T, s *authSite, round int) *authzFixture {
	ctx := context.Background()
	f := &authzFixture{clients: map[string]*client{}}
	roles := map[string]auth.Role{"member": auth.RoleMember, "other member": auth.RoleMember, "editor": auth.RoleEditor, "admin": auth.RoleAdmin}
	for _, a := range actors {
		c := s.client()
		f.clients[a] = c
		if a == "anonymous" {
			c.token("/signin") // a visitor's CSRF cookie, so public writes get past CSRF
			continue
		}
		name := fmt.Sprintf("%s%d", strings.ReplaceAll(a, " ", ""), round)
		u := s.addUser(name, roles[a], goodPassword)
		c.signIn(name, goodPassword)
		if a == "member" {
			list, err := s.web.Auth().Sessions(ctx, u.ID)
			if err != nil || len(list) != 1 {
				t.Fatalf("member sessions: %v %v", list, err)
			}
			f.ownerSession = list[0].ID
			_, k, err := s.web.Auth().CreateAPIKey(ctx, u.ID, "k", "read")
			if err != nil {
				t.Fatal(err)
			}
			f.ownerKey = k.ID
			f.content = memberContent(t, s, u.ID, round)
		}
	}
	f.targetName = fmt.Sprintf("target%d", round)
	f.target = s.addUser(f.targetName, auth.RoleMember, goodPassword).ID
	return f
}

// refused reports whether a response is an authorization refusal: 401,
// 403, or a page's redirect to sign in.
func refused(res *http.Response) bool {
	return res.StatusCode == http.StatusUnauthorized || res.StatusCode == http.StatusForbidden ||
		res.StatusCode == http.StatusSeeOther && strings.HasPrefix(res.Header.Get("Location"), "/signin")
}

func TestAuthorizationTable(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		s := newAuthSite(t, dsn)
		routes := s.web.Routes()
		seen := map[string]bool{}
		for _, r := range routes {
			seen[r.Pattern] = true
			if _, ok := authzTable[r.Pattern]; !ok {
				t.Errorf("route %q has no line in authzTable: declare who may use it", r.Pattern)
			}
		}
		var stale []string
		for p := range authzTable {
			if !seen[p] {
				stale = append(stale, p)
			}
		}
		sort.Strings(stale)
		for _, p := range stale {
			t.Errorf("authzTable lists %q, which is not a route", p)
		}
		for i, r := range routes {
			want, ok := authzTable[r.Pattern]
			if !ok {
				continue
			}
			f := newAuthzFixture(t, s, i)
			// The owner goes last: its write may spend what the others try.
			for _, actor := range []string{"anonymous", "other member", "editor", "admin", "member"} {
				allowed := map[access]bool{
					anyone:  true,
					members: actor != "anonymous",
					admins:  actor == "admin",
					owner:   actor == "member",
					editors: actor == "editor" || actor == "admin",
				}[want.who]
				res := f.request(t, s, r.Pattern, want.path, actor)
				if got := !refused(res); got != allowed {
					t.Errorf("%s as %s: status %d (Location %q); want allowed=%v", r.Pattern, actor, res.StatusCode, res.Header.Get("Location"), allowed)
				}
			}
		}
	})
}

// request sends the route's method to its path as actor, with the
// actor's CSRF token, and returns the response.
func (f *authzFixture) request(t *testing.T, s *authSite, pattern string, path func(*authzFixture) string, actor string) *http.Response {
	method, p, ok := strings.Cut(pattern, " ")
	if !ok {
		method, p = "GET", pattern
	}
	if path != nil {
		p = path(f)
	} else {
		p = strings.TrimSuffix(p, "{$}")
		for _, seg := range []string{"{slug}", "{film}", "{a}", "{b}", "{kind}", "{file}", "{token}", "{key}", "{id}", "{rev}", "{name}"} {
			p = strings.ReplaceAll(p, seg, "x")
		}
	}
	c := f.clients[actor]
	tok := ""
	if actor == "anonymous" {
		tok = c.cookie("marquee_csrf")
	} else {
		tok = c.token("/settings")
	}
	var req *http.Request
	if method == "PATCH" {
		req, _ = http.NewRequest(method, s.srv.URL+p, strings.NewReader(`{"display_name":"x"}`))
		req.Header.Set("Content-Type", "application/json")
	} else {
		form := url.Values{auth.CSRFField: {tok}}
		if pattern == "POST /signin" { // a failed sign-in is a 401 of its own, not a refusal
			form.Set("username", f.targetName)
			form.Set("password", goodPassword)
		}
		req, _ = http.NewRequest(method, s.srv.URL+p, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set(auth.CSRFHeader, tok)
	res, _ := c.do(req)
	return res
}
