package analytics

import (
	"context"
	"database/sql"
	"time"
)

// SessionLifetime is how long a login lasts.
const SessionLifetime = 12 * time.Hour

// Session is a logged-in browser: its account and its CSRF token.
type Session struct {
	Account   Account
	CSRFToken string
	ExpiresAt time.Time
}

// NewSession logs an account in and returns the session id for its cookie;
// only the id's hash is stored. A new id at every login prevents fixation.
func (s *Store) NewSession(ctx context.Context, a Account) (string, Session, error) {
	id := NewSecret(32)
	now := s.Now()
	sess := Session{Account: a, CSRFToken: NewSecret(32), ExpiresAt: now.Add(SessionLifetime)}
	_, err := s.DB.ExecContext(ctx, `INSERT INTO sessions (id_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
		secretHash(id), a.ID, sess.CSRFToken, now, sess.ExpiresAt)
	return id, sess, err
}

// SessionByID is the live session with the cookie's id; ENotFound when it
// is unknown, expired or its account is disabled.
func (s *Store) SessionByID(ctx context.Context, id string) (Session, error) {
	var sess Session
	a := &sess.Account
	err := s.DB.QueryRowContext(ctx, `
		SELECT a.id, a.name, a.role, a.created_at, s.csrf_token, s.expires_at
		FROM sessions s JOIN accounts a ON a.id = s.account_id
		WHERE s.id_hash = ? AND s.expires_at > ? AND NOT a.disabled`, secretHash(id), s.Now()).
		Scan(&a.ID, &a.Name, &a.Role, &a.CreatedAt, &sess.CSRFToken, &sess.ExpiresAt)
	if err == sql.ErrNoRows {
		return Session{}, Errorf(ENotFound, "no session")
	}
	return sess, err
}

// EndSession logs the session out; expired sessions are removed too.
func (s *Store) EndSession(ctx context.Context, id string) error {
	_, err := s.DB.ExecContext(ctx, `DELETE FROM sessions WHERE id_hash = ? OR expires_at <= ?`, secretHash(id), s.Now())
	return err
}

// APIToken is a revocable token for /api/*, shown once when created.
type APIToken struct {
	ID        int64
	Account   string
	CreatedAt time.Time
	RevokedAt time.Time // zero: valid
}

// NewAPIToken creates a token for the account; the token is returned once
// and stored only as its hash.
func (s *Store) NewAPIToken(ctx context.Context, name string) (string, error) {
	a, err := s.AccountByName(ctx, name)
	if err != nil {
		return "", err
	}
	token := "mb_" + NewSecret(32)
	_, err = s.DB.ExecContext(ctx, `INSERT INTO api_tokens (account_id, token_hash, created_at) VALUES (?, ?, ?)`,
		a.ID, secretHash(token), s.Now())
	return token, err
}

// AccountByToken is the account of a valid, unrevoked token; ENotFound else.
func (s *Store) AccountByToken(ctx context.Context, token string) (Account, error) {
	var a Account
	err := s.DB.QueryRowContext(ctx, `
		SELECT a.id, a.name, a.role, a.created_at
		FROM api_tokens t JOIN accounts a ON a.id = t.account_id
		WHERE t.token_hash = ? AND t.revoked_at IS NULL AND NOT a.disabled`, secretHash(token)).
		Scan(&a.ID, &a.Name, &a.Role, &a.CreatedAt)
	if err == sql.ErrNoRows {
		return Account{}, Errorf(ENotFound, "no such token")
	}
	return a, err
}

// APITokens lists every token, newest first.
func (s *Store) APITokens(ctx context.Context) ([]APIToken, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT t.id, a.name, t.created_at, t.revoked_at
		FROM api_tokens t JOIN accounts a ON a.id = t.account_id ORDER BY t.created_at DESC, t.id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []APIToken
	for rows.Next() {
		var t APIToken
		var revoked sql.NullTime
		if err := rows.Scan(&t.ID, &t.Account, &t.CreatedAt, &revoked); err != nil {
			return nil, err
		}
		t.RevokedAt = revoked.Time
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeAPIToken ends a token; ENotFound for an unknown id.
func (s *Store) RevokeAPIToken(ctx context.Context, id int64) error {
	res, err := s.DB.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`, s.Now(), id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(ENotFound, "no valid token with id %d", id)
	}
	return nil
}
