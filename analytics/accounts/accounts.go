// Package accounts is who may use Målbild: accounts and their roles, bcrypt
// password hashes, login sessions (with a short cache in memory), API tokens
// and the audit log of who did what (DESIGN "Accounts"). It keeps its rows
// in the store's database, beside the registry, but apart from the metrics.
package accounts

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"malbild/analytics"
	"malbild/analytics/internal/handle"
	"malbild/analytics/store"
)

// Accounts is the accounts of one store. Get it with Of: one per store, so
// that every user of the store shares one session cache.
type Accounts struct {
	store    *analytics.Store
	db       *store.Store
	sessions sessionCache
}

var byStore sync.Map // *analytics.Store → *Accounts

// Of is the accounts of the store s, made at the first call and forgotten
// when s closes.
func Of(s *analytics.Store) *Accounts {
	if a, ok := byStore.Load(s); ok {
		return a.(*Accounts)
	}
	a, loaded := byStore.LoadOrStore(s, &Accounts{store: s, db: handle.Of(s)})
	if !loaded {
		s.OnClose(func() { byStore.Delete(s) })
	}
	return a.(*Accounts)
}

// Roles, from least to most: the board reads, the office edits, an admin
// also manages accounts (DESIGN "Accounts").
const (
	RoleViewer = "viewer"
	RoleEditor = "editor"
	RoleAdmin  = "admin"
)

// RoleRank orders the roles; a role may do what every lower role may.
func RoleRank(role string) int {
	switch role {
	case RoleViewer:
		return 1
	case RoleEditor:
		return 2
	case RoleAdmin:
		return 3
	}
	return 0
}

// MinPasswordLength is the shortest password an account may have.
const MinPasswordLength = 12

// MaxNameLength is the longest account name, in bytes.
const MaxNameLength = 64

// BoundName cuts a name that no account can have to MaxNameLength
// characters (every real name passes unchanged) and an ellipsis: what a login form or the audit log keeps of
// whatever was typed (or sent) as a name.
func BoundName(name string) string {
	if utf8.RuneCountInString(name) <= MaxNameLength {
		return name
	}
	return string([]rune(name)[:MaxNameLength]) + "…"
}

// Account is a person's login. Its password hash never leaves this package.
type Account struct {
	ID        int64
	Name      string
	Role      string
	CreatedAt time.Time
	Disabled  bool
}

// dummyHash makes a login for an unknown name cost as much as one for a
// known name, so response times do not tell which names exist.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("no such account, no such password"), bcrypt.DefaultCost)

// CreateAccount adds an account; an empty password generates one, which is
// returned (it is shown once and stored only as a bcrypt hash). A taken
// name, an unknown role or a short password is EInvalid.
func (s *Accounts) CreateAccount(ctx context.Context, name, role, password string) (Account, string, error) {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > MaxNameLength || strings.ContainsAny(name, " \t\n") {
		return Account{}, "", analytics.Keyed(analytics.EInvalid, "invalid.account.name")
	}
	if RoleRank(role) == 0 {
		return Account{}, "", analytics.Keyed(analytics.EInvalid, "invalid.account.role", role)
	}
	if password == "" {
		password = NewSecret(12)
	}
	hash, err := hashPassword(password)
	if err != nil {
		return Account{}, "", err
	}
	var a Account
	err = s.db.QueryRowContext(ctx, `INSERT INTO accounts (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)
		RETURNING id, name, role, created_at, disabled`, name, role, hash, s.store.Now()).
		Scan(&a.ID, &a.Name, &a.Role, &a.CreatedAt, &a.Disabled)
	if err != nil && strings.Contains(err.Error(), "Duplicate key") {
		return Account{}, "", analytics.Keyed(analytics.EInvalid, "invalid.account.taken", name)
	}
	return a, password, err
}

