package dashboard

import (
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

type eventsPage struct {
	Year        int
	PerYear     []analytics.EventYear
	YearLinks   []string // the events of each year of PerYear
	YearChart   chartBlock
	Events      []analytics.EventRow
	People      int // at the year's events, summed
	ByKind      []kindAttendanceRow
	KindChart   chartBlock
	ByCounty    []countyAttendanceRow
	CountyChart chartBlock
	Attendees   attendeesView
}

type countyAttendanceRow struct {
	analytics.CountyAttendance
	Name string
	Link string // the county's members who came (attendees.go)
}

type kindAttendanceRow struct {
	analytics.KindAttendance
	Link string // the kind's members who came
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
	pageYear := asOf.Year()
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
		{Name: locale.Text(l, "events.format.digital"), Values: floats(digital)},
		{Name: locale.Text(l, "events.format.physical"), Values: floats(physical)},
		{Name: locale.Text(l, "events.format.hybrid"), Values: floats(hybrid)}}, data.YearLinks))
	if data.Events, err = s.store.EventsOfYear(ctx, asOf); err != nil {
		return err
	}
	for _, e := range data.Events {
		data.People += e.People
	}
	byKind, err := s.store.AttendanceByKind(ctx, asOf)
	if err != nil {
		return err
	}
	for _, k := range byKind {
		data.ByKind = append(data.ByKind, kindAttendanceRow{KindAttendance: k})
	}
	// A bar of attendance leads to the members it counts: those of its
	// kind or county who came to the year's events, the year kept.
	attendees := func(key, value string) string {
		q := "/events?" + key + "=" + value
		if data.Year != pageYear {
			q += "&year=" + strconv.Itoa(data.Year)
		}
		return link(q) + "#attendees"
	}
	var kinds, kindLinks []string
	var kindPeople, kindMembers []int
	for i, k := range data.ByKind {
		data.ByKind[i].Link = attendees("kind", k.Kind)
		kinds, kindLinks = append(kinds, locale.Text(l, "members.kind."+k.Kind)), append(kindLinks, data.ByKind[i].Link)
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
		row := countyAttendanceRow{CountyAttendance: a, Name: locale.Text(l, "events.nocounty")}
		county := a.CountyCode
		if county == "" {
			county = noCounty
		} else {
			row.Name = countyName(a.CountyCode)
		}
		row.Link = attendees("county", county)
		data.ByCounty = append(data.ByCounty, row)
		counties, countyLinks = append(counties, row.Name), append(countyLinks, row.Link)
		countyPeople, countyMembers = append(countyPeople, a.People), append(countyMembers, a.Members)
	}
	data.CountyChart = wholeNumbers(barChart(counties, attendanceSeries(l, countyPeople, countyMembers), nil, 0, true, countyLinks))
	if err := s.attendeesOf(c, asOf, &data); err != nil {
		return err
	}
	return s.render(c, "events", locale.Text(l, "events.title"), data)
}

func attendanceSeries(l string, people, members []int) []series {
	return []series{{Name: locale.Text(l, "events.people"), Values: floats(people)},
		{Name: locale.Text(l, "events.members"), Values: floats(members)}}
}

// mustDay reads a date the dashboard wrote itself.
func mustDay(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}
