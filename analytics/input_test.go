package analytics_test

import (
	"strings"
	"testing"

	"malbild/analytics"
)

func TestParseDateAndYear(t *testing.T) {
	if d, err := analytics.ParseDate(" 2024-02-29 "); err != nil || d.Format("2006-01-02") != "2024-02-29" {
		t.Errorf("leap day: %v %v", d, err)
	}
	if d, err := analytics.ParseDate(""); err != nil || !d.IsZero() {
		t.Errorf("empty date: %v %v, want the zero time (today)", d, err)
	}
	for _, bad := range []string{"2023-02-29", "2023-6-30", "30/06/2023", "1899-12-31", "3000-01-01", "today"} {
		_, err := analytics.ParseDate(bad)
		if analytics.ErrorCode(err) != analytics.EInvalid {
			t.Errorf("ParseDate(%q) = %v, want invalid", bad, err)
		}
	}
	if _, err := analytics.ParseDate("30/06/2023"); err == nil || !strings.Contains(err.Error(), "YYYY-MM-DD") {
		t.Errorf("message does not show the format: %v", err)
	}
	if y, err := analytics.ParseYear("2023"); err != nil || y != 2023 {
		t.Errorf("ParseYear: %d %v", y, err)
	}
	for _, bad := range []string{"23x", "0", "-2023", "20233"} {
		if _, err := analytics.ParseYear(bad); analytics.ErrorCode(err) != analytics.EInvalid {
			t.Errorf("ParseYear(%q) = %v, want invalid", bad, err)
		}
	}
}
