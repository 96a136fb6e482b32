package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"malbild/analytics"
)

// newFlags is a flag set for a subcommand with --db and a help text that
// says what the command does, with an example.
func newFlags(name, about, example string, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB(), "database file (env MALBILD_DB)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "malbild %s: %s\n\nExample:\n  %s\n\nFlags:\n", name, about, example)
		fs.PrintDefaults()
	}
	return fs, db
}

func defaultDB() string {
	if p := os.Getenv("MALBILD_DB"); p != "" {
		return p
	}
	return "malbild.duckdb"
}

// parseFlags parses flags that may stand before or after the positional
// arguments (`import --dry-run FILE` and `import FILE --dry-run` alike) and
// returns the positional ones. --help returns errUsage after printing help;
// the caller's exit code is then 0 via errHelp.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errHelp
			}
			return nil, errUsage
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// errHelp ends a command after its help was printed; not a failure.
var errHelp = errors.New("help shown")

// noPositional parses a command that takes only flags.
func noPositional(fs *flag.FlagSet, args []string, stderr io.Writer) error {
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "malbild %s: unexpected argument %q\n", fs.Name(), rest[0])
		return errUsage
	}
	return nil
}

// openOnDay reads --asof, then opens the store: the day defaults to the
// store's today. A bad date is refused before the database is opened.
func openOnDay(ctx context.Context, db, asOfFlag string) (*analytics.Store, time.Time, error) {
	asOf, err := analytics.ParseDate(asOfFlag)
	if err != nil {
		return nil, time.Time{}, err
	}
	store, err := analytics.Open(ctx, db)
	if err != nil {
		return nil, time.Time{}, err
	}
	if asOf.IsZero() {
		asOf = store.Today()
	}
	return store, asOf, nil
}

// openYearOnDay is openOnDay with --year as well, for the commands that
// report a year on a day: the year defaults to the day's year.
func openYearOnDay(ctx context.Context, db, yearFlag, asOfFlag string) (*analytics.Store, int, time.Time, error) {
	year, err := analytics.ParseYear(yearFlag)
	if err != nil {
		return nil, 0, time.Time{}, err
	}
	store, asOf, err := openOnDay(ctx, db, asOfFlag)
	if err != nil {
		return nil, 0, time.Time{}, err
	}
	if year == 0 {
		year = asOf.Year()
	}
	return store, year, asOf, nil
}
