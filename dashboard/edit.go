package dashboard

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/accounts"
)

type memberEdit struct {
	Member  analytics.Member
	Message string
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
	m.Name, m.Kind, m.Code = c.FormValue("name"), c.FormValue("kind"), strings.TrimSpace(c.FormValue("code"))
	m.OrgNumber, m.CountyCode, m.Group = strings.TrimSpace(c.FormValue("org_number")), strings.TrimSpace(c.FormValue("county")), strings.TrimSpace(c.FormValue("group"))
	m.ContactName, m.ContactEmail = strings.TrimSpace(c.FormValue("contact_name")), strings.TrimSpace(c.FormValue("contact_email"))
	problem := ""
	if m.Population, err = optionalInt(c.FormValue("population")); err != nil {
		problem = translate(lang(c), "edit.population")
	}
	if m.JoinedOn, err = analytics.ParseDate(c.FormValue("joined")); err != nil {
		problem = err.Error()
	}
	if m.LeftOn, err = analytics.ParseDate(c.FormValue("left")); err != nil {
		problem = err.Error()
	}
	if problem == "" {
		if err := s.store.UpdateMember(c.UserContext(), m); analytics.ErrorCode(err) == analytics.EInvalid {
			problem = err.Error()
		} else if err != nil {
			return err
		}
	}
	if problem != "" {
		c.Status(fiber.StatusBadRequest)
		return s.render(c, "member_edit", m.Name, memberEdit{Member: m, Message: problem})
	}
	s.written()
	s.audit(c, actor(c), accounts.AuditEdit, fmt.Sprintf("member %d (%s)", m.ID, m.Name))
	return redirect(c, fmt.Sprintf("/members/%d", m.ID))
}

func optionalInt(s string) (int, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if s == "" {
		return 0, nil
	}
	return strconv.Atoi(s)
}

type goalEdit struct {
	Goal    analytics.Goal
	Message string
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
	return s.render(c, "goal_edit", fmt.Sprintf("%s %d", translate(lang(c), "goals.title"), g.Year), goalEdit{Goal: g})
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
	if g.Metric == analytics.MetricManual && c.FormValue("status") != "" {
		err = s.store.SetGoalJudgement(ctx, id, analytics.Status(c.FormValue("status")), c.FormValue("judgement"))
	}
	if err == nil && strings.TrimSpace(c.FormValue("comment")) != "" {
		err = s.store.AddGoalComment(ctx, id, actor(c), c.FormValue("comment"))
	}
	if analytics.ErrorCode(err) == analytics.EInvalid {
		c.Status(fiber.StatusBadRequest)
		return s.render(c, "goal_edit", fmt.Sprintf("%s %d", translate(lang(c), "goals.title"), g.Year), goalEdit{Goal: g, Message: err.Error()})
	}
	if err != nil {
		return err
	}
	s.written()
	s.audit(c, actor(c), accounts.AuditEdit, fmt.Sprintf("goal %d/%d (%s)", g.Year, g.Number, g.Key))
	return redirect(c, fmt.Sprintf("/goals?year=%d#goal-%s", g.Year, g.Key))
}
