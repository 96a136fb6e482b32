package importer

import (
	"cmp"
	"regexp"
	"strconv"
	"strings"
	"time"

	"malbild/analytics"
)

// readBudgetFollowups reads dated follow-ups, each of a category or a group
// of its year's budget (in the register or in the same file), matched by
// day, group and category. A sheet without a column for the forecast or the
// comment leaves those of a follow-up it changes as they were.
func (s *sheet) readBudgetFollowups() error {
	s.checkAmountHeaders()
	sheetYear, hasSheetYear := s.statedYear()
	return s.each(s.head.row, func(row int, cells []Cell) {
		f, ok := s.parseFollowup(row, cells)
		if !ok {
			return
		}
		y := f.On.Year()
		if year, given, okYear := s.followupYear(row, cells); !okYear {
			return
		} else if given && year != y {
			s.errorf(row, "date", s.cell(cells, "date"), "followup.outside_year", year)
			return
		}
		if hasSheetYear && sheetYear != y {
			s.errorf(row, "date", s.cell(cells, "date"), "followup.outside_sheet_year", sheetYear)
			return
		}
		if len(s.b.reg.budget.byYear[y]) == 0 {
			s.errorf(row, "date", s.cell(cells, "date"), "followup.no_budget", y)
			return
		}
		if !s.resolveFollowup(row, cells, &f) {
			return
		}
		r := s.b.reg.budget
		k := followupKeyOf(&f)
		if prev, dup := r.seenFollowups[k]; dup {
			s.errorf(row, "date", s.cell(cells, "date"), "budgetrow.duplicate", prev.sheet, prev.row)
			return
		}
		r.seenFollowups[k] = place{s.plan.Name, row}
		s.applyFollowup(row, f)
	})
}

// parseFollowup reads a row's day, outcome, forecast and comment.
func (s *sheet) parseFollowup(row int, cells []Cell) (analytics.BudgetFollowupRow, bool) {
	var f analytics.BudgetFollowupRow
	ok := s.require(row, cells, "date")
	if ok {
		c := s.cell(cells, "date")
		if isBareYear(c) {
			s.errorf(row, "date", c, "followup.date_year")
			ok = false
		} else {
			f.On, ok = s.date(row, cells, "date", false)
		}
	}
	outcome, given, okOutcome := s.amount(row, cells, "outcome")
	if okOutcome && !given {
		okOutcome = s.require(row, cells, "outcome")
	}
	f.Outcome = outcome
	forecast, given, okForecast := s.amount(row, cells, "forecast")
	if given && okForecast {
		f.Forecast = &forecast
	}
	f.Comment = s.cell(cells, "comment").Text()
	f.Group, f.Category = s.cell(cells, "group").Text(), s.cell(cells, "category").Text()
	if f.Group == "" && f.Category == "" {
		s.errorf(row, "category", s.cell(cells, "category"), "followup.no_name")
		ok = false
	}
	return f, ok && okOutcome && okForecast
}

// isBareYear says whether a date cell holds a year alone: a follow-up is of
// a day, and a year does not say which.
func isBareYear(c Cell) bool {
	if c.Number {
		n, ok := parseInt(c)
		return ok && n >= 1000 && n <= 9999
	}
	return fourDigits.MatchString(clean(c.Raw))
}

// followupYear reads the row's year column, if the sheet has one.
func (s *sheet) followupYear(row int, cells []Cell) (int, bool, bool) {
	if !s.given(cells, "year") {
		return 0, false, true
	}
	year, ok := s.integer(row, cells, "year", firstYear)
	if ok && year > lastYear {
		s.errorf(row, "year", s.cell(cells, "year"), "value.integer")
		ok = false
	}
	return year, true, ok
}

var yearInText = regexp.MustCompile(`(?:^|[^\d])((?:19|20|21)\d\d)(?:$|[^\d])`)

