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

// matrixPage asks for the ?page= part of the rows, of the county asked for;
// it reads the query before it is run beside the page's other queries.
func (s *Server) matrixPage(c *fiber.Ctx, asOf time.Time) (county string, ask func() (analytics.MatrixPage, error)) {
	county = c.Query("county")
	n, _ := strconv.Atoi(c.Query("page", "1"))
	ctx := c.UserContext()
	return county, func() (analytics.MatrixPage, error) {
		return s.store.MemberServiceMatrixPage(ctx, asOf, county, n, matrixPageSize)
	}
}

// newMatrixView lays out the page of rows with a column for each service
// shown.
func newMatrixView(c *fiber.Ctx, county string, page analytics.MatrixPage, services []analytics.ServiceParticipants) matrixView {
	v := matrixView{Services: services, Size: matrixPageSize, County: county}
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
	return v
}
