package dashboard

import (
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

type memberPage struct {
	Member         analytics.Member
	County         string
	Active         bool // a member on the as-of day
	Memberships    []analytics.Member
	Participations []analytics.ParticipationRow
	Engagement     []analytics.Engagement
	Chart          chartBlock
	FeeYear        int
	Schedule       bool     // the fee year has a schedule
	Fees           []feeRow // the membership rows billed in FeeYear
	Personal       bool
	Benefits       []memberBenefitRow // what the organisation realised (benefit.go)
}

// member shows one membership row with every membership of the same
// organisation, the services and networks it took part in and its fee for
// the as-of year. An id that is not a number or names no row is a 404.
func (s *Server) member(c *fiber.Ctx) error {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return fiber.ErrNotFound
	}
	asOf, err := s.asOf(c)
	if err != nil {
		return err
	}
	ctx, l := c.UserContext(), lang(c)
	m, err := s.store.MemberByID(ctx, id)
	if err != nil {
		return err
	}
	data := memberPage{Member: m, County: countyName(m.CountyCode), Active: activeOn(m, asOf),
		FeeYear: asOf.Year(), Personal: s.showPersonal(c)}
	if data.Memberships, err = s.store.Memberships(ctx, m); err != nil {
		return err
	}
	ids := make([]int64, len(data.Memberships))
	for i, ms := range data.Memberships {
		ids[i] = ms.ID
	}
	if data.Participations, err = s.store.ParticipationsOf(ctx, asOf, ids...); err != nil {
		return err
	}
	if data.Engagement, err = s.store.EngagementOverTime(ctx, asOf, ids...); err != nil {
		return err
	}
	data.Chart = engagementChart(l, m.Name, data.Engagement)
	data.Schedule = true
	for _, rowID := range ids {
		fee, err := s.store.MemberFee(ctx, rowID, data.FeeYear)
		if analytics.ErrorCode(err) == analytics.ENotFound {
			data.Schedule = false
			break
		}
		if err != nil {
			return err
		}
		// A row that does not overlap the year bills no month; a row that
		// starts in December bills none either, but its contribution.
		if fee.Months > 0 || fee.FirstYear {
			data.Fees = append(data.Fees, newFeeRow(l, fee))
		}
	}
	if data.Benefits, err = s.memberBenefits(c, asOf, ids); err != nil {
		return err
	}
	return s.render(c, "member", m.Name, data)
}

// activeOn is DESIGN's definition of an active member on day d.
func activeOn(m analytics.Member, d time.Time) bool {
	return !m.JoinedOn.After(d) && (m.LeftOn.IsZero() || !d.After(m.LeftOn))
}

// engagementChart draws the services and networks an organisation took part
// in at each day; its description names the organisation for screen readers.
func engagementChart(l, name string, days []analytics.Engagement) chartBlock {
	x := make([]string, len(days))
	services, networks := make([]int, len(days)), make([]int, len(days))
	for i, d := range days {
		x[i], services[i], networks[i] = d.Date.Format(time.DateOnly), d.Services, d.Networks
	}
	b := barChart(x, []series{{Name: locale.Text(l, "members.col.services"), Values: floats(services)},
		{Name: locale.Text(l, "members.col.networks"), Values: floats(networks)}}, nil, 0, false, nil)
	return described(wholeNumbers(b), locale.Text(l, "member.engagement.description", name))
}
