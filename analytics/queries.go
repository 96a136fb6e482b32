package analytics

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"

	"malbild/analytics/store"
)

// Every metric and breakdown is a named SQL file of queries/ (STYLE "SQL
// where it can be read"). A file names its parameters $like_this; the Go side
// passes exactly those, so a file reads on its own in a DuckDB shell. When it
// runs, its parameters' values are read from an argument table (with a kept
// plan) or written into its text (querytext.go says which and why).

//go:embed queries/*.sql
var queryFiles embed.FS

// namedQuery is one file of queries/: members.sql is the query "members".
type namedQuery struct {
	name    string
	sql     string
	params  []string // the $parameters it uses, in order of first use
	text    queryText
	planned string // the text that runs: text.planned()
}

// queryParams are the parameter names a query file may use; any other $name
// is a typo and fails loading.
var queryParams = map[string]bool{
	"from":                  true, // first day of the as-of dates (a metric's month ends)
	"to":                    true, // last day of the as-of dates
	"days":                  true, // extra as-of dates, comma-separated YYYY-MM-DD (as_of_days)
	"on":                    true, // the one day of a breakdown
	"kind":                  true, // members: the member kind, NULL for every kind
	"n":                     true, // networks_min_participants: the least number of municipalities
	"year":                  true, // fees: the year
	"member":                true, // fees, benefits: one membership row, NULL for all
	"services":              true, // service_adoption: service ids, comma-separated; empty for all
	"group":                 true, // budget metrics: the frame, NULL for the total
	"category":              true, // budget metrics: the category, NULL for a frame or the total
	"benefit":               true, // benefits: one benefit's id, NULL for all
	"service":               true, // benefits: one service's id; benefit_realised: a service's name; NULL for all
	"sweden_population":     true, // SwedenPopulation
	"sweden_municipalities": true, // SwedenMunicipalities
}

// queries returns the query files by name, read once.
var queries = sync.OnceValues(func() (map[string]namedQuery, error) {
	paths, err := fs.Glob(queryFiles, "queries/*.sql")
	if err != nil {
		return nil, err
	}
	qs := make(map[string]namedQuery, len(paths))
	for _, path := range paths {
		body, err := queryFiles.ReadFile(path)
		if err != nil {
			return nil, err
		}
		q := namedQuery{name: strings.TrimSuffix(strings.TrimPrefix(path, "queries/"), ".sql"), sql: string(body)}
		if q.text, err = splitQuery(q.sql); err == nil {
			err = q.text.checkCasts()
		}
		if err != nil {
			return nil, fmt.Errorf("query %s: %w", q.name, err)
		}
		q.planned = q.text.planned()
		for _, p := range q.text.slots {
			if !queryParams[p] {
				return nil, fmt.Errorf("query %s: unknown parameter $%s", q.name, p)
			}
			if !slices.Contains(q.params, p) {
				q.params = append(q.params, p)
			}
		}
		qs[q.name] = q
	}
	return qs, nil
})

// paramNames are the names of queryParams, sorted: the argument table's
// columns.
var paramNames = sync.OnceValue(func() []string {
	names := slices.Collect(maps.Keys(queryParams))
	slices.Sort(names)
	return names
})

// keptPlan says which query files run with a kept plan (querytext.go): the
// metrics' and the budget follow-up's. They are asked many times a page, a
// few days at a time, with results of a few rows, and planning them was most
// of their time: 14 -> 6 ms for the budget, 4.5 -> 2.4 ms for
// one_service_upgraded on the demo. The breakdowns read whole tables once a
// page and gain more from values folded into the plan: with a kept plan
// service_adoption took 140 ms at 20 000 members instead of 30.
func keptPlan(name string) bool {
	_, metric := LookupMetric(name)
	return metric || name == "budget"
}

type planEachTimeKey struct{}

// PlanEachTime returns a context in which every query file runs with its
// values in the text, planned for its run: for work that runs each query once
// over many days (the annual report), where planning is a small part of the
// time and kept plans cost memory: with kept plans the command's peak at
// 20 000 members was 160 MiB instead of 125.
func PlanEachTime(ctx context.Context) context.Context {
	return context.WithValue(ctx, planEachTimeKey{}, true)
}

// eachRow runs the named query with its parameters' values from args and
// calls each with the rows; a parameter missing from args is a defect and an
// error.
func (s *Store) eachRow(ctx context.Context, name string, args map[string]any, each func(*store.Rows) error) error {
	qs, err := queries()
	if err != nil {
		return err
	}
	q, ok := qs[name]
	if !ok {
		return fmt.Errorf("no query %s", name)
	}
	for _, p := range q.params {
		if _, ok := args[p]; !ok {
			return fmt.Errorf("query %s: parameter $%s not given", name, p)
		}
	}
	if ctx.Value(planEachTimeKey{}) != nil || !keptPlan(name) {
		err = s.eachRowInText(ctx, q, args, each)
	} else {
		err = s.eachRowKept(ctx, q, args, each)
	}
	if err != nil {
		return fmt.Errorf("query %s: %w", name, err)
	}
	return nil
}

// eachRowInText runs q with its values written in.
func (s *Store) eachRowInText(ctx context.Context, q namedQuery, args map[string]any, each func(*store.Rows) error) error {
	text, err := q.text.literal(args)
	if err != nil {
		return err
	}
	return s.db.QueryEach(ctx, text, each)
}

// eachRowKept runs q with its kept plan, its values in the argument table.
func (s *Store) eachRowKept(ctx context.Context, q namedQuery, args map[string]any, each func(*store.Rows) error) error {
	columns := paramNames()
	values := make([]*string, len(columns))
	for i, c := range columns {
		if !slices.Contains(q.params, c) {
			continue
		}
		var err error
		if values[i], err = argText(args[c]); err != nil {
			return fmt.Errorf("parameter $%s: %w", c, err)
		}
	}
	return s.planned.Query(ctx, q.name, q.planned, values, each)
}
