package accounts_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/analyticstest"
)

func TestAccountsPasswordsAndLogins(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	pw, err := accounts.Of(s).EnsureAdmin(ctx)
	if err != nil || len(pw) < accounts.MinPasswordLength {
		t.Fatalf("first start: password %q, %v", pw, err)
	}
	if again, _ := accounts.Of(s).EnsureAdmin(ctx); again != "" {
		t.Error("a second start created another admin")
	}
	if _, err := accounts.Of(s).Authenticate(ctx, "admin", pw); err != nil {
		t.Errorf("the printed password does not work: %v", err)
	}
	var stored string
	analyticstest.Handle(s).QueryRow(`SELECT password_hash FROM accounts WHERE name = 'admin'`).Scan(&stored)
	if !strings.HasPrefix(stored, "$2") || strings.Contains(stored, pw) {
		t.Errorf("the password is not stored as a bcrypt hash: %q", stored)
	}
	if _, _, err := accounts.Of(s).CreateAccount(ctx, "kansliet", accounts.RoleEditor, "kort"); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("short password: %v", err)
	}
	if _, _, err := accounts.Of(s).CreateAccount(ctx, "kansliet", "boss", "ett långt lösenord"); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("unknown role: %v", err)
	}
	if _, _, err := accounts.Of(s).CreateAccount(ctx, "kansliet", accounts.RoleEditor, "ett långt lösenord"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := accounts.Of(s).CreateAccount(ctx, "kansliet", accounts.RoleViewer, "ett annat långt lösenord"); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("taken name: %v", err)
	}
	_, wrongPassword := accounts.Of(s).Authenticate(ctx, "kansliet", "fel lösenord som är långt")
	_, unknownName := accounts.Of(s).Authenticate(ctx, "nobody", "fel lösenord som är långt")
	if wrongPassword == nil || unknownName == nil || wrongPassword.Error() != unknownName.Error() {
		t.Errorf("failures must not tell whether the account exists: %v / %v", wrongPassword, unknownName)
	}

	// Sessions end with a new password and with disabling.
	a, _ := accounts.Of(s).AccountByName(ctx, "kansliet")
	id, sess, err := accounts.Of(s).NewSession(ctx, a)
	if err != nil || sess.CSRFToken == "" {
		t.Fatal(err)
	}
	if got, err := accounts.Of(s).SessionByID(ctx, id); err != nil || got.Account.Role != accounts.RoleEditor {
		t.Fatalf("session: %+v %v", got, err)
	}
	if _, err := accounts.Of(s).SetPassword(ctx, "kansliet", "ett helt nytt lösenord"); err != nil {
		t.Fatal(err)
	}
	if _, err := accounts.Of(s).SessionByID(ctx, id); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Error("the session outlived a password change")
	}
	id, _, _ = accounts.Of(s).NewSession(ctx, a)
	accounts.Of(s).SetDisabled(ctx, "kansliet", true)
	if _, err := accounts.Of(s).SessionByID(ctx, id); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Error("the session outlived disabling")
	}
	if _, err := accounts.Of(s).Authenticate(ctx, "kansliet", "ett helt nytt lösenord"); err == nil {
		t.Error("a disabled account logged in")
	}
}

func TestSessionsExpireAndTokensRevoke(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	a, _, _ := accounts.Of(s).CreateAccount(ctx, "styrelsen", accounts.RoleViewer, "ett långt lösenord")
	id, _, _ := accounts.Of(s).NewSession(ctx, a)
	now := analyticstest.Today
	s.Now = func() time.Time { return now.Add(accounts.SessionLifetime + time.Minute) }
	if _, err := accounts.Of(s).SessionByID(ctx, id); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Error("an expired session still works")
	}
	s.Now = func() time.Time { return now }
	token, err := accounts.Of(s).NewAPIToken(ctx, "styrelsen")
	if err != nil || !strings.HasPrefix(token, "mb_") {
		t.Fatal(token, err)
	}
	if got, err := accounts.Of(s).AccountByToken(ctx, token); err != nil || got.Name != "styrelsen" {
		t.Errorf("token: %v %v", got, err)
	}
	var stored int
	analyticstest.Handle(s).QueryRow(`SELECT count(*) FROM api_tokens WHERE token_hash = ?`, token).Scan(&stored)
	if stored != 0 {
		t.Error("the token is stored in clear")
	}
	tokens, _ := accounts.Of(s).APITokens(ctx)
	if err := accounts.Of(s).RevokeAPIToken(ctx, tokens[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := accounts.Of(s).AccountByToken(ctx, token); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Error("a revoked token still works")
	}
	if err := accounts.Of(s).RevokeAPIToken(ctx, tokens[0].ID); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Error("revoking twice should say there is no valid token")
	}
}

func TestAuditLogNewestFirst(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	accounts.Of(s).Audit(ctx, "kansliet", accounts.AuditImport, "medlemmar.xlsx")
	accounts.Of(s).Audit(ctx, "admin", accounts.AuditAccount, "added styrelsen (viewer)")
	log, err := accounts.Of(s).AuditLog(ctx, 10)
	if err != nil || len(log) != 2 || log[0].Action != accounts.AuditAccount || log[1].Detail != "medlemmar.xlsx" {
		t.Errorf("audit log %+v %v", log, err)
	}
}
