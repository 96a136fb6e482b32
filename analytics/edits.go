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

// ValidateMember checks a member's fields as DESIGN "The data" defines them
// and returns every problem (Refused), each with its field and what to write.
func ValidateMember(m Member) error {
	var problems []*Error
	refuse := func(field, key string, args ...any) { problems = append(problems, Invalid(field, key, args...)) }
	if strings.TrimSpace(m.Name) == "" {
		refuse("name", "invalid.member.name")
	}
	if m.Kind != KindKommun && m.Kind != KindRegion && m.Kind != KindKommunalforbund && m.Kind != KindOvrig {
		refuse("kind", "invalid.member.kind")
	}
	if m.Kind == KindKommun && m.Code != "" && !municipalityCode.MatchString(m.Code) {
		refuse("code", "invalid.member.code_kommun")
	}
	if m.Kind == KindRegion && m.Code != "" && !countyCode.MatchString(m.Code) {
		refuse("code", "invalid.member.code_region")
	}
	if m.CountyCode != "" && !countyCode.MatchString(m.CountyCode) {
		refuse("county", "invalid.member.county")
	}
	if m.OrgNumber != "" && !ValidOrgNumber(m.OrgNumber) {
		refuse("org_number", "invalid.member.org_number")
	}
	if m.Population < 0 {
		refuse("population", "invalid.member.population")
	}
	if m.JoinedOn.IsZero() {
		refuse("joined", "invalid.member.joined")
	}
	if !m.JoinedOn.IsZero() && !m.LeftOn.IsZero() && m.LeftOn.Before(m.JoinedOn) {
		refuse("left", "invalid.member.left")
	}
	if m.ContactEmail != "" {
		if _, err := mail.ParseAddress(m.ContactEmail); err != nil || strings.ContainsAny(m.ContactEmail, " <>") {
			refuse("contact_email", "invalid.member.email", m.ContactEmail)
		}
	}
	return Refused(problems)
}

// ValidOrgNumber checks NNNNNN-NNNN and its Luhn check digit.
func ValidOrgNumber(s string) bool {
	return orgNumber.MatchString(s) && Luhn(strings.ReplaceAll(s, "-", ""))
}

// Luhn applies the Luhn test to a string of digits: weights 2, 1, 2, … from
// the left, the digits of each product summed, a multiple of ten. The
// importer reads organisation numbers with it too.
func Luhn(digits string) bool {
	sum := 0
	for i, r := range digits {
		if r < '0' || r > '9' {
			return false
		}
		d := int(r - '0')
		if i%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return digits != "" && sum%10 == 0
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
		return Invalid("status", "invalid.goal.measured", g.Number, g.Metric)
	}
	if err := ValidateJudgement(status, comment); err != nil {
		return err
	}
	return s.Serialized(func() error {
		return insertGoalStatus(ctx, s.db, goalID, s.Today(), status, comment)
	})
}

// ValidateJudgement checks the board's status and judgement on a manual goal
// and returns every problem, each with its field.
func ValidateJudgement(status Status, judgement string) error {
	var problems []*Error
	switch status {
	case StatusMet, StatusOnTrack, StatusAtRisk, StatusMissed:
	default:
		problems = append(problems, Invalid("status", "invalid.goal.status"))
	}
	if utf8.RuneCountInString(judgement) > maxComment {
		problems = append(problems, Invalid("judgement", "invalid.goal.judgement"))
	}
	return Refused(problems)
}

// ValidateComment checks a comment on a goal (already trimmed).
func ValidateComment(body string) error {
	if body == "" || utf8.RuneCountInString(body) > maxComment {
		return Invalid("comment", "invalid.goal.comment")
	}
	return nil
}

// AddGoalComment adds a dated comment by author to any goal.
func (s *Store) AddGoalComment(ctx context.Context, goalID int64, author, body string) error {
	body = strings.TrimSpace(body)
	if err := ValidateComment(body); err != nil {
		return err
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
