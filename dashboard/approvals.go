package dashboard

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/locale"
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

// approvalFields are the approve form's fields, by their form names (the
// inputs' ids have "approval-" before them).
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
		errs.add("year", locale.Text(l, "approvals.err.year", typed["year"]))
	}
	asOf, err := analytics.ParseDate(typed["asof"])
	if err != nil {
		errs.add("asof", locale.Text(l, "approvals.err.date", locale.Text(l, "approvals.asof"), typed["asof"]))
	}
	meetingOn, err := analytics.ParseDate(typed["meeting_date"])
	if err != nil {
		errs.add("meeting_date", locale.Text(l, "approvals.err.date", locale.Text(l, "approvals.field.meeting_date"), typed["meeting_date"]))
	}
	language := c.FormValue("language", l)
	if language != locale.Sv && language != locale.En {
		language = l
	}
	r := analytics.ApprovalRequest{Year: year, AsOf: asOf, Meeting: typed["meeting"], MeetingOn: meetingOn, By: actor(c)}
	errs.addProblems(l, r.Validate(s.store.Today()), "meeting")
	if len(errs.order) == 0 {
		_, err := approval.Approve(c.UserContext(), s.store, r, language)
		if analytics.ErrorCode(err) == analytics.EInvalid {
			errs.addProblems(l, err, "meeting")
		} else if err != nil {
			return err
		}
	}
	if len(errs.order) > 0 {
		// "by" has no field of its own: it is who is signed in, said in the summary.
		return s.refuseApproval(c, refusal{Typed: typed, Errors: errs}, slices.Concat(approvalFields, []string{"by"}))
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
	if analytics.ErrorCode(err) == analytics.EInvalid {
		// The form of this version, one of many on the page, shows it.
		field := fmt.Sprintf("withdraw-%d-%d", year, version)
		var errs fieldErrors
		for _, p := range analytics.ProblemsOf(err) {
			errs.add(field, p.Text(lang(c)))
		}
		return s.refuseApproval(c, refusal{Typed: map[string]string{field: reason}, Errors: errs}, []string{field})
	}
	if err != nil {
		return err
	}
	s.written()
	return redirect(c, "/export#approvals")
}

// refuseApproval shows the export page again with the refused form, its
// fields' problems in order for the summary.
func (s *Server) refuseApproval(c *fiber.Ctx, r refusal, fields []string) error {
	for _, f := range fields {
		if m := r.Errors.Of(f); m != "" {
			r.Problems = append(r.Problems, m)
		}
	}
	c.Status(fiber.StatusBadRequest)
	c.Locals(refusedApproval, r)
	return s.exportForms(c)
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
	return sendWorkbook(c, locale.Text(lang(c), "approvals.file", year, version), book)
}
