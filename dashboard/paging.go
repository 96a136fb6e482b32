package dashboard

import (
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"
)

// pageSize is how many rows a long list shows at once: the member list and
// the fee list of a registry with thousands of members stay quick to send
// and to read; the totals are always of the whole list.
const pageSize = 500

// pager says which part of a long list a page shows, with links to the
// parts before and after it (the query kept, the date added by Link).
type pager struct {
	First, Last, Total int
	Prev, Next         string
}

// paginate picks the ?page= part of rows.
func paginate[T any](c *fiber.Ctx, rows []T) ([]T, pager) {
	n, _ := strconv.Atoi(c.Query("page", "1"))
	pages := max(1, (len(rows)+pageSize-1)/pageSize)
	n = min(max(n, 1), pages)
	from, to := (n-1)*pageSize, min(n*pageSize, len(rows))
	return rows[from:to], pagerOf(c, n, pages, from+1, to, len(rows))
}

// pagerOf is the pager of page n of pages showing rows first to last of
// total, for a list that the database pages itself.
func pagerOf(c *fiber.Ctx, n, pages, first, last, total int) pager {
	p := pager{First: first, Last: last, Total: total}
	link := func(page int) string {
		q, _ := url.ParseQuery(string(c.Request().URI().QueryString()))
		q.Del("asof")
		q.Set("page", strconv.Itoa(page))
		return c.Path() + "?" + q.Encode()
	}
	if n > 1 {
		p.Prev = link(n - 1)
	}
	if n < pages {
		p.Next = link(n + 1)
	}
	return p
}

// Paged says the list does not fit one page.
func (p pager) Paged() bool { return p.Prev != "" || p.Next != "" }
