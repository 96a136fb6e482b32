package analytics

import "context"

// PrepareQueries exposes the boot-time check to the external tests.
func (s *Store) PrepareQueries(ctx context.Context) error { return s.prepareQueries(ctx) }

// QueryNames lists the query files, for the tests that every one is used.
func QueryNames() ([]string, error) {
	qs, err := queries()
	if err != nil {
		return nil, err
	}
	var names []string
	for name := range qs {
		names = append(names, name)
	}
	return names, nil
}
