package main

import (
	"context"
	"fmt"
	"io"

	"malbild/analytics"
)

func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("backup", "write a consistent copy of the whole database into a new folder",
		"malbild backup -o /var/backups/malbild/2026-11-22", stderr)
	out := fs.String("o", "", "the folder to write (must not exist or be empty)")
	if err := noPositional(fs, args, stderr); err != nil {
		return err
	}
	if *out == "" {
		fmt.Fprintln(stderr, "malbild backup: say where with -o DIR")
		return errUsage
	}
	store, err := analytics.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	m, err := store.Backup(ctx, *out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up %d members, %d participations and %d goals to %s\n",
		m.Tables["members"], m.Tables["participations"], m.Tables["goals"], *out)
	return nil
}

func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("restore", "replace the database with a backup, after checking the backup is whole (the old file is kept as FILE.before-restore)",
		"malbild restore /var/backups/malbild/2026-11-22", stderr)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		fmt.Fprintln(stderr, "malbild restore: name one backup folder")
		return errUsage
	}
	m, err := analytics.Restore(ctx, rest[0], *db)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %d members, %d participations and %d goals from %s (backup of %s) into %s\n",
		m.Tables["members"], m.Tables["participations"], m.Tables["goals"], rest[0], m.CreatedAt.Format("2006-01-02 15:04 UTC"), *db)
	return nil
}
