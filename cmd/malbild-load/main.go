// Command malbild-load is Målbild's load and soak tool. It builds and starts
// `malbild serve` on 127.0.0.1 with a database of its own (the demo data, or
// a copy of a prepared database), creates an editor account, logs in, and
// drives the given pages with concurrent clients sharing the session for a
// bounded time, optionally importing a workbook in the middle. It reports
// throughput, latency percentiles and errors per path, the server's peak
// memory, and stops the server with SIGTERM.
//
//	go run ./cmd/malbild-load --paths / --clients 32 --duration 20s
//	go run ./cmd/malbild-load --import-during
//	go run ./cmd/malbild-load --db bench.duckdb --paths /
//
// Only loopback traffic; the run is bounded in clients and time. The exit
// status is 1 when any request failed, the import failed or the server did
// not shut down cleanly.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

const defaultPaths = "/,/goals,/members,/services,/api/metrics,/api/goals"

type options struct {
	bin, db, paths     string
	clients            int
	duration, warmup   time.Duration
	importDuring, keep bool
	importRows         int
	shutdownLimit      time.Duration
}

func main() {
	var o options
	flag.StringVar(&o.bin, "bin", "", "a built malbild binary (default: go build ./cmd/malbild into a temporary folder)")
	flag.StringVar(&o.db, "db", "", "a prepared database to copy and serve (default: a new database with --demo),\n"+
		"e.g. one written by: malbild demo --db bench.duckdb --members 20000 --services 300 --years 25 --seed 7")
	flag.StringVar(&o.paths, "paths", defaultPaths, "comma-separated paths the clients GET in turn")
	flag.IntVar(&o.clients, "clients", 32, "concurrent clients (1–1000), sharing one session")
	flag.DurationVar(&o.duration, "duration", 20*time.Second, "how long to measure (at most 1h)")
	flag.DurationVar(&o.warmup, "warmup", 2*time.Second, "load before measuring, not counted")
	flag.BoolVar(&o.importDuring, "import-during", false, "upload and commit a members workbook in the middle of the run")
	flag.IntVar(&o.importRows, "import-rows", 50, "new members in that workbook")
	flag.BoolVar(&o.keep, "keep", false, "keep the temporary folder (database, server log)")
	flag.Parse()
	o.shutdownLimit = 40 * time.Second
	if err := o.check(); err != nil {
		fmt.Fprintln(os.Stderr, "malbild-load:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ok, err := run(ctx, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "malbild-load:", err)
		os.Exit(1)
	}
	if !ok {
		os.Exit(1)
	}
}

func (o *options) check() error {
	switch {
	case flag.NArg() > 0:
		return fmt.Errorf("unexpected arguments %q", flag.Args())
	case o.clients < 1 || o.clients > 1000:
		return errors.New("--clients must be between 1 and 1000")
	case o.duration <= 0 || o.duration > time.Hour:
		return errors.New("--duration must be above 0 and at most 1h")
	case o.warmup < 0 || o.warmup > 10*time.Minute:
		return errors.New("--warmup must be between 0 and 10m")
	case o.importRows < 1 || o.importRows > 10_000:
		return errors.New("--import-rows must be between 1 and 10000")
	}
	paths := splitPaths(o.paths)
	if len(paths) == 0 {
		return errors.New("--paths is empty")
	}
	for _, p := range paths {
		if !strings.HasPrefix(p, "/") {
			return fmt.Errorf("--paths: %q does not start with /", p)
		}
	}
	return nil
}

// run prepares the server, drives the load and prints the report; ok is
// false when anything failed during the run.
func run(ctx context.Context, o options) (ok bool, err error) {
	dir, err := os.MkdirTemp("", "malbild-load-*")
	if err != nil {
		return false, err
	}
	if o.keep {
		defer fmt.Printf("kept %s (database, serve.log)\n", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	bin := o.bin
	if bin == "" {
		if bin, err = buildBinary(dir); err != nil {
			return false, err
		}
	}
	db, demo, label := filepath.Join(dir, "load.duckdb"), true, "demo data (serve --demo)"
	if o.db != "" {
		if db, err = copyDatabase(o.db, dir); err != nil {
			return false, fmt.Errorf("copy %s: %w", o.db, err)
		}
		demo, label = false, "a copy of "+o.db
	}
	password := randomHex(16)
	if err := addAccount(bin, db, "load", "editor", password); err != nil {
		return false, err
	}
	srv, err := startServer(bin, db, dir, demo)
	if err != nil {
		return false, err
	}
	stopped := false
	defer func() {
		if !stopped {
			srv.kill()
		}
	}()

	client := newHTTPClient(o.clients + 2)
	sess, err := login(client, srv.url(""), "load", password)
	if err != nil {
		return false, err
	}
	paths := splitPaths(o.paths)
	fmt.Printf("Målbild load: %s, %d clients, %s measured after %s warm-up, %d CPUs shared by server and clients\n",
		label, o.clients, o.duration, o.warmup, runtime.NumCPU())

	// The first request of each path computes it: nothing is cached yet.
	fmt.Print("first request (uncached):")
	for _, p := range paths {
		start := time.Now()
		if _, err := sess.get(ctx, p); err != nil {
			fmt.Println()
			return false, fmt.Errorf("first GET %s: %w\n%s", p, err, srv.logTail(10))
		}
		fmt.Printf("  %s %s", p, ms(time.Since(start)))
	}
	fmt.Println()

	rec, imp, cpu, window := drive(ctx, o, sess, paths, srv)

	peak, rss, memErr := srv.memory()
	// Close the clients' idle connections first, as browsers eventually do:
	// malbild's fasthttp waits for a connection that never sent a request
	// (which Go's transport may have dialled spare) until its shutdown
	// deadline.
	client.CloseIdleConnections()
	stopStart := time.Now()
	exitErr := srv.stop(o.shutdownLimit)
	stopped = true

	fmt.Println()
	writeTable(os.Stdout, rec, paths, window)
	ok = totalErrors(rec) == 0 && ctx.Err() == nil
	if imp != nil {
		ok = ok && imp.err == nil
		printImport(o, imp)
	}
	if cpu.err == nil {
		fmt.Printf("CPU during the window: server %.0f %%, load clients %.0f %% of one core (%d cores)\n",
			100*cpu.server.Seconds()/window.Seconds(), 100*cpu.clients.Seconds()/window.Seconds(), runtime.NumCPU())
	}
	if memErr != nil {
		fmt.Printf("server memory: %v\n", memErr)
	} else {
		fmt.Printf("server memory: peak RSS %s (VmHWM), %s at the end\n", mib(peak), mib(rss))
	}
	if exitErr != nil {
		ok = false
		fmt.Printf("server stop: %v\n%s\n", exitErr, srv.logTail(10))
	} else {
		fmt.Printf("server stop: exit 0, %s after SIGTERM\n", time.Since(stopStart).Round(time.Millisecond))
	}
	if ctx.Err() != nil {
		fmt.Println("interrupted: the figures cover part of the run")
	}
	return ok, nil
}

// drive runs the clients from now until the warm-up and the measured
// window have passed, and the import in the middle of the window. It
// returns the window's length: shorter when interrupted.
func drive(ctx context.Context, o options, sess *session, paths []string, srv *server) (*recorder, *importResult, cpuUse, time.Duration) {
	measureFrom := time.Now().Add(o.warmup)
	end := measureFrom.Add(o.duration)
	cpu := make(chan cpuUse, 1)
	go func() { cpu <- measureCPU(ctx, srv, measureFrom, end) }()
	total := newRecorder(len(paths))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for c := range o.clients {
		wg.Go(func() {
			rec := newRecorder(len(paths))
			for i := c; ctx.Err() == nil; i++ {
				start := time.Now()
				if !start.Before(end) {
					break
				}
				p := i % len(paths)
				size, err := sess.get(ctx, paths[p])
				if start.Before(measureFrom) || ctx.Err() != nil {
					continue
				}
				rec.add(p, paths[p], time.Since(start), size, err)
			}
			mu.Lock()
			total.merge(rec)
			mu.Unlock()
		})
	}
	var imp *importResult
	if o.importDuring {
		wg.Go(func() {
			data, err := membersWorkbook(o.importRows, randomHex(3))
			if err != nil {
				imp = &importResult{err: err}
				return
			}
			select {
			case <-time.After(time.Until(measureFrom.Add(o.duration / 2))):
			case <-ctx.Done():
				imp = &importResult{err: ctx.Err()}
				return
			}
			r := sess.importFile(ctx, "lasttest.xlsx", data)
			r.finishedInWindow = time.Now().Before(end)
			r.at = r.started.Sub(measureFrom)
			imp = &r
		})
	}
	wg.Wait()
	window := o.duration
	if ctx.Err() != nil {
		window = max(time.Since(measureFrom), time.Millisecond)
	}
	return total, imp, <-cpu, window
}

// cpuUse is the CPU time the server and this process used in the window.
type cpuUse struct {
	server, clients time.Duration
	err             error
}

func measureCPU(ctx context.Context, srv *server, from, to time.Time) cpuUse {
	sample := func() (server, self time.Duration, err error) {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			return 0, 0, err
		}
		self = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		server, err = srv.cpuTime()
		return server, self, err
	}
	sleepUntil := func(t time.Time) error {
		select {
		case <-time.After(time.Until(t)):
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if err := sleepUntil(from); err != nil {
		return cpuUse{err: err}
	}
	server0, self0, err := sample()
	if err != nil {
		return cpuUse{err: err}
	}
	sleepUntil(to) // interrupted: the use until now
	server1, self1, err := sample()
	return cpuUse{server: server1 - server0, clients: self1 - self0, err: err}
}

func printImport(o options, r *importResult) {
	if r.err != nil {
		fmt.Printf("import during the run: FAILED: %v\n", r.err)
		return
	}
	fmt.Printf("import during the run: %d new members at +%s of the window: upload and preview %s, commit %s → %s",
		o.importRows, r.at.Round(100*time.Millisecond), ms(r.preview), ms(r.commit), r.location)
	if !r.finishedInWindow {
		fmt.Print(" (finished after the window)")
	}
	fmt.Println()
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
