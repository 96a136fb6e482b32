package dashboard

import (
	"testing"

	"malbild/analytics/locale"
)

func TestNumbersInSwedishAndEnglish(t *testing.T) {
	cases := []struct {
		lang string
		n    int
		want string
	}{
		{locale.Sv, 10532, "10\u00a0532"}, {locale.Sv, 125, "125"}, {locale.Sv, 1234567, "1\u00a0234\u00a0567"},
		{locale.Sv, -4500, "−4\u00a0500"}, {locale.En, 10532, "10,532"}, {locale.Sv, 0, "0"},
	}
	for _, c := range cases {
		if got := formatInt(c.lang, c.n); got != c.want {
			t.Errorf("formatInt(%s, %d) = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
	if got := formatPercent(locale.Sv, 0.834); got != "83,4\u00a0%" {
		t.Errorf("Swedish percent = %q", got)
	}
	if got := formatPercent(locale.En, 0.834); got != "83.4%" {
		t.Errorf("English percent = %q", got)
	}
}

func TestMetricValuesAsTheBoardReadsThem(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	cases := []struct {
		lang, key string
		v         *float64
		want      string
	}{
		{locale.Sv, "members", f(131), "131"},
		{locale.Sv, "top_service_share", f(0.6857142857), "68,6\u00a0%"},
		{locale.En, "top_service_share", f(0.6857142857), "68.6%"},
		{locale.Sv, "services_per_member", f(1.4848484), "1,48"},
		{locale.Sv, "fee_income", f(830000), "830\u00a0000\u00a0kr"},
		{locale.Sv, "members", nil, "–"},
		{locale.Sv, "networks_min_participants", f(-0.0904), "−0,09"},
	}
	for _, c := range cases {
		if got := formatMetric(c.lang, c.key, c.v); got != c.want {
			t.Errorf("formatMetric(%s, %s) = %q, want %q", c.lang, c.key, got, c.want)
		}
	}
	if got := formatDecimal(locale.Sv, -0.001, 2); got != "0,00" {
		t.Errorf("a negative that rounds to zero = %q, want 0,00 without a sign", got)
	}
}
