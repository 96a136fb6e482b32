package dashboard

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/locale"
)

// setBoardMeeting lets an editor record the board's meeting day (add=) or
// forget one (remove=); the scorecard compares with the latest one before
// the day it is read on.
func (s *Server) setBoardMeeting(c *fiber.Ctx) error {
	ctx := c.UserContext()
	add, remove := strings.TrimSpace(c.FormValue("add")), strings.TrimSpace(c.FormValue("remove"))
	raw := add + remove
	d, err := analytics.ParseDate(raw)
	if err != nil || d.IsZero() || (add != "" && remove != "") {
		return &analytics.Error{Code: analytics.EInvalid, Message: locale.Text(lang(c), "scorecard.badmeeting", raw)}
	}
	if add != "" {
		err = s.store.AddBoardMeeting(ctx, d, actor(c))
	} else {
		err = s.store.RemoveBoardMeeting(ctx, d)
	}
	if err != nil {
		return err
	}
	s.written()
	verb := "board meeting set "
	if remove != "" {
		verb = "board meeting removed "
	}
	s.audit(c, actor(c), accounts.AuditEdit, verb+d.Format(time.DateOnly))
	return redirect(c, "/goals#board-meetings")
}
