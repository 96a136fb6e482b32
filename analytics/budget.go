package analytics

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"malbild/analytics/store"
)

// Budget statuses (DESIGN "Budget follow-up"): within (A ≤ 0), over (0 < A
// below the threshold), report (A at or above either trigger: the board must
// hear of it).
const (
	BudgetStatusWithin = "within"
	BudgetStatusOver   = "over"
	BudgetStatusReport = "report"
)

// Budget line kinds.
const (
	BudgetInvestment = "investering"
	BudgetRunning    = "drift"
)

// BudgetRule is the reporting rule: a forecast overrun of at least Percent %
// of the budget or at least PBBMultiple prisbasbelopp of the budget's year
// goes to the board. Both are settings (defaults 10 and 4).
type BudgetRule struct {
	Percent     float64 `json:"percent"`
	PBBMultiple float64 `json:"pbb_multiple"`
}

// BudgetLine is one line of the follow-up: a frame (Group set, Category
// nil), a category of a frame (both set), a standalone category (Group nil)
// or the total (both nil). Amounts are in kr.
//
// Outcome, Forecast, Deviation, Share, OutcomeShare and Status are nil when
// nothing is known yet (no follow-up of the line on or before the day):
// a number that cannot be known is not shown as zero. Threshold is nil
// inside a frame (its categories never report on their own).
type BudgetLine struct {
	Group        *string  `json:"group"`
	Category     *string  `json:"category"`
	Kind         *string  `json:"kind"` // investering | drift; nil for the total and a frame of mixed kinds
	Budget       float64  `json:"budget"`
	Outcome      *float64 `json:"outcome"`
	Forecast     *float64 `json:"forecast"`
	Deviation    *float64 `json:"deviation"`     // A = P − B
	Share        *float64 `json:"share"`         // A / B; nil when B is 0
	OutcomeShare *float64 `json:"outcome_share"` // U / B; nil when B is 0
	Status       *string  `json:"status"`
	Threshold    *float64 `json:"threshold"` // the smaller trigger in kr
	// PercentTrigger and PBBTrigger are the two triggers in kr (Percent % of
	// B; PBBMultiple × pbb), which the page spells out beside the status;
	// nil inside a frame, PBBTrigger nil when the year has no prisbasbelopp.
	PercentTrigger *float64 `json:"-"`
	PBBTrigger     *float64 `json:"-"`
}

// IsTotal tells the total line.
func (l BudgetLine) IsTotal() bool { return l.Group == nil && l.Category == nil }

// IsFrame tells a frame's line (its group without a category).
func (l BudgetLine) IsFrame() bool { return l.Group != nil && l.Category == nil }

// InFrame tells a category of a frame.
func (l BudgetLine) InFrame() bool { return l.Group != nil && l.Category != nil }

// BudgetReport is the year's budget follow-up on AsOf, the JSON of
// GET /api/budget and `malbild budget --json`. Lines are the frames, each
// followed by its categories, then the standalone categories.
type BudgetReport struct {
	Year  int
	AsOf  time.Time
	PBB   *float64 // the prisbasbelopp of Year; nil when none is known
	Rule  BudgetRule
	Lines []BudgetLine
	Total BudgetLine
}

// Category is the line of the category with the name, in a frame or
// standalone, when exactly one line has it (DESIGN "Benefits" reads a
// service's cost as the budget of the category named as the service).
func (r BudgetReport) Category(name string) (BudgetLine, bool) {
	var found BudgetLine
	n := 0
	for _, l := range r.Lines {
		if l.Category != nil && *l.Category == name {
			found, n = l, n+1
		}
	}
	return found, n == 1
}

// MarshalJSON writes DESIGN's shape: {"year", "asof" (YYYY-MM-DD), "pbb",
// "rule", "lines" ([] when none), "total"}.
func (r BudgetReport) MarshalJSON() ([]byte, error) {
	lines := r.Lines
	if lines == nil {
		lines = []BudgetLine{}
	}
	return json.Marshal(struct {
		Year  int          `json:"year"`
		AsOf  string       `json:"asof"`
		PBB   *float64     `json:"pbb"`
		Rule  BudgetRule   `json:"rule"`
		Lines []BudgetLine `json:"lines"`
		Total BudgetLine   `json:"total"`
	}{r.Year, sqlDate(r.AsOf), r.PBB, r.Rule, lines, r.Total})
}

