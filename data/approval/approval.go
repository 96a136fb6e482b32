// Package approval approves a plan year's annual meeting report (DESIGN "The
// approved report"): it exports the workbook and stores it with the
// snapshot in one transaction, and withdraws a version, each with its entry
// in the audit log. The web page and the command line both use it, so that
// analytics needs to know nothing of the export.
package approval

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/store"
	"malbild/data/export"
)

// Approve exports the report of r.Year as of r.AsOf in lang (sv or en) and
// stores it with its snapshot as the year's next version, audited as
// r.By's. The export runs under the store's writer lock, so the workbook and
// the snapshot are of the same data. Bad input is EInvalid, every problem at
// its field (analytics.ProblemsOf), and nothing is written.
func Approve(ctx context.Context, s *analytics.Store, r analytics.ApprovalRequest, lang string) (analytics.Approval, error) {
	if r.AsOf.IsZero() {
		// The export would take "today" for a missing day; an approval names its day.
		return analytics.Approval{}, r.Validate(s.Today())
	}
	workbook := func() ([]byte, error) {
		var buf bytes.Buffer
		o := export.ReportOptions{Year: r.Year, AsOf: r.AsOf, Lang: lang, MadeBy: r.By}
		if err := export.WriteReport(ctx, s, o, &buf); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	record := func(tx *store.Tx, a analytics.Approval) error {
		return accounts.Of(s).AuditIn(ctx, tx, r.By, accounts.AuditApproval, fmt.Sprintf("approved report %d version %d as of %s, %s, sha256 %s",
			a.Year, a.Version, a.AsOf.Format(time.DateOnly), a.Meeting, a.SHA256))
	}
	return s.Approve(ctx, r, workbook, record)
}

// Withdraw marks version of year's approved report withdrawn by the account
// by, which must be an admin (EInvalid otherwise), with reason; audited.
func Withdraw(ctx context.Context, s *analytics.Store, year, version int, by, reason string) (analytics.Approval, error) {
	acc, err := accounts.Of(s).AccountByName(ctx, by)
	if err != nil || acc.Role != accounts.RoleAdmin || acc.Disabled {
		return analytics.Approval{}, analytics.Invalid("by", "invalid.approval.admin")
	}
	record := func(tx *store.Tx, a analytics.Approval) error {
		return accounts.Of(s).AuditIn(ctx, tx, by, accounts.AuditWithdrawal, fmt.Sprintf("withdrew report %d version %d: %s", year, version, a.WithdrawnReason))
	}
	return s.Withdraw(ctx, year, version, by, reason, record)
}
