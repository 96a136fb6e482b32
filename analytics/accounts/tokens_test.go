package accounts_test

import (
	"context"
	"testing"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/analyticstest"
)

// Hole 9: a password reset revokes the account's API tokens, and so does
// disabling it: enabling it again does not revive them.
func TestTokensDieWithAResetOrADisable(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	for _, name := range []string{"reset", "disabled"} {
		if _, _, err := accounts.Of(s).CreateAccount(ctx, name, accounts.RoleViewer, "a long enough password"); err != nil {
			t.Fatal(err)
		}
	}
	resetToken, _ := accounts.Of(s).NewAPIToken(ctx, "reset")
	disabledToken, _ := accounts.Of(s).NewAPIToken(ctx, "disabled")
	if _, err := accounts.Of(s).SetPassword(ctx, "reset", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := accounts.Of(s).AccountByToken(ctx, resetToken); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Errorf("a token after its account's password reset: %v, want ENotFound", err)
	}
	if err := accounts.Of(s).SetDisabled(ctx, "disabled", true); err != nil {
		t.Fatal(err)
	}
	if err := accounts.Of(s).SetDisabled(ctx, "disabled", false); err != nil {
		t.Fatal(err)
	}
	if _, err := accounts.Of(s).AccountByToken(ctx, disabledToken); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Errorf("a token after its account was disabled and enabled: %v, want ENotFound", err)
	}
	tokens, _ := accounts.Of(s).APITokens(ctx)
	for _, tok := range tokens {
		if tok.RevokedAt.IsZero() {
			t.Errorf("token %d of %s is not shown revoked", tok.ID, tok.Account)
		}
	}
	fresh, _ := accounts.Of(s).NewAPIToken(ctx, "disabled")
	if _, err := accounts.Of(s).AccountByToken(ctx, fresh); err != nil {
		t.Errorf("a new token after enabling: %v", err)
	}
}
