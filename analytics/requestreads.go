package analytics

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"sync"
)

// A page that evaluates goals reads the plan's goals and the board's input
// several times over: the scorecard's two days, each goal's evaluation, the
// history; and views on other days read them again. Inside WithDayValues
// each such read runs once per state of the data (the DayCache, which a
// write replaces; a request's own when it has none) and is shared; without
// it every call reads afresh. The values are those of the data when first
// read, as the metric values of dayValues are.

// sharedRead is one read shared: the first caller runs it, the others (side
// by side, as the scorecard's two days are) wait.
type sharedRead struct {
	once  sync.Once
	value any
	err   error
}

// keptRead runs read once per key within ctx's DayCache and returns its
// result to every caller, for reads whose result depends on nothing but the
// data and the key. An error is not kept: the next caller reads again.
// Without WithDayValues it just runs read.
func keptRead[T any](ctx context.Context, key string, read func() (T, error)) (T, error) {
	dv := dayValuesOf(ctx)
	if dv == nil {
		return read()
	}
	c := dv.cache
	c.mu.Lock()
	r := c.reads[key]
	if r == nil {
		if len(c.reads) >= maxKeptReads {
			c.reads = map[string]*sharedRead{}
		}
		r = &sharedRead{}
		c.reads[key] = r
	}
	c.mu.Unlock()
	r.once.Do(func() {
		if r.value, r.err = read(); r.err != nil {
			c.mu.Lock()
			if c.reads[key] == r {
				delete(c.reads, key)
			}
			c.mu.Unlock()
		}
	})
	v, _ := r.value.(T)
	return v, r.err
}

// maxKeptReads bounds a DayCache's kept reads: past it they start over.
const maxKeptReads = 1000

// readKey names a read by its kind, clause and arguments, each argument
// quoted: fmt.Sprint would give "a", "bc" and "ab", "c" the same key.
func readKey(kind, where string, args []any) string {
	key := kind + " " + where
	for _, a := range args {
		key += " " + strconv.Quote(fmt.Sprint(a))
	}
	return key
}

// goalsOf reads the goals matching where (readGoals), once per state of
// the data (keptRead).
// Each caller gets its own slice: some filter theirs in place.
func (s *Store) goalsOf(ctx context.Context, where string, args ...any) ([]Goal, error) {
	goals, err := keptRead(ctx, readKey("goals", where, args), func() ([]Goal, error) {
		return s.readGoals(ctx, where, args...)
	})
	return slices.Clone(goals), err
}

// goalStatusEntries reads the board's input matching where
// (readGoalStatusEntries), once per state of the data (keptRead). Each
// caller gets its own map.
func (s *Store) goalStatusEntries(ctx context.Context, where string, args ...any) (map[int64][]GoalStatusEntry, error) {
	entries, err := keptRead(ctx, readKey("goal_statuses", where, args), func() (map[int64][]GoalStatusEntry, error) {
		return s.readGoalStatusEntries(ctx, where, args...)
	})
	return maps.Clone(entries), err
}
