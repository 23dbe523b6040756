package web

import (
	"net/http"
)

// historyPager places a history page in its dossier's revisions (nums,
// newest first): the page that starts below revision before (0: the
// newest), with numbered links whose before= starts each page, as the
// "Older" link does.
func historyPager(r *http.Request, nums []int, before, per int) pager {
	newer := 0 // revisions on the pages before this one
	if before > 0 {
		for newer < len(nums) && nums[newer] >= before {
			newer++
		}
	}
	p := pager{Page: newer/per + 1, Pages: max((len(nums)+per-1)/per, 1)}
	start := func(page int) string { // the before= of a page's first revision
		if page <= 1 {
			return withParam(r, "before", "")
		}
		return withParam(r, "before", itoa(nums[(page-1)*per-1]))
	}
	if p.Page > 1 {
		p.PrevURL = start(p.Page - 1)
	}
	if newer+per < len(nums) {
		p.NextURL = withParam(r, "before", itoa(nums[newer+per-1]))
	}
	if p.Pages > 1 {
		lo, hi := max(p.Page-2, 2), min(p.Page+2, p.Pages-1)
		ns := []int{1}
		for n := lo; n <= hi; n++ {
			ns = append(ns, n)
		}
		ns = append(ns, p.Pages)
		for i, n := range ns {
			if i > 0 && n > ns[i-1]+1 {
				p.Numbers = append(p.Numbers, pageLink{})
			}
			p.Numbers = append(p.Numbers, pageLink{Page: n, URL: start(n), Current: n == p.Page})
		}
	}
	return p
}
