package analytics

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"

	"malbild/analytics/store"
)

// Every metric and breakdown is a named SQL file of queries/ (STYLE "SQL
// where it can be read"). A file names its parameters $like_this; the Go side
// passes exactly those, so a file reads on its own in a DuckDB shell.

//go:embed queries/*.sql
var queryFiles embed.FS

// namedQuery is one file of queries/: members.sql is the query "members".
type namedQuery struct {
	name   string
	sql    string
	params []string // the $parameters it uses, in order of first use
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

var queryParam = regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)`)

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
		for _, m := range queryParam.FindAllStringSubmatch(q.sql, -1) {
			if !queryParams[m[1]] {
				return nil, fmt.Errorf("query %s: unknown parameter $%s", q.name, m[1])
			}
			if !slices.Contains(q.params, m[1]) {
				q.params = append(q.params, m[1])
			}
		}
		qs[q.name] = q
	}
	return qs, nil
})

// queryRows runs the named query, binding each of its parameters from args;
// a parameter missing from args is a defect and an error.
func (s *Store) queryRows(ctx context.Context, name string, args map[string]any) (*store.Rows, error) {
	qs, err := queries()
	if err != nil {
		return nil, err
	}
	q, ok := qs[name]
	if !ok {
		return nil, fmt.Errorf("no query %s", name)
	}
	bound := make([]any, 0, len(q.params))
	for _, p := range q.params {
		v, ok := args[p]
		if !ok {
			return nil, fmt.Errorf("query %s: parameter $%s not given", name, p)
		}
		bound = append(bound, store.Named(p, v))
	}
	rows, err := s.db.QueryContext(ctx, q.sql, bound...)
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", name, err)
	}
	return rows, nil
}
