package analytics

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"

	"malbild/analytics/store"
)

// The approved report (DESIGN "The approved report"): an editor approves the
// report of a plan year as of a day, and Målbild keeps, in one transaction,
// what the annual meeting approved: the workbook as exported and a snapshot
// of the figures. A snapshot is never changed; approving again adds the
// next version; an admin may withdraw a version, which marks it.

// Bounds of what is typed into an approval.
const (
	MaxMeeting          = 200  // characters of the meeting's reference
	MaxWithdrawalReason = 2000 // characters of a withdrawal's reason
)

// ApprovalRequest is what an editor approves: the report of plan year Year
// as of AsOf, at Meeting (a reference such as "Årsmöte 2023-04-20 § 7") held
// on MeetingOn (the zero time: not given), by the account By.
type ApprovalRequest struct {
	Year      int
	AsOf      time.Time
	Meeting   string
	MeetingOn time.Time
	By        string
}

// Approval is one approved version of a year's report, without its content.
type Approval struct {
	Year       int
	Version    int
	AsOf       time.Time
	Meeting    string
	MeetingOn  time.Time // zero: not given
	ApprovedBy string
	ApprovedAt time.Time
	SHA256     string // of the workbook's bytes, hex
	// Withdrawal: all zero while the version is in force.
	WithdrawnAt     time.Time
	WithdrawnBy     string
	WithdrawnReason string
}

// Withdrawn says an admin has withdrawn the version.
func (a Approval) Withdrawn() bool { return !a.WithdrawnAt.IsZero() }

// ApprovedReport is an approval with the snapshot it froze.
type ApprovedReport struct {
	Approval
	Snapshot
}

