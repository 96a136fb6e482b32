package dashboard

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
	"malbild/data/reference"
)

type membersPage struct {
	Filter analytics.MemberFilter
	// Flow lists the rows that joined, or left, in a year (flowFilter).
	Flow      flowFilter
	Filtered  bool // a kind, county, group or flow is chosen
	Columns   []listColumn
	Rows      []memberListRow // this page of the list
	Total     int             // rows in the whole list
	Pager     pager
	Kinds     []string
	Counties  []reference.County
	Groups    []string
	ByKind    []analytics.KindsOnDay
	KindChart chartBlock
	Flows     []analytics.YearFlow
	FlowChart chartBlock
	Coverage  coverageView
}

type memberListRow struct {
	analytics.MemberRow
	County string
}

// listColumn is a header of the member list; URL sorts by it ("" when the
// list cannot be sorted by it) and Sorted is its aria-sort.
type listColumn struct {
	Key    string
	Num    bool
	URL    string
	Sorted string
}

// memberColumn is a column of the list, with the sort key of ListMembers
// for those it can sort by.
type memberColumn struct {
	key, sort string
	num       bool
}

var memberColumns = []memberColumn{
	{"members.col.name", "name", false}, {"members.col.kind", "kind", false},
	{"members.col.county", "county", false}, {"members.col.population", "population", true},
	{"members.col.group", "", false}, {"members.col.joined", "joined", false}, {"members.col.left", "", false},
	{"members.col.services", "services", true}, {"members.col.networks", "", true},
}

var memberKinds = []string{analytics.KindKommun, analytics.KindRegion, analytics.KindKommunalforbund, analytics.KindOvrig}

// members lists the members of the day, filtered and sorted as the query
// asks, above the association's growth by kind, flows and coverage.
func (s *Server) members(c *fiber.Ctx) error {
	asOf, err := s.asOf(c)
	if err != nil {
		return err
	}
	f := analytics.MemberFilter{Kind: c.Query("kind"), County: c.Query("county"), Group: c.Query("group"),
		All: c.Query("all") == "1", Sort: c.Query("sort", "name"), Desc: c.Query("desc") == "1"}
	if !slices.ContainsFunc(memberColumns, func(col memberColumn) bool { return col.sort != "" && col.sort == f.Sort }) {
		return &analytics.Error{Code: analytics.EInvalid, Message: locale.Text(lang(c), "members.badsort", f.Sort)}
	}
	ctx, l := c.UserContext(), lang(c)
	flow := readFlowFilter(c, asOf)
	if flow.Year != 0 {
		f.All = true
	}
	rows, err := s.store.ListMembers(ctx, asOf, f)
	if err != nil {
		return err
	}
	rows = flow.keep(rows, asOf)
	data := membersPage{Filter: f, Flow: flow, Filtered: f.Kind != "" || f.County != "" || f.Group != "" || flow.Year != 0,
		Kinds: memberKinds, Counties: reference.Counties()}
	data.Total = len(rows)
	rows, data.Pager = paginate(c, rows)
	for _, r := range rows {
		data.Rows = append(data.Rows, memberListRow{MemberRow: r, County: countyName(r.CountyCode)})
	}
	for _, col := range memberColumns {
		lc := listColumn{Key: col.key, Num: col.num}
		if col.sort != "" {
			desc := col.sort == f.Sort && !f.Desc
			lc.URL = flow.addTo(memberListURL(f, col.sort, desc))
			if col.sort == f.Sort {
				lc.Sorted = "ascending"
				if f.Desc {
					lc.Sorted = "descending"
				}
			}
		}
		data.Columns = append(data.Columns, lc)
	}
	if data.Groups, err = s.store.MemberGroups(ctx); err != nil {
		return err
	}
	if data.ByKind, err = s.store.MembersByKindOverTime(ctx, asOf); err != nil {
		return err
	}
	data.KindChart = kindGrowthChart(l, data.ByKind)
	if data.Flows, err = s.store.JoinedLostByYear(ctx, asOf); err != nil {
		return err
	}
	data.FlowChart = flowChart(l, data.Flows).withLinks(chartLinks(c))
	coverage, err := s.store.CoverageByCounty(ctx, asOf, countyTotals())
	if err != nil {
		return err
	}
	mapURL, err := s.assets.URL(countyGeoJSON)
	if err != nil {
		return err
	}
	data.Coverage = newCoverageView(l, coverage, mapURL, chartLinks(c))
	return s.render(c, "members", locale.Text(l, "members.title"), data)
}

// memberListURL is the list with filter f sorted by sort; the as-of date is
// added by the page's Link.
func memberListURL(f analytics.MemberFilter, sort string, desc bool) string {
	q := url.Values{}
	for k, v := range map[string]string{"kind": f.Kind, "county": f.County, "group": f.Group} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if f.All {
		q.Set("all", "1")
	}
	if sort != "name" || desc {
		q.Set("sort", sort)
	}
	if desc {
		q.Set("desc", "1")
	}
	if len(q) == 0 {
		return "/members"
	}
	return "/members?" + q.Encode()
}

// flowFilter is the list of the membership rows that joined (Which
// "joined") or were lost ("left") in Year, up to the as-of day in its own
// year: what a bar of the joined-and-lost chart counts.
type flowFilter struct {
	Which string
	Year  int
}

func readFlowFilter(c *fiber.Ctx, asOf time.Time) flowFilter {
	for _, which := range []string{"joined", "left"} {
		if y, err := strconv.Atoi(c.Query(which)); err == nil && y > 1900 && y <= asOf.Year() {
			return flowFilter{Which: which, Year: y}
		}
	}
	return flowFilter{}
}

// keep is the rows the filter lists (all of them without one).
func (f flowFilter) keep(rows []analytics.MemberRow, asOf time.Time) []analytics.MemberRow {
	if f.Year == 0 {
		return rows
	}
	first, last := time.Date(f.Year, time.January, 1, 0, 0, 0, 0, time.UTC), mustDay(yearEnd(f.Year, asOf))
	var out []analytics.MemberRow
	for _, r := range rows {
		day := r.JoinedOn
		if f.Which == "left" {
			day = r.LeftOn
		}
		if !day.IsZero() && !day.Before(first) && !day.After(last) {
			out = append(out, r)
		}
	}
	return out
}

// addTo keeps the filter in a link of the list, such as a sort.
func (f flowFilter) addTo(link string) string {
	if f.Year == 0 {
		return link
	}
	sep := "?"
	if strings.Contains(link, "?") {
		sep = "&"
	}
	return link + sep + f.Which + "=" + strconv.Itoa(f.Year)
}
