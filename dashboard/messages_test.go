package dashboard

import "testing"

func TestCatalogueIsComplete(t *testing.T) {
	for key, texts := range messages {
		for _, lang := range []string{langSv, langEn} {
			if texts[lang] == "" {
				t.Errorf("%s has no %s text", key, lang)
			}
		}
	}
}

func TestNumbersInSwedishAndEnglish(t *testing.T) {
	cases := []struct {
		lang string
		n    int
		want string
	}{
		{langSv, 10532, "10\u00a0532"}, {langSv, 125, "125"}, {langSv, 1234567, "1\u00a0234\u00a0567"},
		{langSv, -4500, "−4\u00a0500"}, {langEn, 10532, "10,532"}, {langSv, 0, "0"},
	}
	for _, c := range cases {
		if got := formatInt(c.lang, c.n); got != c.want {
			t.Errorf("formatInt(%s, %d) = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
	if got := formatPercent(langSv, 0.834); got != "83,4\u00a0%" {
		t.Errorf("Swedish percent = %q", got)
	}
	if got := formatPercent(langEn, 0.834); got != "83.4%" {
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
		{langSv, "members", f(131), "131"},
		{langSv, "top_service_share", f(0.6857142857), "68,6\u00a0%"},
		{langEn, "top_service_share", f(0.6857142857), "68.6%"},
		{langSv, "services_per_member", f(1.4848484), "1,48"},
		{langSv, "fee_income", f(830000), "830\u00a0000\u00a0kr"},
		{langSv, "members", nil, "–"},
		{langSv, "networks_min_participants", f(-0.0904), "−0,09"},
	}
	for _, c := range cases {
		if got := formatMetric(c.lang, c.key, c.v); got != c.want {
			t.Errorf("formatMetric(%s, %s) = %q, want %q", c.lang, c.key, got, c.want)
		}
	}
	if got := formatDecimal(langSv, -0.001, 2); got != "0,00" {
		t.Errorf("a negative that rounds to zero = %q, want 0,00 without a sign", got)
	}
}