// BudgetFollowup is one follow-up as the office wrote it: of a category
// (Category set) or of a group alone (Category nil). Forecast is nil when
// none was given (the outcome is then the forecast). Line is the line it
// belongs to (migration 013's budget_followup_lines): a category's, or for
// a group's own follow-up the frame's (Category nil); nil when it belongs
// to none and so counts nowhere.
type BudgetFollowup struct {
	Date     time.Time      `json:"date"`
	Group    *string        `json:"group"`
	Category *string        `json:"category"`
	Outcome  float64        `json:"outcome"`
	Forecast *float64       `json:"forecast"`
	Comment  string         `json:"comment"`
	Line     *BudgetLineKey `json:"-"`
}

// BudgetLineKey names a line: its group (nil for a standalone category) and
// category (nil for a frame).
type BudgetLineKey struct {
	Group, Category *string
}

// Of says whether the key names line l.
func (k BudgetLineKey) Of(l BudgetLine) bool {
	return sameName(k.Group, l.Group) && sameName(k.Category, l.Category)
}

func sameName(a, b *string) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// BudgetPoint is the total's outcome and forecast on a follow-up day of the
// year, for the chart of the follow-ups against the budget.
type BudgetPoint struct {
	Date     time.Time
	Outcome  *float64
	Forecast *float64
}

// Budget is the follow-up of year on asOf (DESIGN "Budget follow-up", as
// migration 013's budget_follow_up computes it; the zero asOf is today). A
// year outside 1900–2999 is EInvalid; a year without budget lines gives a
// report without lines and a total of 0 with nothing known.
func (s *Store) Budget(ctx context.Context, year int, asOf time.Time) (BudgetReport, error) {
	if err := checkYear(year); err != nil {
		return BudgetReport{}, err
	}
	asOf, err := s.asOfDay(asOf)
	if err != nil {
		return BudgetReport{}, err
	}
	if dayValuesOf(ctx) == nil {
		return s.budgetOn(ctx, year, asOf)
	}
	// The follow-up depends on the day only through which follow-ups count:
	// those of the year dated on or before it (budget_follow_up's counted).
	// Inside WithDayValues the days that count the same follow-ups share one
	// computation, kept with the metric values until the next write;
	// TestBudgetKeptForDaysCountingTheSameFollowups holds the macro to it.
	days, err := keptRead(ctx, readKey("budget_followup_days", "", []any{year}), func() ([]time.Time, error) {
		return s.followupDays(ctx, year)
	})
	if err != nil {
		return BudgetReport{}, err
	}
	var counted time.Time // the latest day counted: zero when none is
	for _, d := range days {
		if !d.After(asOf) {
			counted = d
		}
	}
	r, err := keptRead(ctx, readKey("budget", "", []any{year, counted.Format(time.DateOnly)}), func() (BudgetReport, error) {
		return s.budgetOn(ctx, year, asOf)
	})
	if err != nil {
		return BudgetReport{}, err
	}
	r = r.clone()
	r.AsOf = asOf
	return r, nil
}

// followupDays are the days of year's follow-ups, in order.
func (s *Store) followupDays(ctx context.Context, year int) ([]time.Time, error) {
	var days []time.Time
	err := s.db.QueryEach(ctx, `SELECT DISTINCT followed_on FROM budget_followups
		WHERE year(followed_on) = CAST(? AS INTEGER) ORDER BY followed_on`, func(rows *store.Rows) error {
		for rows.Next() {
			var d time.Time
			if err := rows.Scan(&d); err != nil {
				return err
			}
			days = append(days, d)
		}
		return nil
	}, year)
	return days, err
}

