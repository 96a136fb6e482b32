package analytics

import (
	"strings"
	"testing"
)

// A logged part reads back as the JSON written, in either form, the same
// log compressing part after part; a part that is damaged (cut short, not
// base64, a string of something else) is an error, never rows read wrong.
func TestALogPartReadsBackOrIsRefused(t *testing.T) {
	rows := `[{"id":1,"name":"Ale \"kommun\"","note":"rad 1\r\nrad 2"}]`
	if got, err := logBody(rows); err != nil || string(got) != rows {
		t.Errorf("a part in the plain form: %q, %v", got, err)
	}
	log := &changeLog{}
	var compressed string
	for _, part := range []string{rows, `[]`, rows + strings.Repeat(" ", 40_000)} {
		body, err := log.compress([]byte(part))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := logBody(body); err != nil || string(got) != part {
			t.Errorf("a compressed part of %d bytes: %d bytes back, %v", len(part), len(got), err)
		}
		compressed = body
	}
	for name, bad := range map[string]string{
		"cut short":      compressed[:len(compressed)/2] + `"`,
		"not base64":     `"` + gzipPrefix + `!!!!"`,
		"another string": `"just text"`,
		"not JSON":       `"` + gzipPrefix,
	} {
		if got, err := logBody(bad); err == nil {
			t.Errorf("%s: read as %q", name, got)
		} else if !strings.Contains(err.Error(), "import_changes") {
			t.Errorf("%s: %v does not say where", name, err)
		}
	}
}
