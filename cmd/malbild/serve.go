package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/dashboard"
	"malbild/data/demo"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("serve", "serve the dashboard", "malbild serve --addr :8080 --demo", stderr)
	addr := fs.String("addr", envOr("MALBILD_ADDR", ":8080"), "address to listen on (env MALBILD_ADDR)")
	withDemo := fs.Bool("demo", false, "fill an empty database with the demo data (and demo accounts) first")
	secure := fs.Bool("secure-cookies", envOr("MALBILD_SECURE_COOKIES", "") == "true",
		"mark the session cookie Secure: set it behind a TLS proxy (env MALBILD_SECURE_COOKIES=true)")
	backups := fs.String("backups", envOr("MALBILD_BACKUPS", ""),
		"folder for the admin's backups and the automatic backup before each import (default: backups beside the database; env MALBILD_BACKUPS)")
	keep := fs.Int("keep-backups", 10, "how many backups the folder keeps")
	proxies := fs.String("trusted-proxy", envOr("MALBILD_TRUSTED_PROXY", ""),
		"comma-separated addresses of reverse proxies whose X-Forwarded-For names the client (env MALBILD_TRUSTED_PROXY)")
	if err := noPositional(fs, args, stderr); err != nil {
		return err
	}
	if *backups == "" {
		*backups = filepath.Join(filepath.Dir(*db), "backups")
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))

	store, err := analytics.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	// The admin first: the demo's accounts would otherwise count as "some".
	if err := firstAdmin(ctx, store, stderr); err != nil {
		return err
	}
	if *withDemo {
		if err := loadDemoIfEmpty(ctx, store, logger, stderr); err != nil {
			return err
		}
	}
	app, err := dashboard.New(dashboard.Config{Store: store, Logger: logger, SecureCookies: *secure,
		BackupDir: *backups, KeepBackups: *keep, TrustedProxies: splitList(*proxies), Prewarm: true})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	failed := make(chan error, 1)
	go func() { failed <- app.Listen(*addr) }()
	logger.Info("serving", "addr", *addr, "db", *db)
	select {
	case err := <-failed:
		return fmt.Errorf("listen on %s: %w", *addr, err)
	case <-ctx.Done():
	}
	logger.Info("shutting down: finishing requests in flight")
	return app.ShutdownWithTimeout(30 * time.Second)
}

// loadDemoIfEmpty writes the demo data into a database that holds no members;
// a database with data is left alone, so `make run` can be run again.
func loadDemoIfEmpty(ctx context.Context, store *analytics.Store, logger *slog.Logger, stderr io.Writer) error {
	start := time.Now()
	err := store.Load(ctx, demo.Generate(demo.Options{}))
	if analytics.ErrorCode(err) == analytics.EConflict {
		return nil
	}
	if err != nil {
		return err
	}
	logger.Info("demo data written", "took", time.Since(start).Round(time.Millisecond))
	// The demo's board and office, so that each role can be tried at once.
	for _, a := range []struct{ name, role string }{{"styrelsen", accounts.RoleViewer}, {"kansliet", accounts.RoleEditor}} {
		if _, password, err := accounts.Of(store).CreateAccount(ctx, a.name, a.role, ""); err == nil {
			fmt.Fprintf(stderr, "\n  Demo account %q (%s), password: %s\n", a.name, a.role, password)
		}
	}
	return nil
}

// firstAdmin creates the admin of a database without accounts and prints
// its one-time password, once: it is not stored anywhere but as a hash.
func firstAdmin(ctx context.Context, store *analytics.Store, stderr io.Writer) error {
	password, err := accounts.Of(store).EnsureAdmin(ctx)
	if err != nil || password == "" {
		return err
	}
	fmt.Fprintf(stderr, "\n  First start: created the account \"admin\" with the password: %s\n"+
		"  Log in and keep it safe, or set another with `malbild user passwd admin`.\n\n", password)
	return nil
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

// splitList reads a comma-separated flag; "" is none.
func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
