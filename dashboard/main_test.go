package dashboard_test

import (
	"flag"
	"fmt"
	"os"
	"testing"

	"malbild/dashboard"
)

// TestMain fails a full run in which some template was never rendered: a
// page that no test reaches is a page nobody has seen work.
func TestMain(m *testing.M) {
	code := m.Run()
	if f := flag.Lookup("test.run"); code == 0 && f != nil && f.Value.String() == "" {
		if missing := dashboard.UnrenderedViews(); len(missing) > 0 {
			fmt.Fprintf(os.Stderr, "FAIL: templates no test renders: %v\n", missing)
			code = 1
		}
	}
	os.Exit(code)
}
