package dashboard

import (
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
)

// matrixPageSize is how many members the member × service matrix shows at
// once (?page=, or narrowed by county): 20 000 members stay a page of
// 100 rows, not a table of megabytes.
const matrixPageSize = 100

// matrixView is the member × service table: a row per active member, a
// column per service or network shown, a mark where the member takes part.
type matrixView struct {
	Services []analytics.ServiceParticipants
	Rows     []matrixRow
	Pager    pager
	Size     int    // rows a page shows
	County   string // the county filter, if any
}

type matrixRow struct {
	ID    int64
	Name  string
	Cells []bool
}

// matrix asks for the ?page= part of the rows, with a column for each
// service shown.
func (s *Server) matrix(c *fiber.Ctx, asOf time.Time, services []analytics.ServiceParticipants) (matrixView, error) {
	v := matrixView{Services: services, Size: matrixPageSize, County: c.Query("county")}
	n, _ := strconv.Atoi(c.Query("page", "1"))
	page, err := s.store.MemberServiceMatrixPage(c.UserContext(), asOf, v.County, n, matrixPageSize)
	if err != nil {
		return v, err
	}
	first := (page.Page-1)*matrixPageSize + 1
	v.Pager = pagerOf(c, page.Page, page.Pages, min(first, page.Total), first+len(page.Rows)-1, page.Total)
	for _, m := range page.Rows {
		takesPart := make(map[int64]bool, len(m.Services))
		for _, id := range m.Services {
			takesPart[id] = true
		}
		row := matrixRow{ID: m.ID, Name: m.Name, Cells: make([]bool, len(services))}
		for i, sv := range services {
			row.Cells[i] = takesPart[sv.ServiceID]
		}
		v.Rows = append(v.Rows, row)
	}
	return v, nil
}
