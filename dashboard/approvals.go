package dashboard

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/data/approval"
)

// approvalsSection is the export page's part on approved reports (DESIGN
// "The approved report"): an editor's form to approve, and the list of
// approved versions with their downloads and checksums and, for an admin, a
// form to withdraw each.
type approvalsSection struct {
	List        []analytics.Approval
	CanApprove  bool
	CanWithdraw bool
	Year        int    // the form's default year: the one before the as-of day's
	AsOf        string // the form's default day: 31 December of Year
	refusal
}

// refusal is a refused approve or withdraw form, shown again with what was
// written and what is wrong, at its field.
type refusal struct {
	Typed    map[string]string
	Errors   fieldErrors
	Problems []string // the errors in the form's order, for the summary
}

// approvalFields are the approve form's fields: the form's names, and with
// "approval-" before them the ids its errors are shown at.
var approvalFields = []string{"year", "asof", "meeting", "meeting_date"}

const refusedApproval = "malbild.approval.refused"

// approvalsOf is the export page's approvals section for the user, with the
// refused form of this request if there is one.
func (s *Server) approvalsOf(c *fiber.Ctx, year int) (approvalsSection, error) {
	u, _ := currentUser(c)
	list, err := s.store.Approvals(c.UserContext())
	if err != nil {
		return approvalsSection{}, err
	}
	a := approvalsSection{List: list, Year: year - 1, AsOf: fmt.Sprintf("%d-12-31", year-1),
		CanApprove:  accounts.RoleRank(u.Role) >= accounts.RoleRank(editor),
		CanWithdraw: accounts.RoleRank(u.Role) >= accounts.RoleRank(admin)}
	if r, ok := c.Locals(refusedApproval).(refusal); ok {
		a.refusal = r
	}
	return a, nil
}

// approve stores the approved report the editor's form asks for; a field
// that cannot be read or that the rules refuse is shown at the field in the
// page's language, and nothing is stored.
func (s *Server) approve(c *fiber.Ctx) error {
	l := lang(c)
	typed := map[string]string{}
	for _, f := range approvalFields {
		typed[f] = strings.Clone(c.FormValue(f))
	}
	var errs fieldErrors
	year, err := analytics.ParseYear(typed["year"])
	if err != nil && year == 0 { // a year out of range is the rules' to say
		errs.add("approval-year", translate(l, "approvals.err.year", typed["year"]))
	}
	asOf, err := analytics.ParseDate(typed["asof"])
	if err != nil {
		errs.add("approval-asof", translate(l, "approvals.err.date", typed["asof"]))
	}
	meetingOn, err := analytics.ParseDate(typed["meeting_date"])
	if err != nil {
		errs.add("approval-meeting_date", translate(l, "approvals.err.date", typed["meeting_date"]))
	}
	language := c.FormValue("language", l)
	if language != langSv && language != langEn {
		language = l
	}
	r := analytics.ApprovalRequest{Year: year, AsOf: asOf, Meeting: typed["meeting"], MeetingOn: meetingOn, By: actor(c)}
	for _, p := range r.Problems(s.store.Today()) {
		if field := "approval-" + p.Field; errs.Of(field) == "" {
			errs.add(field, problemText(l, p))
		}
	}
	if len(errs.order) == 0 {
		_, err := approval.Approve(c.UserContext(), s.store, r, language)
		var pe *analytics.ProblemError
		switch {
		case errors.As(err, &pe):
			errs.add("approval-"+pe.Field, problemText(l, pe.Problem))
		case err != nil:
			return err
		}
	}
	if len(errs.order) > 0 {
		// "by" has no field of its own: it is who is signed in, said in the summary.
		return s.refuseApproval(c, refusal{Typed: typed, Errors: errs}, "approval-", slices.Concat(approvalFields, []string{"by"}))
	}
	s.written()
	return redirect(c, "/export#approvals")
}

