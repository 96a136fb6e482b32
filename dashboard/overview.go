package dashboard

import (
	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
)

type overviewPage struct {
	Members int
	Growth  []analytics.Count
	Chart   chartBlock
}

// overview is the board's first page: the membership as of the chosen day.
func (s *Server) overview(c *fiber.Ctx) error {
	asOf, err := s.asOf(c)
	if err != nil {
		return err
	}
	growth, err := s.store.MemberGrowth(c.UserContext(), asOf)
	if err != nil {
		return err
	}
	data := overviewPage{Growth: growth}
	data.Members = growth[len(growth)-1].Value
	x := make([]string, len(growth))
	y := make([]int, len(growth))
	for i, g := range growth {
		x[i], y[i] = g.Date.Format("2006-01-02"), g.Value
	}
	data.Chart = lineChart(x, []series{{Name: translate(lang(c), "table.members"), Values: floats(y)}}, nil, 0)
	return s.render(c, "overview", translate(lang(c), "overview.title"), data)
}
