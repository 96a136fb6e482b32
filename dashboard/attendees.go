package dashboard

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// noCounty is the county filter of the members that have no county (such
// as SKR) in the attendance by county.
const noCounty = "none"

// attendeesView is the list a bar of attendance leads to: the members of a
// kind, or of a county, who came to the year's events, with the people each
// sent.
type attendeesView struct {
	Shown bool
	Of    string // the kind's or the county's name
	Rows  []analytics.Attendee
}

// attendeesOf fills the list when the page is asked for a kind
// (?kind=kommun) or a county (?county=20, ?county=none).
func (s *Server) attendeesOf(c *fiber.Ctx, day time.Time, data *eventsPage) error {
	kind, county := c.Query("kind"), c.Query("county")
	if kind == "" && county == "" {
		return nil
	}
	all, err := s.store.AttendeesOfYear(c.UserContext(), day)
	if err != nil {
		return err
	}
	v := attendeesView{Shown: true}
	switch {
	case kind != "":
		v.Of = locale.Text(lang(c), "members.kind."+kind)
	case county == noCounty:
		v.Of = locale.Text(lang(c), "events.nocounty")
	default:
		v.Of = countyName(county)
	}
	for _, a := range all {
		if (kind != "" && a.Kind == kind) || (county == noCounty && a.CountyCode == "") || (county != "" && a.CountyCode == county) {
			v.Rows = append(v.Rows, a)
		}
	}
	data.Attendees = v
	return nil
}
