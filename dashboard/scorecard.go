package dashboard

import (
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// scorecardView is the scorecard at the top of /goals and on the overview:
// the counts by status, a row per goal, and the filters and day chosen.
type scorecardView struct {
	analytics.Scorecard
	Rows  []scorecardRow
	Areas []string // every area of the plan, for the filter
	// Goals are every goal of the plan on the as-of day, whatever the filters.
	Goals  []analytics.GoalResult
	Status analytics.Status
	Area   string
	// SinceChosen is the ?since= given; SinceMeeting says the day compared
	// with is the board's previous meeting.
	SinceChosen  string
	SinceMeeting bool
	path         string // the page the filters link to
	OnGoals      bool   // the goals are on this page, so rows link to them here
}

type scorecardRow struct {
	analytics.ScorecardRow
	Change        string // the value's change since the earlier day, signed; "" when unknown
	StatusChanged bool
	Verdict       string // "reaches" or "misses" when there is a forecast
}

// scorecardOf reads the scorecard's query (?since=, ?status=, ?area=) and
// evaluates year's plan on asOf and on the earlier day: by default the
// board's previous meeting before asOf, else three months before asOf.
func (s *Server) scorecardOf(c *fiber.Ctx, year int, asOf time.Time, path string) (scorecardView, error) {
	l := lang(c)
	v := scorecardView{path: path, OnGoals: path == "/goals",
		Status: analytics.Status(c.Query("status")), Area: strings.Clone(c.Query("area")), SinceChosen: strings.Clone(c.Query("since"))}
	if v.Status != "" && !slices.Contains(analytics.Statuses, v.Status) {
		return v, &analytics.Error{Code: analytics.EInvalid, Message: locale.Text(l, "scorecard.badstatus", string(v.Status))}
	}
	since, err := analytics.ParseDate(v.SinceChosen)
	if err != nil {
		return v, &analytics.Error{Code: analytics.EInvalid, Message: locale.Text(l, "asof.invalid", v.SinceChosen)}
	}
	if !since.IsZero() && !since.Before(asOf) {
		return v, &analytics.Error{Code: analytics.EInvalid, Message: locale.Text(l, "scorecard.badsince", v.SinceChosen)}
	}
	if since.IsZero() {
		if since, err = s.store.PreviousBoardMeeting(c.UserContext(), asOf); err != nil {
			return v, err
		}
		v.SinceMeeting = !since.IsZero()
	}
	if since.IsZero() {
		since = monthsBefore(asOf, 3)
	}
	sc, err := s.store.Scorecard(c.UserContext(), year, asOf, since)
	if err != nil {
		return v, err
	}
	v.Areas = sc.Areas()
	for _, r := range sc.Rows {
		v.Goals = append(v.Goals, r.Now)
	}
	v.Scorecard = sc.Filter(v.Status, v.Area)
	for _, r := range v.Scorecard.Rows {
		row := scorecardRow{ScorecardRow: r, Change: formatChange(l, r.Now.Metric, r.Change),
			StatusChanged: r.Now.Status != r.Then.Status}
		if m := r.Now.ForecastMeets; m != nil {
			row.Verdict = map[bool]string{true: "reaches", false: "misses"}[*m]
		}
		v.Rows = append(v.Rows, row)
	}
	return v, nil
}

// Filtered says a filter is on.
func (v scorecardView) Filtered() bool { return v.Status != "" || v.Area != "" }

// Link is the page with the plan's year, the chosen earlier day and the
// given filters; the page's Link adds the as-of date.
func (v scorecardView) Link(status analytics.Status, area string) string {
	q := url.Values{}
	if v.OnGoals {
		q.Set("year", strconv.Itoa(v.Year))
	}
	if v.SinceChosen != "" {
		q.Set("since", v.SinceChosen)
	}
	if status != "" {
		q.Set("status", string(status))
	}
	if area != "" {
		q.Set("area", area)
	}
	if len(q) == 0 {
		return v.path
	}
	return v.path + "?" + q.Encode()
}

// monthsBefore is the same day n months earlier, or that month's last day
// when it is shorter (31 May → 28 or 29 February).
func monthsBefore(d time.Time, n int) time.Time {
	first := time.Date(d.Year(), d.Month()-time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d.Day(), last)-1)
}

// formatChange writes a change of a metric's value with its sign: a share's
// in percentage points, a count's as a count.
func formatChange(l, metric string, d *float64) string {
	if d == nil {
		return ""
	}
	info, _ := analytics.LookupMetric(metric)
	sign := "+"
	if *d < 0 {
		sign = "−"
	}
	abs := math.Abs(*d)
	var s string
	switch {
	case info.Share:
		abs = math.Round(abs*1000) / 10
		s = formatDecimal(l, abs, 1) + nbsp + locale.Text(l, "scorecard.points")
	default:
		s = formatMetric(l, metric, &abs)
	}
	if abs == 0 {
		sign = "±"
	}
	return sign + s
}