// budgetOn computes the follow-up of year on asOf (Budget).
func (s *Store) budgetOn(ctx context.Context, year int, asOf time.Time) (r BudgetReport, err error) {
	r = BudgetReport{Year: year, AsOf: asOf}
	if r.Rule, err = s.BudgetRuleSetting(ctx); err != nil {
		return r, err
	}
	err = s.eachRow(ctx, "budget", map[string]any{"on": sqlDate(asOf), "year": year}, func(rows *store.Rows) error {
		for rows.Next() {
			var l BudgetLine
			var line string
			if err := rows.Scan(&line, &l.Group, &l.Category, &l.Kind, &l.Budget, &l.Outcome, &l.Forecast, &l.Deviation,
				&l.Share, &l.OutcomeShare, &l.Status, &l.Threshold, &l.PercentTrigger, &l.PBBTrigger, &r.PBB); err != nil {
				return err
			}
			if line == "total" {
				r.Total = l
			} else {
				r.Lines = append(r.Lines, l)
			}
		}
		return nil
	})
	return r, err
}

// clone copies r for a caller of its own: a kept report is shared.
func (r BudgetReport) clone() BudgetReport {
	r.PBB = cloned(r.PBB)
	r.Lines = slices.Clone(r.Lines)
	for i := range r.Lines {
		r.Lines[i] = r.Lines[i].clone()
	}
	r.Total = r.Total.clone()
	return r
}

func (l BudgetLine) clone() BudgetLine {
	l.Group, l.Category, l.Kind, l.Status = cloned(l.Group), cloned(l.Category), cloned(l.Kind), cloned(l.Status)
	l.Outcome, l.Forecast, l.Deviation = cloned(l.Outcome), cloned(l.Forecast), cloned(l.Deviation)
	l.Share, l.OutcomeShare, l.Threshold = cloned(l.Share), cloned(l.OutcomeShare), cloned(l.Threshold)
	l.PercentTrigger, l.PBBTrigger = cloned(l.PercentTrigger), cloned(l.PBBTrigger)
	return l
}

// cloned is a copy of *p at a new address, nil for nil.
func cloned[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// BudgetYears lists the years that have budget lines, in order.
func (s *Store) BudgetYears(ctx context.Context) ([]int, error) {
	return s.years(ctx, `SELECT DISTINCT year FROM budget_lines ORDER BY year`)
}

// BudgetFollowups lists the follow-ups of year dated on or before asOf (the
// ones the follow-up on asOf may count), by date and in the order entered on
// a day.
func (s *Store) BudgetFollowups(ctx context.Context, year int, asOf time.Time) ([]BudgetFollowup, error) {
	if err := checkYear(year); err != nil {
		return nil, err
	}
	asOf, err := s.asOfDay(asOf)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT f.followed_on, f.group_name, f.category, CAST(f.outcome AS DOUBLE),
		CAST(f.forecast AS DOUBLE), coalesce(f.comment, ''), fl.followup_id IS NOT NULL, fl.group_name, fl.category
		FROM budget_followups AS f LEFT JOIN budget_followup_lines AS fl ON fl.followup_id = f.id
		WHERE year(f.followed_on) = ? AND f.followed_on <= CAST(? AS DATE)
		ORDER BY f.followed_on, f.id`, year, sqlDate(asOf))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []BudgetFollowup
	for rows.Next() {
		var f BudgetFollowup
		var matched bool
		var line BudgetLineKey
		if err := rows.Scan(&f.Date, &f.Group, &f.Category, &f.Outcome, &f.Forecast, &f.Comment, &matched, &line.Group, &line.Category); err != nil {
			return nil, err
		}
		if matched {
			f.Line = &line
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// BudgetSeries is the total's outcome and forecast on each follow-up day of
// year up to asOf, as the follow-up on that day had them.
func (s *Store) BudgetSeries(ctx context.Context, year int, asOf time.Time) ([]BudgetPoint, error) {
	followups, err := s.BudgetFollowups(ctx, year, asOf)
	if err != nil || len(followups) == 0 {
		return nil, err
	}
	var days []string
	for _, f := range followups {
		if d := sqlDate(f.Date); len(days) == 0 || days[len(days)-1] != d {
			days = append(days, d)
		}
	}
	asOf, _ = s.asOfDay(asOf)
	args := map[string]any{"on": sqlDate(asOf), "days": strings.Join(days, ","), "year": year}
	return queryFile(ctx, s, "budget_series", args, func(p *BudgetPoint) []any { return []any{&p.Date, &p.Outcome, &p.Forecast} })
}
