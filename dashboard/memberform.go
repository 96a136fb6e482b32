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
	if _, ok := e.byField[field]; !ok {
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
// store's own checks come after (storeFieldError).
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

// storeFields maps the field a store's EInvalid names ("code: …") to the
// form's field and the message that says what to write.
var storeFields = map[string]string{
	"name": "name", "kind": "kind", "code": "code", "county": "county", "organisation number": "org_number",
	"population": "population", "joined": "joined", "left": "left", "e-mail": "contact_email",
}

// storeFieldError is the store's refusal of a member as the form's field
// error, in the user's language.
func storeFieldError(l string, err error) fieldErrors {
	var errs fieldErrors
	prefix, _, _ := strings.Cut(err.Error(), ":")
	field, ok := storeFields[prefix]
	if !ok {
		field = "name"
		errs.add(field, err.Error())
		return errs
	}
	key := "edit.err." + field
	if field == "population" {
		key = "edit.err.negative"
	}
	errs.add(field, locale.Text(l, key))
	return errs
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

// goalFieldError is the store's refusal of the board's input as the goal
// form's field error ("status: …", "comment: …"), in the user's language.
func goalFieldError(l string, err error) fieldErrors {
	var errs fieldErrors
	switch prefix, _, _ := strings.Cut(err.Error(), ":"); prefix {
	case "status", "judgement", "comment":
		errs.add(prefix, locale.Text(l, "edit.err.goal_"+prefix))
	default:
		errs.add("comment", err.Error())
	}
	return errs
}
