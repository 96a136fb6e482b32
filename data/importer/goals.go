package importer

import (
	"slices"
	"strconv"
	"strings"

	"malbild/analytics"
)

// readGoals reads a business plan's goals, matched by year and key.
func (s *sheet) readGoals() error {
	seen := map[goalKey]int{}
	return s.each(s.head.row, func(row int, cells []Cell) {
		g, ok := s.parseGoal(row, cells)
		if !ok {
			return
		}
		k := goalKey{g.Year, g.Key}
		if prev, dup := seen[k]; dup {
			s.errorf(row, "key", s.cell(cells, "key"), "row.duplicate", prev)
			return
		}
		seen[k] = row
		s.applyGoal(row, cells, g)
	})
}

func (s *sheet) parseGoal(row int, cells []Cell) (analytics.Goal, bool) {
	var g analytics.Goal
	year, ok := s.integer(row, cells, "year", firstYear)
	if ok && year > lastYear {
		s.errorf(row, "year", s.cell(cells, "year"), "value.integer")
		ok = false
	}
	g.Year = year
	number, okNumber := s.integer(row, cells, "number", 1)
	g.Number = number
	g.Key = s.cell(cells, "key").Text()
	g.Area = s.cell(cells, "area").Text()
	g.Text = s.cell(cells, "text").Text()
	g.Comment = s.cell(cells, "comment").Text()
	ok = s.require(row, cells, "year") && s.require(row, cells, "key") && ok && okNumber
	metric, info, okMetric := s.metric(row, cells)
	if !okMetric {
		return g, false
	}
	g.Metric = metric
	if metric == "manual" {
		for _, f := range []field{"comparator", "target", "upper_target", "params"} {
			if s.given(cells, f) {
				s.warnf(row, f, s.cell(cells, f), "goal.manual_ignores")
			}
		}
		status, okStatus := s.choice(row, cells, "status", statusWords, "goal.status")
		g.Status = status
		ok = ok && okStatus
	} else {
		if s.given(cells, "status") {
			s.warnf(row, "status", s.cell(cells, "status"), "goal.status_ignored")
		}
		ok = s.measured(row, cells, &g, info) && ok
	}
	due, okDue := s.date(row, cells, "due", true)
	g.DueOn = due
	// The day the board set the status and wrote the comment; a bare year
	// reads as its last day, so nothing is known before it was said.
	setOn, okSetOn := s.date(row, cells, "status_date", true)
	g.StatusSetOn = setOn
	return g, ok && okDue && okSetOn
}

// metric reads the metric key, or manual.
func (s *sheet) metric(row int, cells []Cell) (string, analytics.MetricInfo, bool) {
	c := s.cell(cells, "metric")
	if c.Empty() {
		s.require(row, cells, "metric")
		return "", analytics.MetricInfo{}, false
	}
	if manualWords[word(c)] {
		return "manual", analytics.MetricInfo{}, true
	}
	info, ok := analytics.LookupMetric(strings.ToLower(c.Text()))
	if !ok {
		var keys []string
		for _, m := range analytics.MetricCatalog() {
			keys = append(keys, m.Key)
		}
		s.errorf(row, "metric", c, "goal.metric", strings.Join(keys, ", "))
		return "", info, false
	}
	return info.Key, info, true
}

// measured reads what a goal with a metric needs: the parameters, the
// comparator and the target (and upper target for between).
func (s *sheet) measured(row int, cells []Cell, g *analytics.Goal, info analytics.MetricInfo) bool {
	ok := s.params(row, cells, g, info)
	cmp, okCmp := s.choice(row, cells, "comparator", comparatorWords, "goal.comparator")
	g.Comparator = cmp
	ok = okCmp && s.require(row, cells, "comparator") && ok
	g.Target, okCmp = s.target(row, cells, "target", info)
	ok = okCmp && s.require(row, cells, "target") && ok
	g.UpperTarget, okCmp = s.target(row, cells, "upper_target", info)
	ok = okCmp && ok
	if cmp == "between" {
		ok = s.require(row, cells, "upper_target") && ok
		if ok && *g.UpperTarget < *g.Target {
			s.errorf(row, "upper_target", s.cell(cells, "upper_target"), "goal.upper_below")
			ok = false
		}
	}
	return ok
}

// params reads "n=20" or "kind=kommun" and writes it in a canonical form.
func (s *sheet) params(row int, cells []Cell, g *analytics.Goal, info analytics.MetricInfo) bool {
	if !s.given(cells, "params") {
		return true
	}
	c := s.cell(cells, "params")
	p, err := analytics.ParseParams(c.Text())
	if err != nil {
		s.errorf(row, "params", c, "goal.params")
		return false
	}
	for name, value := range p {
		switch {
		case !slices.Contains(info.Params, name):
			s.errorf(row, "params", c, "goal.param_name", info.Key, name)
			return false
		case name == "n":
			if n, err := strconv.Atoi(value); err != nil || n < 1 {
				s.errorf(row, "params", c, "goal.param_n")
				return false
			}
		case name == "kind":
			kind, known := lookupWord(memberKindWords, Cell{Raw: value})
			if !known {
				s.errorf(row, "params", c, "member.kind")
				return false
			}
			p[name] = kind
		}
	}
	g.Params = p.String()
	return true
}

// target reads a target; a share's may be written "75 %" or 0,75.
func (s *sheet) target(row int, cells []Cell, f field, info analytics.MetricInfo) (*float64, bool) {
	if !s.given(cells, f) {
		return nil, true
	}
	c := s.cell(cells, f)
	v, percent, ok := parseTarget(c)
	switch {
	case !ok:
		s.errorf(row, f, c, "goal.target")
	case percent && !info.Share:
		s.errorf(row, f, c, "goal.percent_not_share", info.Key)
		ok = false
	case info.Share && (v < 0 || v > 1):
		s.errorf(row, f, c, "goal.share_target")
		ok = false
	}
	return &v, ok
}
