package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"malbild/analytics"
	"malbild/dashboard"
	"malbild/data/demo"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("serve", "serve the dashboard", "malbild serve --addr :8080 --demo", stderr)
	addr := fs.String("addr", envOr("MALBILD_ADDR", ":8080"), "address to listen on (env MALBILD_ADDR)")
	withDemo := fs.Bool("demo", false, "fill an empty database with the demo data first")
	if err := noPositional(fs, args, stderr); err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))

	store, err := analytics.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	if *withDemo {
		if err := loadDemoIfEmpty(ctx, store, logger); err != nil {
			return err
		}
	}
	app, err := dashboard.New(dashboard.Config{Store: store, Logger: logger})
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
func loadDemoIfEmpty(ctx context.Context, store *analytics.Store, logger *slog.Logger) error {
	start := time.Now()
	err := store.Load(ctx, demo.Generate(demo.Options{}))
	if analytics.ErrorCode(err) == analytics.EConflict {
		return nil
	}
	if err != nil {
		return err
	}
	logger.Info("demo data written", "took", time.Since(start).Round(time.Millisecond))
	return nil
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
