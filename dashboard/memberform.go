package dashboard

import (
	"slices"
	"strconv"
	"strings"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// memberFields are the member form's fields, by their form names.
var memberFields = []string{"name", "kind", "code", "org_number", "county", "population", "group", "joined", "left", "contact_name", "contact_email"}

// fieldErrors says what is wrong with each field of a refused form, in the
// user's language, and which field is first: the form marks each field and
// puts the focus on the first.
type fieldErrors struct {
	byField map[string]string
	order   []string
}

func (e *fieldErrors) add(field, message string) {
	if e.byField == nil {
		e.byField = map[string]string{}
	}
	if old, ok := e.byField[field]; ok {
		message = old + " " + message // a field with two problems shows both
	} else {
		e.order = append(e.order, field)
	}
	e.byField[field] = message
}

// Of is the problem with a field, "" when there is none.
func (e fieldErrors) Of(field string) string { return e.byField[field] }

// First is the field to put the focus on.
func (e fieldErrors) First() string {
	if len(e.order) == 0 {
		return ""
	}
	return e.order[0]
}

// All are the problems in the form's order, for the summary above it.
func (e fieldErrors) All() []string {
	var all []string
	for _, f := range slices.Concat(memberFields, goalFields) { // each form has its own fields
		if m, ok := e.byField[f]; ok {
			all = append(all, m)
		}
	}
	return all
}

// readMember puts the typed fields into m and says which cannot be read; the
// domain's checks come after (addProblems), so the form shows every problem.
func readMember(l string, typed map[string]string, m *analytics.Member) fieldErrors {
	var errs fieldErrors
	m.Name, m.Kind, m.Code = typed["name"], typed["kind"], strings.TrimSpace(typed["code"])
	m.OrgNumber, m.CountyCode, m.Group = strings.TrimSpace(typed["org_number"]), strings.TrimSpace(typed["county"]), strings.TrimSpace(typed["group"])
	m.ContactName, m.ContactEmail = strings.TrimSpace(typed["contact_name"]), strings.TrimSpace(typed["contact_email"])
	var err error
	if m.Population, err = optionalInt(typed["population"]); err != nil {
		errs.add("population", locale.Text(l, "edit.err.population", typed["population"]))
	}
	if m.JoinedOn, err = analytics.ParseDate(typed["joined"]); err != nil {
		errs.add("joined", locale.Text(l, "edit.err.date", locale.Text(l, "edit.joined"), typed["joined"]))
	}
	if m.LeftOn, err = analytics.ParseDate(typed["left"]); err != nil {
		errs.add("left", locale.Text(l, "edit.err.date", locale.Text(l, "edit.left"), typed["left"]))
	}
	return errs
}

// addProblems puts the domain's refusal of a form at its fields, in the
// user's language; a field the form could not read keeps that message, and a
// problem without a field goes to the first.
func (e *fieldErrors) addProblems(l string, err error, firstField string) {
	for _, p := range analytics.ProblemsOf(err) {
		field := p.Field
		if field == "" {
			field = firstField
		}
		if _, unread := e.byField[field]; unread && p.Field != "" {
			continue
		}
		e.add(field, p.Text(l))
	}
}

func optionalInt(s string) (int, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if s == "" {
		return 0, nil
	}
	return strconv.Atoi(s)
}

// goalFields are the goal form's fields, by their form names.
var goalFields = []string{"status", "judgement", "comment"}

// validateGoalForm is every problem of the goal form (the board's status
// and judgement on a manual goal, a comment on any goal), in the user's
// language, before anything is written.
func validateGoalForm(l string, g analytics.Goal, status, judgement, comment string) fieldErrors {
	var errs fieldErrors
	if g.Metric == analytics.MetricManual && status != "" {
		errs.addProblems(l, analytics.ValidateJudgement(analytics.Status(status), judgement), "status")
	}
	if strings.TrimSpace(comment) != "" {
		errs.addProblems(l, analytics.ValidateComment(strings.TrimSpace(comment)), "comment")
	}
	return errs
}