func hashPassword(password string) (string, error) {
	if len([]rune(password)) < MinPasswordLength {
		return "", analytics.Keyed(analytics.EInvalid, "invalid.password.short", MinPasswordLength)
	}
	if len(password) > 72 {
		return "", analytics.Keyed(analytics.EInvalid, "invalid.password.long")
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	return string(hash), err
}

// SetPassword replaces an account's password (empty: a generated one, which
// is returned), ends its sessions and revokes its API tokens: a reset is
// what an admin does when a secret may have leaked.
func (s *Accounts) SetPassword(ctx context.Context, name, password string) (string, error) {
	if password == "" {
		password = NewSecret(12)
	}
	hash, err := hashPassword(password)
	if err != nil {
		return "", err
	}
	a, err := s.AccountByName(ctx, name)
	if err != nil {
		return "", err
	}
	defer s.sessions.forget()
	return password, s.inTx(ctx, func(tx *store.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET password_hash = ? WHERE id = ?`, hash, a.ID); err != nil {
			return err
		}
		return s.endLogins(ctx, tx, a.ID)
	})
}

// endLogins ends an account's sessions and revokes its API tokens, for
// good: enabling the account again or a new password revives neither.
func (s *Accounts) endLogins(ctx context.Context, tx *store.Tx, account int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE account_id = ?`, account); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL`, s.store.Now(), account)
	return err
}

// Authenticate checks a name and password. Any failure is the same EInvalid,
// whether the name exists or not, and costs the same time.
func (s *Accounts) Authenticate(ctx context.Context, name, password string) (Account, error) {
	var a Account
	var hash string
	err := s.db.QueryRowContext(ctx, `SELECT id, name, role, created_at, disabled, password_hash FROM accounts WHERE name = ?`,
		strings.TrimSpace(name)).Scan(&a.ID, &a.Name, &a.Role, &a.CreatedAt, &a.Disabled, &hash)
	if err == store.ErrNoRows {
		bcrypt.CompareHashAndPassword(dummyHash, []byte(password))
		return Account{}, errBadLogin
	}
	if err != nil {
		return Account{}, err
	}
	if bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) != nil || a.Disabled {
		return Account{}, errBadLogin
	}
	return a, nil
}

var errBadLogin = analytics.Keyed(analytics.EInvalid, "invalid.login")

// AccountByName is one account; ENotFound when there is none.
func (s *Accounts) AccountByName(ctx context.Context, name string) (Account, error) {
	accounts, err := s.accounts(ctx, `WHERE name = ?`, strings.TrimSpace(name))
	if err != nil {
		return Account{}, err
	}
	if len(accounts) == 0 {
		return Account{}, analytics.Errorf(analytics.ENotFound, "there is no account named %s", name)
	}
	return accounts[0], nil
}

// Accounts lists every account by name.
func (s *Accounts) Accounts(ctx context.Context) ([]Account, error) {
	return s.accounts(ctx, `ORDER BY name`)
}

// SetDisabled disables or enables an account; disabling ends its sessions
// and revokes its API tokens, so enabling it again revives neither.
func (s *Accounts) SetDisabled(ctx context.Context, name string, disabled bool) error {
	a, err := s.AccountByName(ctx, name)
	if err != nil {
		return err
	}
	defer s.sessions.forget()
	return s.inTx(ctx, func(tx *store.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET disabled = ? WHERE id = ?`, disabled, a.ID); err != nil || !disabled {
			return err
		}
		return s.endLogins(ctx, tx, a.ID)
	})
}

func (s *Accounts) accounts(ctx context.Context, rest string, args ...any) ([]Account, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, role, created_at, disabled FROM accounts `+rest, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Account
	for rows.Next() {
		var a Account
		if err := rows.Scan(&a.ID, &a.Name, &a.Role, &a.CreatedAt, &a.Disabled); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// EnsureAdmin creates the account "admin" with a generated password when the
// database has no account at all: the first start. It returns the password
// to print once, or "" when accounts exist.
func (s *Accounts) EnsureAdmin(ctx context.Context) (string, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM accounts`).Scan(&n); err != nil || n > 0 {
		return "", err
	}
	_, password, err := s.CreateAccount(ctx, "admin", RoleAdmin, "")
	return password, err
}

// NewSecret is a random, URL-safe secret of n random bytes.
func NewSecret(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// secretHash is how session ids and API tokens are stored: a copy of the
// database does not hand out logins.
func secretHash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// inTx runs fn in a transaction, committed when fn returns nil, with no
// other write beside it.
func (s *Accounts) inTx(ctx context.Context, fn func(*store.Tx) error) error {
	return s.store.Write(ctx, fn)
}
