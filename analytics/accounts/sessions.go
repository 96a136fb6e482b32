package accounts

import (
	"context"
	"sync"
	"time"

	"malbild/analytics"
	"malbild/analytics/store"
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
func (s *Accounts) NewSession(ctx context.Context, a Account) (string, Session, error) {
	id := NewSecret(32)
	now := s.store.Now()
	sess := Session{Account: a, CSRFToken: NewSecret(32), ExpiresAt: now.Add(SessionLifetime)}
	_, err := s.db.ExecContext(ctx, `INSERT INTO sessions (id_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
		secretHash(id), a.ID, sess.CSRFToken, now, sess.ExpiresAt)
	return id, sess, err
}

// sessionCacheTTL is how long a looked-up session is answered from memory:
// every request needs its session, and a DuckDB lookup per request would
// cost more than the cached page it guards. Logout, a new password and
// disabling drop the cached sessions at once; only this process writes
// them (DuckDB locks the file to one process).
const sessionCacheTTL = 30 * time.Second

type cachedSession struct {
	session Session
	until   time.Time
}

// sessionCache remembers recent lookups by id hash.
// A lookup that raced with a change (generation moved on) is not kept.
type sessionCache struct {
	mu         sync.Mutex
	generation uint64
	entries    map[string]cachedSession
}

func (c *sessionCache) get(key string, now time.Time) (Session, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || !now.Before(e.until) || !now.Before(e.session.ExpiresAt) {
		return Session{}, c.generation, false
	}
	return e.session, c.generation, true
}

func (c *sessionCache) put(key string, sess Session, now time.Time, generation uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if generation != c.generation {
		return
	}
	if c.entries == nil || len(c.entries) > 10000 {
		c.entries = map[string]cachedSession{}
	}
	c.entries[key] = cachedSession{session: sess, until: now.Add(sessionCacheTTL)}
}

func (c *sessionCache) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.generation++
	c.entries = nil
}

// SessionByID is the live session with the cookie's id; ENotFound when it
// is unknown, expired or its account is disabled.
func (s *Accounts) SessionByID(ctx context.Context, id string) (Session, error) {
	key, now := secretHash(id), s.store.Now()
	sess, generation, ok := s.sessions.get(key, now)
	if ok {
		return sess, nil
	}
	sess, err := s.lookupSession(ctx, key, now)
	if err == nil {
		s.sessions.put(key, sess, now, generation)
	}
	return sess, err
}

func (s *Accounts) lookupSession(ctx context.Context, key string, now time.Time) (Session, error) {
	var sess Session
	a := &sess.Account
	err := s.db.QueryRowContext(ctx, `
		SELECT a.id, a.name, a.role, a.created_at, s.csrf_token, s.expires_at
		FROM sessions s JOIN accounts a ON a.id = s.account_id
		WHERE s.id_hash = ? AND s.expires_at > ? AND NOT a.disabled`, key, now).
		Scan(&a.ID, &a.Name, &a.Role, &a.CreatedAt, &sess.CSRFToken, &sess.ExpiresAt)
	if err == store.ErrNoRows {
		return Session{}, analytics.Errorf(analytics.ENotFound, "no session")
	}
	return sess, err
}

// EndSession logs the session out; expired sessions are removed too.
func (s *Accounts) EndSession(ctx context.Context, id string) error {
	s.sessions.forget()
	_, err := s.db.ExecContext(ctx, `DELETE FROM sessions WHERE id_hash = ? OR expires_at <= ?`, secretHash(id), s.store.Now())
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
func (s *Accounts) NewAPIToken(ctx context.Context, name string) (string, error) {
	a, err := s.AccountByName(ctx, name)
	if err != nil {
		return "", err
	}
	token := "mb_" + NewSecret(32)
	_, err = s.db.ExecContext(ctx, `INSERT INTO api_tokens (account_id, token_hash, created_at) VALUES (?, ?, ?)`,
		a.ID, secretHash(token), s.store.Now())
	return token, err
}

// AccountByToken is the account of a valid, unrevoked token; ENotFound else.
func (s *Accounts) AccountByToken(ctx context.Context, token string) (Account, error) {
	var a Account
	err := s.db.QueryRowContext(ctx, `
		SELECT a.id, a.name, a.role, a.created_at
		FROM api_tokens t JOIN accounts a ON a.id = t.account_id
		WHERE t.token_hash = ? AND t.revoked_at IS NULL AND NOT a.disabled`, secretHash(token)).
		Scan(&a.ID, &a.Name, &a.Role, &a.CreatedAt)
	if err == store.ErrNoRows {
		return Account{}, analytics.Errorf(analytics.ENotFound, "no such token")
	}
	return a, err
}

// APITokens lists every token, newest first.
func (s *Accounts) APITokens(ctx context.Context) ([]APIToken, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT t.id, a.name, t.created_at, t.revoked_at
		FROM api_tokens t JOIN accounts a ON a.id = t.account_id ORDER BY t.created_at DESC, t.id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []APIToken
	for rows.Next() {
		var t APIToken
		var revoked store.NullTime
		if err := rows.Scan(&t.ID, &t.Account, &t.CreatedAt, &revoked); err != nil {
			return nil, err
		}
		t.RevokedAt = revoked.Time
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeAPIToken ends a token; ENotFound for an unknown id.
func (s *Accounts) RevokeAPIToken(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`, s.store.Now(), id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return analytics.Errorf(analytics.ENotFound, "no valid token with id %d", id)
	}
	return nil
}
