package dashboard_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// No template, style sheet or script of our own points at another host: the
// pages run on networks without internet access, so a link, an image or a
// font from elsewhere would lead nowhere (and the CSP would refuse loads).
func TestPagesPointAtNoOtherHost(t *testing.T) {
	external := regexp.MustCompile(`(?i)(href|src|action)\s*=\s*["']?\s*(https?:)?//|url\(\s*["']?\s*(https?:)?//`)
	for _, dir := range []string{"templates", "static"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.Contains(path, "vendor") {
				return err
			}
			body, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for i, line := range strings.Split(string(body), "\n") {
				if m := external.FindString(line); m != "" {
					t.Errorf("%s:%d points at another host: %s", path, i+1, strings.TrimSpace(line))
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
