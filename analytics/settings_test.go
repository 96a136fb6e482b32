package analytics_test

import (
	"context"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

func TestSettings(t *testing.T) {
	ctx := context.Background()
	s := analyticstest.New(t)
	key := analytics.SettingAssociation
	if v, err := s.Setting(ctx, key); err != nil || v != "" {
		t.Fatalf("an unset setting: %q, %v", v, err)
	}
	if err := s.SetSetting(ctx, key, "  Sambruk  "); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, key, "Föreningen Sambruk"); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Setting(ctx, key); v != "Föreningen Sambruk" {
		t.Errorf("after two sets: %q", v)
	}
	for _, bad := range []string{"two\nlines", strings.Repeat("x", 201)} {
		if err := s.SetSetting(ctx, key, bad); analytics.ErrorCode(err) != analytics.EInvalid {
			t.Errorf("%.20q: %v, want EInvalid", bad, err)
		}
	}
	if _, err := s.Setting(ctx, "colour"); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("an unknown key: %v", err)
	}
	if err := s.SetSetting(ctx, key, ""); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Setting(ctx, key); v != "" {
		t.Errorf("an emptied setting: %q", v)
	}
}
