package api

import (
	"net/http"

	"marquee/internal/auth"
)

// Profile is a member's public profile: counts, rating distribution and
// favourite four.
type Profile struct {
	Name         string   `json:"name"`
	Profile      string   `json:"profile"` // "public" or "members"
	DiaryPrivate bool     `json:"diary_private"`
	Favourites   []string `json:"favourites"`
	Films        int      `json:"films"`
	Diary        int      `json:"diary"`
	Rewatches    int      `json:"rewatches"`
	Reviews      int      `json:"reviews"`
	Lists        int      `json:"lists"` // public lists
	Following    int      `json:"following"`
	Followers    int      `json:"followers"`
	Histogram    []int    `json:"histogram"` // ratings by half star, ½ to 5
	FollowedByMe bool     `json:"followed_by_me"`
}

// memberShow answers GET /api/v1/members/{name}: the member's profile, as
// the site's profile page shows it.
func (s *Server) memberShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	uid, st, self, err := s.memberAccess(ctx, r)
	if err != nil {
		return err
	}
	stats, err := s.store.MemberStatsOf(ctx, uid)
	if err != nil {
		return err
	}
	p := Profile{Name: r.PathValue("name"), Profile: string(st.Profile), DiaryPrivate: st.DiaryPrivate, Favourites: st.Favourites,
		Films: stats.Films, Reviews: stats.Reviews, Lists: stats.Lists, Following: stats.Following, Followers: stats.Followers,
		Histogram: stats.Ratings.Counts[:]}
	if self || !st.DiaryPrivate {
		p.Diary, p.Rewatches = stats.Diary, stats.Rewatches
	}
	if p.Favourites == nil {
		p.Favourites = []string{}
	}
	if u, ok := auth.UserFrom(ctx); ok && !self {
		if p.FollowedByMe, err = s.store.Follows(ctx, u.ID, uid); err != nil {
			return err
		}
	}
	return privateJSON(w, r, http.StatusOK, p)
}
