package dashboard

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
)

// matrixView is the member × service table: a row per active member, a
// column per service or network, a mark where the member takes part.
type matrixView struct {
	Services []analytics.ServiceParticipants
	Rows     []matrixRow
	Total    int    // active members before the limit
	County   string // the county filter, if any
	Counties []string
}

type matrixRow struct {
	ID    int64
	Name  string
	Cells []bool
}

func (s *Server) matrix(c *fiber.Ctx, asOf time.Time, services []analytics.ServiceParticipants) (matrixView, error) {
	ctx := c.UserContext()
	v := matrixView{Services: services, County: c.Query("county")}
	members, err := s.store.ListMembers(ctx, asOf, analytics.MemberFilter{County: v.County})
	if err != nil {
		return v, err
	}
	cells, err := s.store.MemberServiceMatrix(ctx, asOf)
	if err != nil {
		return v, err
	}
	takesPart := make(map[analytics.MatrixCell]bool, len(cells))
	for _, cell := range cells {
		takesPart[cell] = true
	}
	v.Total = len(members)
	if len(members) > matrixLimit {
		members = members[:matrixLimit]
	}
	for _, m := range members {
		row := matrixRow{ID: m.ID, Name: m.Name, Cells: make([]bool, len(services))}
		for i, sv := range services {
			row.Cells[i] = takesPart[analytics.MatrixCell{MemberID: m.ID, ServiceID: sv.ServiceID}]
		}
		v.Rows = append(v.Rows, row)
	}
	return v, nil
}

// Limited says the matrix shows fewer members than there are.
func (v matrixView) Limited() bool { return len(v.Rows) < v.Total }
