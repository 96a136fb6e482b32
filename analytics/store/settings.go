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
