package analytics

import "testing"

// Two reads share a result only when their clause and every argument are
// the same; arguments that print alike run together do not.
func TestReadKeysTellArgumentsApart(t *testing.T) {
	where := "WHERE a = ? AND b = ?"
	if readKey("goals", where, []any{"a", "bc"}) == readKey("goals", where, []any{"ab", "c"}) {
		t.Error(`("a", "bc") and ("ab", "c") share a key`)
	}
	if readKey("goals", where, []any{2024, 1}) != readKey("goals", where, []any{2024, 1}) {
		t.Error("the same read has two keys")
	}
	if readKey("goals", where, []any{1}) == readKey("goal_statuses", where, []any{1}) {
		t.Error("two kinds of read share a key")
	}
}
