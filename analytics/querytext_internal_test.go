package analytics

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"malbild/analytics/store"
)

func openForArguments(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// readBack runs a one-parameter statement in both forms, with a kept plan
// and with the value in its text, with v as the parameter's value, and gives
// what the statement read (the same in both, or the test fails).
func readBack(t testing.TB, s *Store, cast string, v any) *string {
	t.Helper()
	text, err := argText(v)
	if err != nil {
		t.Fatalf("argText(%#v): %v", v, err)
	}
	var inText *string
	lit := `SELECT CAST(CAST(` + quoteText(text) + ` AS ` + cast + `) AS VARCHAR)`
	if err := s.db.QueryRowContext(context.Background(), lit).Scan(&inText); err != nil {
		t.Fatalf("%#v in the text: %v", v, err)
	}
	columns := paramNames()
	args := make([]*string, len(columns))
	args[slices.Index(columns, "on")] = text
	var got *string
	q := `SELECT CAST(CAST((SELECT "on" FROM ` + store.PlannedArgsTable + `) AS ` + cast + `) AS VARCHAR)`
	err = s.planned.Query(context.Background(), "readback "+cast, q, args, func(rows *store.Rows) error {
		for rows.Next() {
			if err := rows.Scan(&got); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("%s with %#v: %v", q, v, err)
	}
	if (got == nil) != (inText == nil) || got != nil && *got != *inText {
		t.Fatalf("%#v read back as %v with a kept plan, %v in the text", v, got, inText)
	}
	return got
}

func FuzzQuotedTextReadsBack(f *testing.F) {
	for _, seed := range []string{"", "O'Brien", "a\nb -- c", "/*", "\\'", "'')"} {
		f.Add(seed)
	}
	s := openForArguments(f)
	f.Fuzz(func(t *testing.T, v string) {
		text, err := argText(v)
		if err != nil {
			return // not UTF-8 or a NUL: refused, never written
		}
		var got string
		if err := s.db.QueryRowContext(context.Background(), "SELECT "+quoteText(text)).Scan(&got); err != nil || got != v {
			t.Errorf("%q read back as %q, %v", v, got, err)
		}
	})
}

func TestArgumentsReadBackAsTheirValues(t *testing.T) {
	s := openForArguments(t)
	for _, v := range []string{
		"", "municipality", "O'Brien", "''", `\`, "a\nb", "a\r\nb", "x'); DROP TABLE members; --", "$on", "Örebro län ✓",
		strings.Repeat("å", 40000),
	} {
		if got := readBack(t, s, "VARCHAR", v); got == nil || *got != v {
			t.Errorf("%q read back as %v", v, got)
		}
	}
	one := int64(-7)
	for _, c := range []struct {
		v    any
		cast string
		want string
	}{
		{0, "INTEGER", "0"}, {-5, "INTEGER", "-5"}, {int64(-1 << 53), "BIGINT", "-9007199254740992"}, {&one, "BIGINT", "-7"},
		{-2.5, "DOUBLE", "-2.5"}, {float64(SwedenPopulation), "DOUBLE", "10587710.0"}, {true, "BOOLEAN", "true"},
		{"2026-11-22", "DATE", "2026-11-22"},
	} {
		if got := readBack(t, s, c.cast, c.v); got == nil || *got != c.want {
			t.Errorf("%v as %s read back as %v, want %s", c.v, c.cast, got, c.want)
		}
	}
	var none *int64
	for _, v := range []any{nil, none, (*string)(nil)} {
		if got := readBack(t, s, "BIGINT", v); got != nil {
			t.Errorf("%#v read back as %s, want NULL", v, *got)
		}
	}
}

func TestArgTextRefusesWhatIsNoValueOfAQueryFile(t *testing.T) {
	for _, v := range []any{"a\x00b", "\xff\xfe", math.NaN(), math.Inf(-1), time.Now(), []string{"a"}, int32(1)} {
		if text, err := argText(v); err == nil {
			t.Errorf("argText(%#v) = %v, want an error", v, text)
		}
	}
}

func TestSplitQueryLeavesOutCommentsAndKeepsQuotedText(t *testing.T) {
	q, err := splitQuery("-- $kind in a comment\nSELECT '$on', \"$x\" /* $n */, CAST($on AS DATE) -- $on\n, $n_2")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(q.slots, ",") != "on,n_2" {
		t.Errorf("slots = %v, want on,n_2", q.slots)
	}
	got := q.planned()
	want := "\nSELECT '$on', \"$x\"  , CAST((SELECT \"on\" FROM query_args) AS DATE) \n, (SELECT \"n_2\" FROM query_args)"
	if got != want {
		t.Errorf("planned =\n%q\nwant\n%q", got, want)
	}
	got, err = q.literal(map[string]any{"on": "2026-01-01'\nDROP TABLE members", "n_2": 3})
	want = "\nSELECT '$on', \"$x\"  , CAST('2026-01-01''\nDROP TABLE members' AS DATE) \n, '3'"
	if err != nil || got != want {
		t.Errorf("literal =\n%q, %v\nwant\n%q", got, err, want)
	}
	for text, ok := range map[string]bool{
		"SELECT CAST($on AS DATE)": true, "SELECT cast( $on\n as INTEGER)": true,
		"SELECT $on": false, "SELECT CAST($on::DATE AS DATE)": false, "SELECT x = CAST(1 AS INTEGER) + $n": false,
	} {
		q, err := splitQuery(text)
		if err != nil {
			t.Fatal(err)
		}
		if err := q.checkCasts(); (err == nil) != ok {
			t.Errorf("checkCasts(%q) = %v", text, err)
		}
	}
	for _, bad := range []string{"SELECT 'open", `SELECT "open`, "SELECT 1 /* open"} {
		if _, err := splitQuery(bad); err == nil {
			t.Errorf("splitQuery(%q): want an error", bad)
		}
	}
}

// Every query file splits, and what runs names no parameter of its own:
// each is read from the argument table.
func TestQueryFilesRunWithTheirParametersFromTheArgumentTable(t *testing.T) {
	qs, err := queries()
	if err != nil {
		t.Fatal(err)
	}
	for name, q := range qs {
		if strings.Contains(q.planned, "$") || strings.Contains(q.planned, "--") {
			t.Errorf("%s runs with a $ or a comment left in it", name)
		}
	}
}
