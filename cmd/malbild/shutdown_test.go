package main

import (
	"errors"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestShutdownFinishesTheRequestInFlight sends SIGTERM while the commit of a
// 30 000-row import runs (seconds of work): the server stops taking new
// connections at once, answers the commit in full, closes the database and
// exits 0; the import is there afterwards.
func TestShutdownFinishesTheRequestInFlight(t *testing.T) {
	bin := buildMalbild(t)
	db := filepath.Join(t.TempDir(), "shutdown.duckdb")
	password := addEditor(t, bin, db)
	if out, err := exec.Command(bin, "demo", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("malbild demo: %v\n%s", err, out)
	}
	// Large enough to be in flight for seconds, small enough to end well
	// within serve's 30 s shutdown deadline on a slow machine (100 000 rows
	// take 20 s here).
	const rows = 30_000
	big := bigMembersWorkbook(t, rows)

	srv := startServe(t, bin, db)
	office := srv.login(t, password)
	id, fingerprint := office.preview(t, "stor.xlsx", big)
	commit := office.commitAsync(id, fingerprint)
	if !srv.log.waitFor("backup before import", time.Minute) {
		t.Fatalf("the commit did not start within a minute\n%s", srv.log.tail(20))
	}
	time.Sleep(500 * time.Millisecond) // into the commit, which takes seconds more
	sent := time.Now()
	if err := srv.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}

	// New connections are refused while the commit still runs.
	refused := false
	for deadline := time.Now().Add(5 * time.Second); !refused && time.Now().Before(deadline); {
		c, err := net.DialTimeout("tcp", srv.addr, time.Second)
		if err == nil {
			c.Close()
			time.Sleep(20 * time.Millisecond)
			continue
		}
		// A connection the kernel accepted just before the listener closed
		// is reset rather than refused: both say "not served", neither is a
		// half answer.
		if !errors.Is(err, syscall.ECONNREFUSED) && !errors.Is(err, syscall.ECONNRESET) {
			t.Fatalf("a new connection after SIGTERM: %v, want it refused or reset", err)
		}
		refused = true
	}
	if !refused {
		t.Fatalf("the server still accepted connections 5 s after SIGTERM\n%s", srv.log.tail(10))
	}
	select {
	case r := <-commit:
		t.Fatalf("the commit answered (%d, %v) before the server stopped listening: it proves nothing, make the import larger", r.status, r.err)
	default:
	}
	t.Logf("new connections refused %s after SIGTERM, the commit still running", time.Since(sent).Round(time.Millisecond))

	r := <-commit
	if r.err != nil || r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/import?done=") {
		t.Fatalf("the commit in flight at SIGTERM: status %d, location %q, %v", r.status, r.location, r.err)
	}
	t.Logf("the commit answered %d %s %s after SIGTERM", r.status, r.location, time.Since(sent).Round(time.Millisecond))
	if err := srv.wait(time.Minute); err != nil {
		t.Fatalf("the server after SIGTERM: %v, want exit status 0\n%s", err, srv.log.tail(10))
	}

	// The database was closed cleanly (checkpointed, its log folded in)
	// and holds the import.
	if wal, err := os.Stat(db + ".wal"); err == nil && wal.Size() > 0 {
		t.Errorf("DuckDB's log still holds %d bytes after the shutdown: the database was not closed cleanly", wal.Size())
	}
	after := readState(t, db)
	if after.bigRows != rows || len(after.batches) != 1 || !strings.Contains(after.batches[0], " stor.xlsx ") {
		t.Errorf("after the shutdown: %d rows of the import (want %d), batches %q", after.bigRows, rows, after.batches)
	}
}
