package analytics

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Validate is every problem of the request, each at its field (year, asof,
// meeting, meeting_date, by) with its text in the catalogue, as one EInvalid
// error (Refused); nil when it may be approved. today is the store's day: a
// report cannot be approved as of a day that has not come.
func (r ApprovalRequest) Validate(today time.Time) error {
	var problems []*Error
	if checkYear(r.Year) != nil {
		problems = append(problems, Invalid("year", "invalid.approval.year", minYear, maxYear))
	}
	switch {
	case r.AsOf.IsZero():
		problems = append(problems, Invalid("asof", "invalid.approval.asof.missing"))
	case checkYear(r.Year) == nil && r.AsOf.Year() < r.Year:
		problems = append(problems, Invalid("asof", "invalid.approval.asof.before_year", sqlDate(r.AsOf), r.Year))
	case r.AsOf.After(today):
		problems = append(problems, Invalid("asof", "invalid.approval.asof.future", sqlDate(r.AsOf)))
	}
	if p := lineProblem("meeting", "approvals.field.meeting", r.Meeting, MaxMeeting); p != nil {
		problems = append(problems, p)
	}
	if !r.MeetingOn.IsZero() && checkYear(r.MeetingOn.Year()) != nil {
		problems = append(problems, Invalid("meeting_date", "invalid.approval.meeting_date", minYear, maxYear))
	}
	if strings.TrimSpace(r.By) == "" {
		problems = append(problems, Invalid("by", "invalid.approval.by"))
	}
	return Refused(problems)
}

// lineProblem is what is wrong with a one-line text of at most max
// characters, nil when nothing: empty, not UTF-8, too long, or holding a line
// break or another control character (said with its position). label is the
// catalogue's key of the field's name.
func lineProblem(field, label, text string, max int) *Error {
	name := Keyed(EInvalid, label)
	switch {
	case strings.TrimSpace(text) == "":
		return Invalid(field, "invalid.line.empty", name, max)
	case !utf8.ValidString(text):
		return Invalid(field, "invalid.line.utf8", name)
	case utf8.RuneCountInString(text) > max:
		return Invalid(field, "invalid.line.long", name, max)
	}
	for i, r := range []rune(text) {
		if unicode.IsControl(r) {
			return Invalid(field, "invalid.line.control", name, i+1)
		}
	}
	return nil
}
