package analytics

import (
	"context"
	"encoding/json"
	"time"
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
// none was given (the outcome is then the forecast).
type BudgetFollowup struct {
	Date     time.Time `json:"date"`
	Group    *string   `json:"group"`
	Category *string   `json:"category"`
	Outcome  float64   `json:"outcome"`
	Forecast *float64  `json:"forecast"`
	Comment  string    `json:"comment"`
}

// BudgetPoint is the total's outcome and forecast on a follow-up day of the
// year, for the chart of the follow-ups against the budget.
type BudgetPoint struct {
	Date     time.Time
	Outcome  *float64
	Forecast *float64
}

// Budget is the follow-up of year on asOf (DESIGN "Budget follow-up"). A
// year outside 1900–2999 is EInvalid; a year without budget lines gives a
// report without lines.
func (s *Store) Budget(ctx context.Context, year int, asOf time.Time) (BudgetReport, error) {
	return BudgetReport{}, Errorf(EInvalid, "the budget follow-up is not built yet")
}

// BudgetYears lists the years that have budget lines, in order.
func (s *Store) BudgetYears(ctx context.Context) ([]int, error) {
	return nil, Errorf(EInvalid, "the budget follow-up is not built yet")
}

// BudgetFollowups lists the follow-ups of year dated on or before asOf, by
// date (and in the order entered on a day).
func (s *Store) BudgetFollowups(ctx context.Context, year int, asOf time.Time) ([]BudgetFollowup, error) {
	return nil, Errorf(EInvalid, "the budget follow-up is not built yet")
}

// BudgetSeries is the total's outcome and forecast on each follow-up day of
// year up to asOf.
func (s *Store) BudgetSeries(ctx context.Context, year int, asOf time.Time) ([]BudgetPoint, error) {
	return nil, Errorf(EInvalid, "the budget follow-up is not built yet")
}

// BudgetRuleSetting is the reporting rule from the settings, the defaults of
// the decision (10 %, 4 pbb) where none is set.
func (s *Store) BudgetRuleSetting(ctx context.Context) (BudgetRule, error) {
	return BudgetRule{Percent: 10, PBBMultiple: 4}, nil
}
