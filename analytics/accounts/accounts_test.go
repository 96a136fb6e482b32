package analytics_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

func TestAccountsPasswordsAndLogins(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	pw, err := s.EnsureAdmin(ctx)
	if err != nil || len(pw) < analytics.MinPasswordLength {
		t.Fatalf("first start: password %q, %v", pw, err)
	}
	if again, _ := s.EnsureAdmin(ctx); again != "" {
		t.Error("a second start created another admin")
	}
	if _, err := s.Authenticate(ctx, "admin", pw); err != nil {
		t.Errorf("the printed password does not work: %v", err)
	}
	var stored string
	analyticstest.Handle(s).QueryRow(`SELECT password_hash FROM accounts WHERE name = 'admin'`).Scan(&stored)
	if !strings.HasPrefix(stored, "$2") || strings.Contains(stored, pw) {
		t.Errorf("the password is not stored as a bcrypt hash: %q", stored)
	}
	if _, _, err := s.CreateAccount(ctx, "kansliet", analytics.RoleEditor, "kort"); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("short password: %v", err)
	}
	if _, _, err := s.CreateAccount(ctx, "kansliet", "boss", "ett långt lösenord"); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("unknown role: %v", err)
	}
	if _, _, err := s.CreateAccount(ctx, "kansliet", analytics.RoleEditor, "ett långt lösenord"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.CreateAccount(ctx, "kansliet", analytics.RoleViewer, "ett annat långt lösenord"); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("taken name: %v", err)
	}
	_, wrongPassword := s.Authenticate(ctx, "kansliet", "fel lösenord som är långt")
	_, unknownName := s.Authenticate(ctx, "nobody", "fel lösenord som är långt")
	if wrongPassword == nil || unknownName == nil || wrongPassword.Error() != unknownName.Error() {
		t.Errorf("failures must not tell whether the account exists: %v / %v", wrongPassword, unknownName)
	}

	// Sessions end with a new password and with disabling.
	a, _ := s.AccountByName(ctx, "kansliet")
	id, sess, err := s.NewSession(ctx, a)
	if err != nil || sess.CSRFToken == "" {
		t.Fatal(err)
	}
	if got, err := s.SessionByID(ctx, id); err != nil || got.Account.Role != analytics.RoleEditor {
		t.Fatalf("session: %+v %v", got, err)
	}
	if _, err := s.SetPassword(ctx, "kansliet", "ett helt nytt lösenord"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SessionByID(ctx, id); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Error("the session outlived a password change")
	}
	id, _, _ = s.NewSession(ctx, a)
	s.SetDisabled(ctx, "kansliet", true)
	if _, err := s.SessionByID(ctx, id); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Error("the session outlived disabling")
	}
	if _, err := s.Authenticate(ctx, "kansliet", "ett helt nytt lösenord"); err == nil {
		t.Error("a disabled account logged in")
	}
}

func TestSessionsExpireAndTokensRevoke(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	a, _, _ := s.CreateAccount(ctx, "styrelsen", analytics.RoleViewer, "ett långt lösenord")
	id, _, _ := s.NewSession(ctx, a)
	now := analyticstest.Today
	s.Now = func() time.Time { return now.Add(analytics.SessionLifetime + time.Minute) }
	if _, err := s.SessionByID(ctx, id); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Error("an expired session still works")
	}
	s.Now = func() time.Time { return now }
	token, err := s.NewAPIToken(ctx, "styrelsen")
	if err != nil || !strings.HasPrefix(token, "mb_") {
		t.Fatal(token, err)
	}
	if got, err := s.AccountByToken(ctx, token); err != nil || got.Name != "styrelsen" {
		t.Errorf("token: %v %v", got, err)
	}
	var stored int
	analyticstest.Handle(s).QueryRow(`SELECT count(*) FROM api_tokens WHERE token_hash = ?`, token).Scan(&stored)
	if stored != 0 {
		t.Error("the token is stored in clear")
	}
	tokens, _ := s.APITokens(ctx)
	if err := s.RevokeAPIToken(ctx, tokens[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AccountByToken(ctx, token); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Error("a revoked token still works")
	}
	if err := s.RevokeAPIToken(ctx, tokens[0].ID); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Error("revoking twice should say there is no valid token")
	}
}

func TestAuditLogNewestFirst(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	s.Audit(ctx, "kansliet", analytics.AuditImport, "medlemmar.xlsx")
	s.Audit(ctx, "admin", analytics.AuditAccount, "added styrelsen (viewer)")
	log, err := s.AuditLog(ctx, 10)
	if err != nil || len(log) != 2 || log[0].Action != analytics.AuditAccount || log[1].Detail != "medlemmar.xlsx" {
		t.Errorf("audit log %+v %v", log, err)
	}
}