// Approve stores the approved report of r: workbook is called with the
// writer lock held, before the transaction, and so are the snapshot's
// queries, so that the workbook and the snapshot are of the same data and
// nothing is written between them and the commit. The version is the year's
// next. record, when not nil, runs in the same transaction after the insert
// (the audit log's entry), so that both commit or neither does. A request
// Validate refuses is EInvalid and nothing is written.
func (s *Store) Approve(ctx context.Context, r ApprovalRequest, workbook func() ([]byte, error), record func(*store.Tx, Approval) error) (Approval, error) {
	r.Meeting, r.By = strings.TrimSpace(r.Meeting), strings.TrimSpace(r.By)
	r.AsOf, r.MeetingOn = day(r.AsOf), dayOrZero(r.MeetingOn)
	if err := r.Validate(s.Today()); err != nil {
		return Approval{}, err
	}
	var book []byte
	var snap Snapshot
	a := Approval{Year: r.Year, AsOf: r.AsOf, Meeting: r.Meeting, MeetingOn: r.MeetingOn, ApprovedBy: r.By,
		ApprovedAt: s.Now().UTC().Truncate(time.Microsecond)}
	first := func() error {
		var err error
		if book, err = workbook(); err != nil {
			return err
		}
		sum := sha256.Sum256(book)
		a.SHA256 = hex.EncodeToString(sum[:])
		snap, err = s.snapshot(ctx, r.Year, r.AsOf)
		return err
	}
	err := s.WriteAfter(ctx, first, func(tx *store.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) + 1 FROM approvals WHERE year = ?`, r.Year).Scan(&a.Version); err != nil {
			return err
		}
		cols, err := snap.columns()
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO approvals (year, version, as_of, meeting, meeting_on, approved_by, approved_at,
				workbook, workbook_sha256, metrics, goals, comments, services, members, fee_income)
			VALUES (?, ?, CAST(? AS DATE), ?, CAST(? AS DATE), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.Year, a.Version, sqlDate(a.AsOf), a.Meeting, nullDate(a.MeetingOn), a.ApprovedBy, a.ApprovedAt,
			book, a.SHA256, cols[0], cols[1], cols[2], cols[3], cols[4], snap.FeeIncome)
		if err != nil || record == nil {
			return err
		}
		return record(tx, a)
	})
	if err != nil {
		return Approval{}, err
	}
	return a, nil
}

// Withdraw marks version of year's approved report as withdrawn by by, with
// reason (one line, at most MaxWithdrawalReason characters). The snapshot
// and the workbook stay. Who may withdraw (an admin) is the caller's check;
// record, when not nil, runs in the same transaction (the audit log's entry).
// A version that does not exist is ENotFound; one withdrawn already, or a bad
// reason, EInvalid.
func (s *Store) Withdraw(ctx context.Context, year, version int, by, reason string, record func(*store.Tx, Approval) error) (Approval, error) {
	reason, by = strings.TrimSpace(reason), strings.TrimSpace(by)
	if p := lineProblem("reason", "approvals.field.reason", reason, MaxWithdrawalReason); p != nil {
		return Approval{}, p
	}
	if by == "" {
		return Approval{}, Invalid("by", "invalid.approval.by")
	}
	err := s.Write(ctx, func(tx *store.Tx) error {
		a, err := approvalIn(ctx, tx, year, version)
		if err != nil {
			return err
		}
		if a.Withdrawn() {
			return Invalid("reason", "invalid.approval.withdrawn", sqlDate(DateOf(a.WithdrawnAt)))
		}
		a.WithdrawnAt, a.WithdrawnBy, a.WithdrawnReason = s.Now().UTC().Truncate(time.Microsecond), by, reason
		_, err = tx.ExecContext(ctx, `UPDATE approvals SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?
			WHERE year = ? AND version = ?`, a.WithdrawnAt, by, reason, year, version)
		if err != nil || record == nil {
			return err
		}
		return record(tx, a)
	})
	if err != nil {
		return Approval{}, err
	}
	return s.ApprovalOf(ctx, year, version)
}

const approvalColumns = `year, version, as_of, meeting, meeting_on, approved_by, approved_at, workbook_sha256,
	withdrawn_at, coalesce(withdrawn_by, ''), coalesce(withdrawn_reason, '')`

func scanApproval(row interface{ Scan(...any) error }, extra ...any) (Approval, error) {
	var a Approval
	var meetingOn store.NullTime
	var withdrawnAt store.NullTime
	err := row.Scan(append([]any{&a.Year, &a.Version, &a.AsOf, &a.Meeting, &meetingOn, &a.ApprovedBy, &a.ApprovedAt, &a.SHA256,
		&withdrawnAt, &a.WithdrawnBy, &a.WithdrawnReason}, extra...)...)
	a.AsOf, a.MeetingOn = day(a.AsOf), dayOrZero(meetingOn.Time)
	if withdrawnAt.Valid {
		a.WithdrawnAt = withdrawnAt.Time.UTC()
	}
	a.ApprovedAt = a.ApprovedAt.UTC()
	return a, err
}

func approvalIn(ctx context.Context, tx *store.Tx, year, version int) (Approval, error) {
	a, err := scanApproval(tx.QueryRowContext(ctx, `SELECT `+approvalColumns+` FROM approvals WHERE year = ? AND version = ?`, year, version))
	if err == store.ErrNoRows {
		return a, Keyed(ENotFound, "approvals.notfound", year, version)
	}
	return a, err
}

// Approvals lists every approved version, the newest year first and within
// a year the newest version first; withdrawn versions too.
func (s *Store) Approvals(ctx context.Context) ([]Approval, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+approvalColumns+` FROM approvals ORDER BY year DESC, version DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Approval{}
	for rows.Next() {
		a, err := scanApproval(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// ApprovalOf is one approved version, ENotFound when there is none.
func (s *Store) ApprovalOf(ctx context.Context, year, version int) (Approval, error) {
	var a Approval
	err := s.Read(ctx, func(tx *store.Tx) (err error) {
		a, err = approvalIn(ctx, tx, year, version)
		return err
	})
	return a, err
}

// InForce is the newest version of year's report that is not withdrawn;
// ok is false when the year has none.
func (s *Store) InForce(ctx context.Context, year int) (Approval, bool, error) {
	// Once per state of the data inside WithDayValues (keptRead): the
	// overview asks on every as-of day. A nil approval: none in force.
	a, err := keptRead(ctx, readKey("approval in force", "", []any{year}), func() (*Approval, error) {
		a, err := scanApproval(s.db.QueryRowContext(ctx, `SELECT `+approvalColumns+` FROM approvals
			WHERE year = ? AND withdrawn_at IS NULL ORDER BY version DESC LIMIT 1`, year))
		if err == store.ErrNoRows {
			return nil, nil
		}
		return &a, err
	})
	if err != nil || a == nil {
		return Approval{}, false, err
	}
	return *a, true, nil
}

// ApprovedReportOf is one approved version with its snapshot, read back as
// it was stored; ENotFound when there is none.
func (s *Store) ApprovedReportOf(ctx context.Context, year, version int) (ApprovedReport, error) {
	var cols [5]string
	var fee store.Null[float64]
	a, err := scanApproval(s.db.QueryRowContext(ctx, `SELECT `+approvalColumns+`,
			CAST(metrics AS VARCHAR), CAST(goals AS VARCHAR), CAST(comments AS VARCHAR),
			CAST(services AS VARCHAR), CAST(members AS VARCHAR), fee_income
		FROM approvals WHERE year = ? AND version = ?`, year, version),
		&cols[0], &cols[1], &cols[2], &cols[3], &cols[4], &fee)
	if err == store.ErrNoRows {
		return ApprovedReport{}, Keyed(ENotFound, "approvals.notfound", year, version)
	}
	if err != nil {
		return ApprovedReport{}, err
	}
	r := ApprovedReport{Approval: a}
	if err := r.Snapshot.fromColumns(cols); err != nil {
		return ApprovedReport{}, err
	}
	if fee.Valid {
		r.FeeIncome = &fee.V
	}
	return r, nil
}

// ApprovedWorkbook is the workbook of an approved version, byte for byte as
// it was approved; ENotFound when there is none.
func (s *Store) ApprovedWorkbook(ctx context.Context, year, version int) (Approval, []byte, error) {
	var book []byte
	a, err := scanApproval(s.db.QueryRowContext(ctx, `SELECT `+approvalColumns+`, workbook
		FROM approvals WHERE year = ? AND version = ?`, year, version), &book)
	if err == store.ErrNoRows {
		return Approval{}, nil, Keyed(ENotFound, "approvals.notfound", year, version)
	}
	return a, book, err
}

// MarshalJSON writes the approval as GET /api/approvals lists it.
func (a Approval) MarshalJSON() ([]byte, error) {
	return json.Marshal(approvalJSON(a))
}

type approvalFields struct {
	Year            int     `json:"year"`
	Version         int     `json:"version"`
	AsOf            string  `json:"asof"`
	Meeting         string  `json:"meeting"`
	MeetingDate     *string `json:"meeting_date"`
	ApprovedBy      string  `json:"approved_by"`
	ApprovedAt      string  `json:"approved_at"`
	SHA256          string  `json:"sha256"`
	Withdrawn       bool    `json:"withdrawn"`
	WithdrawnAt     *string `json:"withdrawn_at"`
	WithdrawnBy     *string `json:"withdrawn_by"`
	WithdrawnReason *string `json:"withdrawn_reason"`
}

func approvalJSON(a Approval) approvalFields {
	f := approvalFields{Year: a.Year, Version: a.Version, AsOf: sqlDate(a.AsOf), Meeting: a.Meeting,
		MeetingDate: nullDate(a.MeetingOn), ApprovedBy: a.ApprovedBy, ApprovedAt: a.ApprovedAt.UTC().Format(time.RFC3339),
		SHA256: a.SHA256, Withdrawn: a.Withdrawn()}
	if a.Withdrawn() {
		at := a.WithdrawnAt.UTC().Format(time.RFC3339)
		f.WithdrawnAt, f.WithdrawnBy, f.WithdrawnReason = &at, &a.WithdrawnBy, &a.WithdrawnReason
	}
	return f
}
