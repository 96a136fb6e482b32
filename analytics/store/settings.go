package store

import (
	"net/url"
	"strings"
)

// WithSettings is path with DuckDB settings for Open, in the driver's form
// "path?name=value&…": DuckDB takes them when it opens the file, for a
// command that runs once and wants DuckDB configured otherwise than the
// server (malbild export report: one thread, memory handed back sooner).
// Names and values are DuckDB's own (SET name = value); an unknown one makes
// Open fail.
func WithSettings(path string, settings map[string]string) string {
	if len(settings) == 0 {
		return path
	}
	q := url.Values{}
	for name, value := range settings {
		q.Set(name, value)
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + q.Encode()
}

// defaultThreads is how many threads DuckDB gives a query unless the path
// says otherwise. One: the pages run their metric queries side by side on
// goroutines, and requests come side by side, which keeps the cores busy;
// DuckDB's worker threads then mostly hand every small query's pipelines
// from thread to thread. Measured on the 2-core machine in turn against
// DuckDB's default of a thread per core (issue 18, 2026-11-29): the uncached
// overview and goals page took 0.8 times the CPU time, the services page at
// 20 000 members 0.7 times, the report's web download 0.8 times the wall
// time, the 100 000-row import the same.
const defaultThreads = "1"

// withDefaults is path with defaultThreads unless it names a number of
// threads itself (WithSettings), and always without statistics propagation.
//
// Why without: planned.go keeps the plans of the query files across changes
// of the data, and DuckDB's statistics propagation rewrites a plan by what
// the tables hold when it is made (a filter no row meets yet becomes an empty
// result, a join gets a fixed range of keys): a kept plan would not see rows
// added later (DuckDB's issues 23704 and 24182, fixed there by planning
// prepared statements without it). Turned off for the whole database, since
// DuckDB takes the setting only globally; TestAKeptPlanSeesRowsAddedAfterIt
// fails with it on.
func withDefaults(path string) string {
	base, query, _ := strings.Cut(path, "?")
	q, err := url.ParseQuery(query)
	if err != nil {
		return path // Open reports the bad path
	}
	if !q.Has("threads") {
		q.Set("threads", defaultThreads)
	}
	disabled := "statistics_propagation"
	if d := q.Get("disabled_optimizers"); d != "" {
		disabled = d + "," + disabled
	}
	q.Set("disabled_optimizers", disabled)
	return base + "?" + q.Encode()
}
