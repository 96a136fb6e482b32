// Package sharedtest finds the shared folder (DESIGN's samples and reference
// data) that stands beside the repository, for the tests that read it.
//
// Every such test behaves alike: with CI=true a missing folder fails the test
// with what is missing; without CI it skips with the same message, so that a
// developer without ../shared can still run everything else.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Path returns the path of rel (e.g. "samples/expected") inside ../shared,
// found from the module root, or ends the test when it is not there.
func Path(t testing.TB, rel string) string {
	t.Helper()
	root, err := moduleRoot()
	if err == nil {
		p := filepath.Join(root, "..", "shared", filepath.FromSlash(rel))
		if _, err = os.Stat(p); err == nil {
			return p
		}
	}
	msg := "this test reads ../shared/" + rel + " beside the repository (the samples and reference data of DESIGN.md), which is missing: " + err.Error()
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// moduleRoot is the nearest folder above the working directory with go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
