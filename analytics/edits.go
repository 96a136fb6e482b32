package analytics

import (
	"context"
	"net/mail"
	"regexp"
	"strings"
	"unicode/utf8"
)

// The small corrections the office makes between imports: a member's data,
// a manual goal's status, a comment on any goal. Each is validated here, so
// the web form and any later interface say the same.

var (
	municipalityCode = regexp.MustCompile(`^[0-9]{4}$`)
	countyCode       = regexp.MustCompile(`^[0-9]{2}$`)
	orgNumber        = regexp.MustCompile(`^[0-9]{6}-[0-9]{4}$`)
)

// ValidateMember checks a member's fields as DESIGN "The data" defines them;
// the error names the field and what to write.
func ValidateMember(m Member) error {
	switch {
	case strings.TrimSpace(m.Name) == "":
		return Errorf(EInvalid, "name: a member needs a name")
	case (m.Kind != KindKommun && m.Kind != KindRegion && m.Kind != KindKommunalforbund && m.Kind != KindOvrig):
		return Errorf(EInvalid, "kind: use kommun, region, kommunalforbund or ovrig")
	case m.Kind == KindKommun && m.Code != "" && !municipalityCode.MatchString(m.Code):
		return Errorf(EInvalid, "code: a municipality code has four digits, such as 0180")
	case m.Kind == KindRegion && m.Code != "" && !countyCode.MatchString(m.Code):
		return Errorf(EInvalid, "code: a region's code is its county's two digits, such as 20")
	case m.CountyCode != "" && !countyCode.MatchString(m.CountyCode):
		return Errorf(EInvalid, "county: a county code has two digits, such as 17")
	case m.OrgNumber != "" && !ValidOrgNumber(m.OrgNumber):
		return Errorf(EInvalid, "organisation number: write NNNNNN-NNNN with a correct check digit")
	case m.Population < 0:
		return Errorf(EInvalid, "population: cannot be negative")
	case m.JoinedOn.IsZero():
		return Errorf(EInvalid, "joined: a member needs the day it joined")
	case !m.LeftOn.IsZero() && m.LeftOn.Before(m.JoinedOn):
		return Errorf(EInvalid, "left: the last day of membership cannot be before the day it joined")
	}
	if m.ContactEmail != "" {
		if _, err := mail.ParseAddress(m.ContactEmail); err != nil || strings.ContainsAny(m.ContactEmail, " <>") {
			return Errorf(EInvalid, "e-mail: %q is not an e-mail address", m.ContactEmail)
		}
	}
	return nil
}

// ValidOrgNumber checks NNNNNN-NNNN and its Luhn check digit.
func ValidOrgNumber(s string) bool {
	if !orgNumber.MatchString(s) {
		return false
	}
	digits := strings.ReplaceAll(s, "-", "")
	sum := 0
	for i, r := range digits {
		d := int(r - '0')
		if i%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// UpdateMember replaces a membership row's fields with m's; ENotFound for
// an unknown id, EInvalid with the field for bad values.
func (s *Store) UpdateMember(ctx context.Context, m Member) error {
	if err := ValidateMember(m); err != nil {
		return err
	}
	return s.Serialized(func() error {
		res, err := s.db.ExecContext(ctx, `UPDATE members SET name = ?, kind = ?, code = ?, org_number = ?, county_code = ?,
			population = ?, group_name = ?, joined_on = ?, left_on = ?, contact_name = ?, contact_email = ? WHERE id = ?`,
			strings.TrimSpace(m.Name), m.Kind, text(m.Code), text(m.OrgNumber), text(m.CountyCode), positive(m.Population),
			text(m.Group), m.JoinedOn, date(m.LeftOn), text(m.ContactName), text(m.ContactEmail), m.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return Errorf(ENotFound, "no member with id %d", m.ID)
		}
		return nil
	})
}

// GoalByID is one goal; ENotFound when there is none.
func (s *Store) GoalByID(ctx context.Context, id int64) (Goal, error) {
	goals, err := s.goalsOf(ctx, "WHERE id = ?", id)
	if err != nil {
		return Goal{}, err
	}
	if len(goals) == 0 {
		return Goal{}, Errorf(ENotFound, "no goal with id %d", id)
	}
	return goals[0], nil
}

// maxComment is the longest comment or judgement on a goal, in characters:
// a paragraph the board reads, and well within what a workbook cell holds.
const maxComment = 2000

// SetGoalJudgement records the board's status and comment on a manual goal,
// dated today (the store's clock) as a new entry of the goal's status history:
// what was set before stays, so looking back shows it. A measured goal's
// status follows from its metric (EInvalid).
func (s *Store) SetGoalJudgement(ctx context.Context, goalID int64, status Status, comment string) error {
	g, err := s.GoalByID(ctx, goalID)
	if err != nil {
		return err
	}
	if g.Metric != MetricManual {
		return Errorf(EInvalid, "goal %d is measured by %s: its status follows from the numbers", g.Number, g.Metric)
	}
	switch status {
	case StatusMet, StatusOnTrack, StatusAtRisk, StatusMissed:
	default:
		return Errorf(EInvalid, "status: use met, on_track, at_risk or missed")
	}
	if utf8.RuneCountInString(comment) > maxComment {
		return Errorf(EInvalid, "judgement: write at most %d characters", maxComment)
	}
	return s.Serialized(func() error {
		return insertGoalStatus(ctx, s.db, goalID, s.Today(), status, comment)
	})
}

// AddGoalComment adds a dated comment by author to any goal.
func (s *Store) AddGoalComment(ctx context.Context, goalID int64, author, body string) error {
	body = strings.TrimSpace(body)
	if body == "" || utf8.RuneCountInString(body) > maxComment {
		return Errorf(EInvalid, "comment: write between 1 and %d characters", maxComment)
	}
	if _, err := s.GoalByID(ctx, goalID); err != nil {
		return err
	}
	// goal_comments has no foreign key (migration 004): the insert itself
	// checks that the goal exists, serialised with the undo that may delete it.
	return s.Serialized(func() error {
		res, err := s.db.ExecContext(ctx, `INSERT INTO goal_comments (goal_id, written_on, author, body)
			SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM goals WHERE id = ?)`,
			goalID, s.Today(), author, body, goalID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return Errorf(ENotFound, "no goal with id %d", goalID)
		}
		return nil
	})
}