// withdrawApproval marks a version withdrawn with the admin's reason.
func (s *Server) withdrawApproval(c *fiber.Ctx) error {
	year, version, err := approvalParams(c)
	if err != nil {
		return err
	}
	reason := strings.Clone(c.FormValue("reason"))
	_, err = approval.Withdraw(c.UserContext(), s.store, year, version, actor(c), reason)
	var pe *analytics.ProblemError
	if errors.As(err, &pe) {
		field := fmt.Sprintf("withdraw-%d-%d", year, version)
		var errs fieldErrors
		errs.add(field, problemText(lang(c), pe.Problem))
		return s.refuseApproval(c, refusal{Typed: map[string]string{field: reason}, Errors: errs}, "", []string{field})
	}
	if err != nil {
		return err
	}
	s.written()
	return redirect(c, "/export#approvals")
}

// refuseApproval shows the export page again with the refused form.
func (s *Server) refuseApproval(c *fiber.Ctx, r refusal, prefix string, fields []string) error {
	for _, f := range fields {
		if m := r.Errors.Of(prefix + f); m != "" {
			r.Problems = append(r.Problems, m)
		}
	}
	c.Status(fiber.StatusBadRequest)
	c.Locals(refusedApproval, r)
	return s.exportForms(c)
}

// problemText says a Problem of an approval or withdrawal in the language.
func problemText(l string, p analytics.Problem) string {
	label := translate(l, "approvals.field."+p.Field)
	switch p.Reason {
	case analytics.ProblemBeforeYear:
		return translate(l, "approvals.err.before_year", label, p.Day.Format("2006-01-02"), p.Year)
	case analytics.ProblemFuture, analytics.ProblemWithdrawn:
		return translate(l, "approvals.err."+p.Reason, label, p.Day.Format("2006-01-02"))
	case analytics.ProblemTooLong:
		return translate(l, "approvals.err.too_long", label, p.Max, formatInt(l, p.Count))
	case analytics.ProblemControl:
		return translate(l, "approvals.err.control", label, p.At)
	case analytics.ProblemEmpty:
		return translate(l, "approvals.err.empty", label, p.Max)
	}
	return translate(l, "approvals.err."+p.Reason, label)
}

// approvalParams reads :year and :version; anything else is not found.
func approvalParams(c *fiber.Ctx) (year, version int, err error) {
	year, errYear := strconv.Atoi(c.Params("year"))
	version, errVersion := strconv.Atoi(c.Params("version"))
	if errYear != nil || errVersion != nil || year < 1900 || year > 2999 || version < 1 {
		return 0, 0, fiber.ErrNotFound
	}
	return year, version, nil
}

// apiApprovals answers GET /api/approvals: every approved version, the
// newest first, withdrawn ones marked.
func (s *Server) apiApprovals(c *fiber.Ctx) error {
	list, err := s.store.Approvals(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(map[string]any{"approvals": list})
}

// apiApproval answers GET /api/approvals/{year}/{version}: the snapshot as
// approved and the changes since, on its as-of day.
func (s *Server) apiApproval(c *fiber.Ctx) error {
	year, version, err := approvalParams(c)
	if err != nil {
		return err
	}
	r, err := s.store.ApprovedReportOf(c.UserContext(), year, version)
	if err != nil {
		return err
	}
	changes, err := s.store.ChangesSince(c.UserContext(), r)
	if err != nil {
		return err
	}
	return c.JSON(analytics.ApprovalDetail{ApprovedReport: r, Changes: changes})
}

// approvedWorkbook sends the approved workbook byte for byte, its checksum
// in Repr-Digest (RFC 9530) beside the one the pages show.
func (s *Server) approvedWorkbook(c *fiber.Ctx) error {
	year, version, err := approvalParams(c)
	if err != nil {
		return err
	}
	_, book, err := s.store.ApprovedWorkbook(c.UserContext(), year, version)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(book)
	c.Set("Repr-Digest", "sha-256=:"+base64.StdEncoding.EncodeToString(sum[:])+":")
	return sendWorkbook(c, translate(lang(c), "approvals.file", year, version), book)
}
