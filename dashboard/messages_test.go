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
