package analytics

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"
)

func openForLiterals(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// readBackString runs SELECT <literal> and gives what DuckDB read.
func readBackString(t testing.TB, s *Store, v string) string {
	t.Helper()
	lit, err := sqlLiteral(v)
	if err != nil {
		t.Fatalf("sqlLiteral(%q): %v", v, err)
	}
	var got string
	if err := s.db.QueryRowContext(context.Background(), "SELECT "+lit).Scan(&got); err != nil {
		t.Fatalf("SELECT %s: %v", lit, err)
	}
	return got
}

func TestSQLLiteralReadsBackTheValue(t *testing.T) {
	s := openForLiterals(t)
	for _, v := range []string{
		"", "municipality", "2026-11-22", "O'Brien", "''", "'", `\`, `\'`, "a\nb", "a\r\nb",
		"x'); DROP TABLE members; --", "-- not a comment", "/* not a comment */", "$on", "Örebro län ✓",
		strings.Repeat("'", 41), strings.Repeat("å", 40000),
	} {
		if got := readBackString(t, s, v); got != v {
			t.Errorf("%q read back as %q", v, got)
		}
	}
	one := int64(-7)
	for _, c := range []struct {
		v    any
		want float64 // 1 minus the value: a minus sign before a negative number
	}{
		{0, 1}, {-5, 6}, {int64(-1 << 53), 1 + 1<<53}, {&one, 8},
		{-2.5, 3.5}, {1e-300, 1}, {float64(SwedenPopulation), 1 - SwedenPopulation},
	} {
		lit, err := sqlLiteral(c.v)
		if err != nil {
			t.Fatalf("sqlLiteral(%v): %v", c.v, err)
		}
		var got float64
		if err := s.db.QueryRowContext(context.Background(), "SELECT CAST(1-"+lit+" AS DOUBLE)").Scan(&got); err != nil {
			t.Fatalf("SELECT 1-%s: %v", lit, err)
		}
		if got != c.want {
			t.Errorf("1-%s = %v, want %v", lit, got, c.want)
		}
	}
	var none *int64
	for _, v := range []any{nil, none, (*string)(nil)} {
		if lit, _ := sqlLiteral(v); lit != "NULL" {
			t.Errorf("sqlLiteral(%#v) = %s, want NULL", v, lit)
		}
	}
}

func TestSQLLiteralRefusesWhatCannotBeWrittenSafely(t *testing.T) {
	for _, v := range []any{"a\x00b", "\xff\xfe", math.NaN(), math.Inf(-1), time.Now(), []string{"a"}, int32(1)} {
		if lit, err := sqlLiteral(v); err == nil {
			t.Errorf("sqlLiteral(%#v) = %s, want an error", v, lit)
		}
	}
}

func FuzzSQLLiteral(f *testing.F) {
	for _, seed := range []string{"", "O'Brien", "a\nb -- c", "/*", "\\'"} {
		f.Add(seed)
	}
	s := openForLiterals(f)
	f.Fuzz(func(t *testing.T, v string) {
		if _, err := sqlLiteral(v); err != nil {
			return // not UTF-8 or a NUL: refused, never written
		}
		if got := readBackString(t, s, v); got != v {
			t.Errorf("%q read back as %q", v, got)
		}
	})
}

func TestSplitQueryLeavesOutCommentsAndKeepsQuotedText(t *testing.T) {
	q, err := splitQuery("-- $kind in a comment\nSELECT '$on', \"$x\" /* $n */, CAST($on AS DATE) -- $on\n, $n_2")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(q.slots, ",") != "on,n_2" {
		t.Errorf("slots = %v, want on,n_2", q.slots)
	}
	got, err := q.render(map[string]any{"on": "2026-01-01\nDROP TABLE members", "n_2": 3})
	if err != nil {
		t.Fatal(err)
	}
	want := "\nSELECT '$on', \"$x\"  , CAST('2026-01-01\nDROP TABLE members' AS DATE) \n, (3)"
	if got != want {
		t.Errorf("render =\n%q\nwant\n%q", got, want)
	}
	for _, bad := range []string{"SELECT 'open", `SELECT "open`, "SELECT 1 /* open"} {
		if _, err := splitQuery(bad); err == nil {
			t.Errorf("splitQuery(%q): want an error", bad)
		}
	}
}

// Every query file splits, and a value with a line break cannot reach past
// the parameter's place: the files' comments are gone from what runs.
func TestQueryFilesRunWithoutTheirComments(t *testing.T) {
	qs, err := queries()
	if err != nil {
		t.Fatal(err)
	}
	for name, q := range qs {
		args := map[string]any{}
		for _, p := range q.params {
			args[p] = nil
		}
		text, err := q.text.render(args)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if strings.Contains(text, "--") || strings.Contains(text, "/*") {
			t.Errorf("%s still has a comment when it runs", name)
		}
	}
}
