package dashboard

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

type servicePage struct {
	Service       analytics.Service
	Now           analytics.ServiceParticipants
	Chart         chartBlock
	Points        []analytics.AdoptionPoint
	Active        []analytics.ServiceHistoryRow
	Former        []analytics.ServiceHistoryRow
	MembersOnAsOf int
	Benefits      benefitRows
}

// service shows one service or network: its participants over time and who
// takes part on the day, with every earlier participation below.
func (s *Server) service(c *fiber.Ctx) error {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return fiber.ErrNotFound
	}
	asOf, err := s.asOf(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	var data servicePage
	if data.Service, err = s.store.ServiceByID(ctx, id); err != nil {
		return err
	}
	all, err := s.store.ServiceParticipation(ctx, asOf)
	if err != nil {
		return err
	}
	for _, sv := range all {
		if sv.ServiceID == id {
			data.Now = sv
		}
	}
	adoption, err := s.store.ServiceAdoption(ctx, asOf, id)
	if err != nil {
		return err
	}
	var days []string
	var counts []int
	for _, p := range adoption {
		if p.ServiceID == id {
			data.Points = append(data.Points, p)
			days, counts = append(days, p.Date.Format("2006-01-02")), append(counts, p.Participants)
		}
	}
	var lines []refLine
	if data.Service.Kind == analytics.KindNetwork {
		lines = []refLine{{Label: "20", Value: 20}}
	}
	data.Chart = lineChart(days, []series{{Name: locale.Text(lang(c), "services.participants"), Values: floats(counts)}}, lines, 0)
	history, err := s.store.ServiceParticipations(ctx, id, asOf)
	if err != nil {
		return err
	}
	for _, h := range history {
		if h.Active {
			data.Active = append(data.Active, h)
		} else {
			data.Former = append(data.Former, h)
		}
	}
	benefits, err := s.store.ServiceBenefits(ctx, id, asOf)
	if err != nil {
		return err
	}
	for _, b := range benefits {
		data.Benefits = append(data.Benefits, benefitRowOf(lang(c), b))
	}
	return s.render(c, "service", data.Service.Name, data)
}
