package analytics_test

import (
	"reflect"
	"testing"

	"malbild/analytics"
)

func TestParseParams(t *testing.T) {
	for in, want := range map[string]analytics.Params{
		"":                      {},
		"n=20":                  {"n": "20"},
		" n = 20 , kind=kommun": {"n": "20", "kind": "kommun"},
		"kind=kommun,":          {"kind": "kommun"},
	} {
		got, err := analytics.ParseParams(in)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("ParseParams(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"n", "=5", "n=1,n=2"} {
		if _, err := analytics.ParseParams(in); analytics.ErrorCode(err) != analytics.EInvalid {
			t.Errorf("ParseParams(%q): err %v, want EInvalid", in, err)
		}
	}
	if got := (analytics.Params{"n": "20", "kind": "kommun"}).String(); got != "kind=kommun,n=20" {
		t.Errorf("String() = %q", got)
	}
}
