package analytics

import (
	"context"
	"errors"
	"testing"
)

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

// A read is kept for every request given the same DayCache, and for no
// other; a read that failed is not kept: the next caller reads again.
func TestKeptReadsLastForTheirDayCache(t *testing.T) {
	runs := 0
	read := func() (int, error) {
		runs++
		if runs == 1 {
			return 0, errors.New("the database was busy")
		}
		return runs, nil
	}
	cache := NewDayCache()
	request := func(c *DayCache) context.Context {
		return WithDayValues(WithDayCache(context.Background(), c), false)
	}
	if _, err := keptRead(request(cache), "k", read); err == nil {
		t.Fatal("the first read's error was lost")
	}
	for range 3 {
		if v, err := keptRead(request(cache), "k", read); err != nil || v != 2 {
			t.Errorf("a later request of the same data read %d, %v; want the second read's 2", v, err)
		}
	}
	if v, _ := keptRead(request(NewDayCache()), "k", read); v != 3 {
		t.Errorf("a request after a write read %d, want a read of its own (3)", v)
	}
	if v, _ := keptRead(context.Background(), "k", read); v != 4 {
		t.Errorf("a call outside WithDayValues read %d, want a read of its own (4)", v)
	}
}
