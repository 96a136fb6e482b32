package accounts

import (
	"context"
	"time"
	"unicode/utf8"

	"malbild/analytics/store"
)

// Audit actions: every change and every sign-in is recorded.
const (
	AuditLogin          = "login"
	AuditLoginFailed    = "login_failed"
	AuditLogout         = "logout"
	AuditImport         = "import"
	AuditUndo           = "undo"
	AuditEdit           = "edit"
	AuditExportPersonal = "export_personal"
	AuditAccount        = "account"
	AuditBackup         = "backup"
	AuditSettings       = "settings"
	AuditApproval       = "approval"   // an approved report stored (issue 19)
	AuditWithdrawal     = "withdrawal" // an approved report withdrawn
)

// AuditEntry is one line of the audit log: who did what, when.
type AuditEntry struct {
	At     time.Time
	Actor  string
	Action string
	Detail string
}

// maxAuditDetail bounds an entry's detail, in characters.
const maxAuditDetail = 500

// Audit records an action. The detail names what changed; never a password,
// token or personal data. The actor (which may be a name someone typed at
// the login) and the detail are bounded, so the log cannot be made to grow
// by sending long names.
func (s *Accounts) Audit(ctx context.Context, actor, action, detail string) error {
	return s.AuditIn(ctx, nil, actor, action, detail)
}

// AuditIn is Audit inside tx, the transaction of the change it records, so
// that the change and its entry commit together; a nil tx is Audit.
func (s *Accounts) AuditIn(ctx context.Context, tx *store.Tx, actor, action, detail string) error {
	if utf8.RuneCountInString(detail) > maxAuditDetail {
		detail = string([]rune(detail)[:maxAuditDetail]) + "…"
	}
	var exec interface {
		ExecContext(context.Context, string, ...any) (store.Result, error)
	} = s.db
	if tx != nil {
		exec = tx
	}
	_, err := exec.ExecContext(ctx, `INSERT INTO audit_log (happened_at, actor, action, detail) VALUES (?, ?, ?, ?)`,
		s.store.Now(), BoundName(actor), action, detail)
	return err
}

// AuditLog is the newest entries first, at most limit of them.
func (s *Accounts) AuditLog(ctx context.Context, limit int) ([]AuditEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT happened_at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.At, &e.Actor, &e.Action, &e.Detail); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