// statedYear is the one year the sheet's name and title rows name, as in
// "Budgetuppföljning 2025"; none when they name no year or several.
func (s *sheet) statedYear() (int, bool) {
	texts := []string{s.plan.Name}
	for _, row := range s.titles {
		for _, c := range row {
			texts = append(texts, c.Text())
		}
	}
	year := 0
	for _, t := range texts {
		for _, m := range yearInText.FindAllStringSubmatch(t, -1) {
			y, _ := strconv.Atoi(m[1])
			if year != 0 && y != year {
				return 0, false
			}
			year = y
		}
	}
	return year, year != 0
}

// resolveFollowup finds what the follow-up follows in its year's budget: the
// category named (in the group named, if any), or the group named alone.
// A name in the category column that is no category but a group is the
// group. It writes the names as the budget spells them.
func (s *sheet) resolveFollowup(row int, cells []Cell, f *analytics.BudgetFollowupRow) bool {
	lines := s.b.reg.budget.byYear[f.On.Year()]
	group, category := fold(f.Group), fold(f.Category)
	var found []*analytics.BudgetLineRow
	if category != "" {
		for _, l := range lines {
			if fold(l.Category) == category && (group == "" || fold(l.Group) == group) {
				found = append(found, l)
			}
		}
	}
	groupOnly := category == ""
	if len(found) == 0 && (group == "" || category == "") {
		name := group + category // the one given
		for _, l := range lines {
			if l.Group != "" && fold(l.Group) == name {
				groupOnly, found = true, []*analytics.BudgetLineRow{l}
				break
			}
		}
	}
	column := "category"
	if f.Category == "" {
		column = "group"
	}
	c := s.cell(cells, field(column))
	switch {
	case len(found) == 0 && group != "" && category != "":
		s.errorf(row, "category", c, "followup.unknown_in_group", f.Group, f.On.Year())
		return false
	case len(found) == 0:
		s.errorf(row, field(column), c, "followup.unknown", f.On.Year(), budgetNames(lines))
		return false
	case len(found) > 1:
		var groups []string
		for _, l := range found {
			groups = append(groups, cmp.Or(l.Group, "–"))
		}
		s.errorf(row, "category", c, "followup.ambiguous", strings.Join(groups, ", "))
		return false
	}
	l := found[0]
	f.Group = l.Group
	f.Category = l.Category
	if groupOnly {
		f.Category = ""
	}
	return true
}

// budgetNames lists the groups and categories of a year's budget, for a
// message that says what may be written.
func budgetNames(lines []*analytics.BudgetLineRow) string {
	var out []string
	seen := map[string]bool{}
	for _, l := range lines {
		for _, n := range []string{l.Group, l.Category} {
			if n != "" && !seen[fold(n)] {
				seen[fold(n)] = true
				out = append(out, n)
			}
		}
	}
	if len(out) > 12 {
		out = append(out[:12], "…")
	}
	return strings.Join(out, ", ")
}

func (s *sheet) applyFollowup(row int, f analytics.BudgetFollowupRow) {
	r := s.b.reg.budget
	lbl := label(f.On.Format(time.DateOnly), f.Group, f.Category)
	old := r.followups[followupKeyOf(&f)]
	if old == nil && f.Group != "" && f.Category != "" {
		// Stored without its frame's name: the same category's follow-up.
		old = r.followups[followupKey{f.On, "", fold(f.Category)}]
	}
	if old == nil {
		added := f
		added.ID = s.b.reg.nextTempID()
		r.followups[followupKeyOf(&added)] = &added
		r.followupChanges.insert(&added)
		s.added(row, budgetFollowupsTable, lbl)
		return
	}
	updated := *old
	updated.Outcome = f.Outcome
	if s.has("forecast") {
		updated.Forecast = f.Forecast
	}
	if s.has("comment") {
		updated.Comment = f.Comment
	}
	d := s.diff()
	d.add("outcome", old.Outcome, updated.Outcome)
	d.add("forecast", old.Forecast, updated.Forecast)
	d.add("comment", old.Comment, updated.Comment)
	if d.empty() {
		s.unchanged(budgetFollowupsTable)
		return
	}
	r.followupChanges.touch(old)
	*old = updated
	s.changed(row, budgetFollowupsTable, lbl, d)
}
