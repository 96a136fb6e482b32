package dashboard

import (
	"net/url"
	"sort"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
)

// servicesShown is how many services, and how many networks, the services
// page shows unless asked for all (?services=all): with hundreds of them its
// charts, table and matrix would be unreadable and megabytes long.
const servicesShown = 20

// shownServices says whether the page shows every service and network, and
// links to the other choice (the page's query kept, the date added by Link).
type shownServices struct {
	All, Limited bool // Limited: some are left out
	Limitable    bool // a kind has more than servicesShown: the choice is offered
	Shown, Total int
	Toggle       string
}

// largestServices keeps, of each kind, the servicesShown with the most
// participants (in the order of all), unless the query asks for all.
func largestServices(c *fiber.Ctx, all []analytics.ServiceParticipants) ([]analytics.ServiceParticipants, shownServices) {
	v := shownServices{All: c.Query("services") == "all", Total: len(all)}
	v.Toggle = servicesToggle(c, !v.All)
	kept := map[int64]bool{}
	for _, kind := range []string{analytics.KindService, analytics.KindNetwork} {
		var ofKind []analytics.ServiceParticipants
		for _, sv := range all {
			if sv.Kind == kind {
				ofKind = append(ofKind, sv)
			}
		}
		sort.SliceStable(ofKind, func(i, j int) bool { return ofKind[i].Participants > ofKind[j].Participants })
		if len(ofKind) > servicesShown {
			v.Limitable = true
			if !v.All {
				ofKind = ofKind[:servicesShown]
			}
		}
		for _, sv := range ofKind {
			kept[sv.ServiceID] = true
		}
	}
	var shown []analytics.ServiceParticipants
	for _, sv := range all {
		if kept[sv.ServiceID] {
			shown = append(shown, sv)
		}
	}
	v.Shown = len(shown)
	v.Limited = v.Shown < v.Total
	return shown, v
}

// servicesToggle is this page's link with every service shown (all) or the
// largest only; the matrix starts again at its first page.
func servicesToggle(c *fiber.Ctx, all bool) string {
	q, _ := url.ParseQuery(string(c.Request().URI().QueryString()))
	q.Del("asof")
	q.Del("page")
	q.Del("services")
	if all {
		q.Set("services", "all")
	}
	if len(q) == 0 {
		return c.Path()
	}
	return c.Path() + "?" + q.Encode()
}
