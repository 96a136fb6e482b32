package analytics

import (
	"math"
	"time"
)

// Status is a goal's status (DESIGN "Goal status", "Precise readings").
type Status string

const (
	StatusMet     Status = "met"
	StatusOnTrack Status = "on_track"
	StatusAtRisk  Status = "at_risk"
	StatusMissed  Status = "missed"
	StatusNoData  Status = "no_data"
)

// The numbered rules of DESIGN "Goal status"; a GoalResult says which decided.
const (
	RuleDue        = 1 // on or after the due date: met or missed
	RuleCumulative = 2 // before it, a cumulative metric that cannot turn back
	RulePace       = 3 // before it: the comparator, else the pace line
	RuleManual     = 4 // the board's status
	RuleNoData     = 5 // no value
)

// Comparators of a goal.
const (
	CmpAtLeast = ">="
	CmpAbove   = ">"
	CmpAtMost  = "<="
	CmpBelow   = "<"
	CmpEqual   = "="
	CmpBetween = "between"
)

// MetricManual is a goal's metric when the board sets its status.
const MetricManual = "manual"

// goalTarget is what a goal's value is compared with.
type goalTarget struct {
	comparator string
	target     float64
	upper      float64 // the upper target of "between"
}

// tolerance absorbs the rounding of shares computed as quotients, so that
// 3/3 meets "= 100 %" and a value on the pace line is on it.
const tolerance = 1e-9

// compare is -1, 0 or 1 as a is below, at (within tolerance) or above b.
func compare(a, b float64) int {
	if math.Abs(a-b) <= tolerance*math.Max(1, math.Max(math.Abs(a), math.Abs(b))) {
		return 0
	}
	if a < b {
		return -1
	}
	return 1
}

// holds reports whether the value satisfies the comparator.
func (t goalTarget) holds(v float64) bool {
	switch t.comparator {
	case CmpAtLeast:
		return compare(v, t.target) >= 0
	case CmpAbove:
		return compare(v, t.target) > 0
	case CmpAtMost:
		return compare(v, t.target) <= 0
	case CmpBelow:
		return compare(v, t.target) < 0
	case CmpEqual:
		return compare(v, t.target) == 0
	case CmpBetween:
		return compare(v, t.target) >= 0 && compare(v, t.upper) <= 0
	}
	return false
}

// judgement is the outcome of rules 1–3 for a goal with a value.
type judgement struct {
	status Status
	rule   int
	pace   *float64 // the pace line on the as-of day, when it decided
}

// judge applies rules 1–3 to value v on asOf of a goal due on due whose plan
// year starts on y1. start gives the metric on y1; it is asked for only when
// the pace line decides. A nil start leaves the goal at risk with no pace.
func judge(t goalTarget, cumulative bool, v float64, asOf, y1, due time.Time, start func() (*float64, error)) (judgement, error) {
	holds := t.holds(v)
	if !asOf.Before(due) {
		if holds {
			return judgement{status: StatusMet, rule: RuleDue}, nil
		}
		return judgement{status: StatusMissed, rule: RuleDue}, nil
	}
	if cumulative {
		switch t.comparator {
		case CmpAtLeast, CmpAbove:
			if holds {
				return judgement{status: StatusMet, rule: RuleCumulative}, nil
			}
		case CmpAtMost, CmpBelow, CmpEqual:
			if !holds {
				return judgement{status: StatusMissed, rule: RuleCumulative}, nil
			}
		}
	}
	if holds {
		return judgement{status: StatusOnTrack, rule: RulePace}, nil
	}
	s, err := start()
	if err != nil || s == nil {
		return judgement{status: StatusAtRisk, rule: RulePace}, err
	}
	bound, side := t.goodSide(v, *s)
	pace := paceLine(*s, bound, y1, due, asOf)
	status := StatusAtRisk
	if side != 0 && compare(v, pace)*side >= 0 {
		status = StatusOnTrack
	}
	return judgement{status: status, rule: RulePace, pace: &pace}, nil
}

// goodSide returns the end of the pace line for a value that fails the
// comparator, and the side of the line that is on track: 1 above, -1 below,
// 0 neither (an "=" goal that starts on its target).
func (t goalTarget) goodSide(v, start float64) (bound float64, side int) {
	switch t.comparator {
	case CmpAtLeast, CmpAbove:
		return t.target, 1
	case CmpAtMost, CmpBelow:
		return t.target, -1
	case CmpEqual:
		return t.target, compare(t.target, start)
	case CmpBetween:
		if compare(v, t.target) < 0 {
			return t.target, 1
		}
		return t.upper, -1
	}
	return t.target, 0
}

// paceLine is the value on day on of the line from start on y1 to end on due,
// linear in days; before y1 it is start, after due end.
func paceLine(start, end float64, y1, due, on time.Time) float64 {
	total := daysBetween(y1, due)
	elapsed := math.Min(math.Max(daysBetween(y1, on), 0), total)
	if total <= 0 {
		return end
	}
	return start + (end-start)*elapsed/total
}
