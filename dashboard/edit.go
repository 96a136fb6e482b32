package dashboard

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/locale"
)

// memberEdit is the member form: the row, and after a refused save the
// fields as typed with what is wrong with each (memberform.go).
type memberEdit struct {
	Member analytics.Member
	Typed  map[string]string
	Errors fieldErrors
}

func paramID(c *fiber.Ctx) (int64, error) {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return 0, fiber.ErrNotFound
	}
	return id, nil
}

// editMemberForm shows a membership row's fields for correction (editors).
func (s *Server) editMemberForm(c *fiber.Ctx) error {
	id, err := paramID(c)
	if err != nil {
		return err
	}
	m, err := s.store.MemberByID(c.UserContext(), id)
	if err != nil {
		return err
	}
	return s.render(c, "member_edit", m.Name, memberEdit{Member: m})
}

// editMember saves the corrected row; a wrong field is shown in the form
// again with what to write.
func (s *Server) editMember(c *fiber.Ctx) error {
	id, err := paramID(c)
	if err != nil {
		return err
	}
	m, err := s.store.MemberByID(c.UserContext(), id)
	if err != nil {
		return err
	}
	typed := map[string]string{}
	for _, f := range memberFields {
		typed[f] = c.FormValue(f)
	}
	errs := readMember(lang(c), typed, &m)
	if err := analytics.ValidateMember(m); err != nil {
		errs.addProblems(lang(c), err, "name")
	}
	if len(errs.order) == 0 {
		if err := s.store.UpdateMember(c.UserContext(), m); analytics.ErrorCode(err) == analytics.EInvalid {
			errs.addProblems(lang(c), err, "name")
		} else if err != nil {
			return err
		}
	}
	if len(errs.order) > 0 {
		c.Status(fiber.StatusBadRequest)
		return s.render(c, "member_edit", m.Name, memberEdit{Member: m, Typed: typed, Errors: errs})
	}
	s.written()
	s.audit(c, actor(c), accounts.AuditEdit, fmt.Sprintf("member %d (%s)", m.ID, m.Name))
	return redirect(c, fmt.Sprintf("/members/%d", m.ID))
}

type goalEdit struct {
	Goal    analytics.Goal
	Message string
	Typed   map[string]string // what the editor wrote, kept when refused
	Errors  fieldErrors
}

// editGoalForm offers a comment on any goal and, for a manual goal, the
// board's status (editors).
func (s *Server) editGoalForm(c *fiber.Ctx) error {
	id, err := paramID(c)
	if err != nil {
		return err
	}
	g, err := s.store.GoalByID(c.UserContext(), id)
	if err != nil {
		return err
	}
	return s.render(c, "goal_edit", fmt.Sprintf("%s %d", locale.Text(lang(c), "goals.title"), g.Year), goalEdit{Goal: g})
}

func (s *Server) editGoal(c *fiber.Ctx) error {
	id, err := paramID(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	g, err := s.store.GoalByID(ctx, id)
	if err != nil {
		return err
	}
	errs := validateGoalForm(lang(c), g, c.FormValue("status"), c.FormValue("judgement"), c.FormValue("comment"))
	if len(errs.order) == 0 && g.Metric == analytics.MetricManual && c.FormValue("status") != "" {
		err = s.store.SetGoalJudgement(ctx, id, analytics.Status(c.FormValue("status")), c.FormValue("judgement"))
	}
	if len(errs.order) == 0 && err == nil && strings.TrimSpace(c.FormValue("comment")) != "" {
		err = s.store.AddGoalComment(ctx, id, actor(c), c.FormValue("comment"))
	}
	if analytics.ErrorCode(err) == analytics.EInvalid {
		errs.addProblems(lang(c), err, "comment")
	}
	if len(errs.order) > 0 {
		c.Status(fiber.StatusBadRequest)
		typed := map[string]string{}
		for _, f := range goalFields {
			typed[f] = c.FormValue(f)
		}
		return s.render(c, "goal_edit", fmt.Sprintf("%s %d", locale.Text(lang(c), "goals.title"), g.Year),
			goalEdit{Goal: g, Typed: typed, Errors: errs})
	}
	if err != nil {
		return err
	}
	s.written()
	s.audit(c, actor(c), accounts.AuditEdit, fmt.Sprintf("goal %d/%d (%s)", g.Year, g.Number, g.Key))
	return redirect(c, fmt.Sprintf("/goals?year=%d#goal-%s", g.Year, g.Key))
}
