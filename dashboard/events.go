package dashboard

import (
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
)

type eventsPage struct {
	Year        int
	PerYear     []analytics.EventYear
	YearLinks   []string // the events of each year of PerYear
	YearChart   chartBlock
	Events      []analytics.EventRow
	People      int // at the year's events, summed
	ByKind      []analytics.KindAttendance
	KindChart   chartBlock
	ByCounty    []countyAttendanceRow
	CountyChart chartBlock
}

type countyAttendanceRow struct {
	analytics.CountyAttendance
	Name string
	Link string // the member list of the county
}

// events shows the conferences per year by format, the events of the
// as-of year and who came to them, by member kind and by county.
func (s *Server) events(c *fiber.Ctx) error {
	asOf, err := s.asOf(c)
	if err != nil {
		return err
	}
	ctx, l, link := c.UserContext(), lang(c), chartLinks(c)
	data := eventsPage{Year: asOf.Year()}
	if data.PerYear, err = s.store.EventsPerYear(ctx, asOf); err != nil {
		return err
	}
	n := len(data.PerYear)
	years := make([]string, n)
	data.YearLinks = make([]string, n)
	digital, physical, hybrid := make([]int, n), make([]int, n), make([]int, n)
	for i, y := range data.PerYear {
		years[i], data.YearLinks[i] = strconv.Itoa(y.Year), link("/events?year="+strconv.Itoa(y.Year))
		digital[i], physical[i], hybrid[i] = y.Digital, y.Physical, y.Hybrid
	}
	// ?year= shows an earlier year's events, read at its end, while the
	// site-wide as-of date stays what it was.
	if y, err := strconv.Atoi(c.Query("year")); err == nil && n > 0 && y >= data.PerYear[0].Year && y < asOf.Year() {
		data.Year = y
		asOf = mustDay(yearEnd(y, asOf))
	}
	data.YearChart = wholeNumbers(stackedBarChart(years, []series{
		{Name: translate(l, "events.format.digital"), Values: floats(digital)},
		{Name: translate(l, "events.format.physical"), Values: floats(physical)},
		{Name: translate(l, "events.format.hybrid"), Values: floats(hybrid)}}, data.YearLinks))
	if data.Events, err = s.store.EventsOfYear(ctx, asOf); err != nil {
		return err
	}
	for _, e := range data.Events {
		data.People += e.People
	}
	if data.ByKind, err = s.store.AttendanceByKind(ctx, asOf); err != nil {
		return err
	}
	var kinds, kindLinks []string
	var kindPeople, kindMembers []int
	for _, k := range data.ByKind {
		kinds, kindLinks = append(kinds, translate(l, "members.kind."+k.Kind)), append(kindLinks, link("/members?kind="+k.Kind))
		kindPeople, kindMembers = append(kindPeople, k.People), append(kindMembers, k.Members)
	}
	data.KindChart = wholeNumbers(barChart(kinds, attendanceSeries(l, kindPeople, kindMembers), nil, 0, true, kindLinks))
	byCounty, err := s.store.AttendanceByCounty(ctx, asOf)
	if err != nil {
		return err
	}
	var counties, countyLinks []string
	var countyPeople, countyMembers []int
	for _, a := range byCounty {
		row := countyAttendanceRow{CountyAttendance: a, Name: translate(l, "events.nocounty")}
		chartLink := "" // members with no county have no list to lead to
		if a.CountyCode != "" {
			row.Name, row.Link = countyName(a.CountyCode), "/members?county="+a.CountyCode
			chartLink = link(row.Link)
		}
		data.ByCounty = append(data.ByCounty, row)
		counties, countyLinks = append(counties, row.Name), append(countyLinks, chartLink)
		countyPeople, countyMembers = append(countyPeople, a.People), append(countyMembers, a.Members)
	}
	data.CountyChart = wholeNumbers(barChart(counties, attendanceSeries(l, countyPeople, countyMembers), nil, 0, true, countyLinks))
	return s.render(c, "events", translate(l, "events.title"), data)
}

func attendanceSeries(l string, people, members []int) []series {
	return []series{{Name: translate(l, "events.people"), Values: floats(people)},
		{Name: translate(l, "events.members"), Values: floats(members)}}
}

// mustDay reads a date the dashboard wrote itself.
func mustDay(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}
