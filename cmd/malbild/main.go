// Command malbild is Målbild's one binary: the dashboard server and the
// office's command-line tools. main only picks the subcommand; each lives in
// a file of its own.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"malbild/analytics"
)

// command is one subcommand: its name, a line of help and what it runs.
type command struct {
	name, summary string
	run           func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"serve", "serve the dashboard", runServe},
		{"demo", "write the demo data set into a new database", runDemo},
		{"export", "export the annual report, the data, the import template or the fee list", runExport},
		{"import", "import the office's spreadsheets (preview, then apply)", runImport},
		{"metrics", "print every metric on a day (as /api/metrics)", runMetrics},
		{"goals", "print the status of a year's goals on a day (as /api/goals)", runGoals},
		{"budget", "print a year's budget follow-up on a day (as /api/budget)", runBudget},
		{"benefits", "print the benefit register on a day (as /api/benefits)", runBenefits},
		{"user", "manage accounts and API tokens", runUser},
		{"settings", "show or change a setting (the association's name, the budget's rule)", runSettings},
		{"approve", "approve the annual meeting report of a year (a frozen snapshot)", runApprove},
		{"approvals", "list the approved reports", runApprovals},
		{"backup", "write a consistent copy of the database into a folder", runBackup},
		{"restore", "replace the database with a checked backup", runRestore},
	}
}

// errUsage marks a wrong invocation: exit code 2, as for flag errors.
var errUsage = errors.New("usage")

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return exitCode(c.run(ctx, args[1:], stdout, stderr), stderr)
		}
	}
	fmt.Fprintf(stderr, "malbild: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Målbild: goals and membership of an association of municipalities.\n\nUsage: malbild COMMAND [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nEvery command takes --db PATH (default malbild.duckdb, or $MALBILD_DB) and --help.")
}

// exitCode prints err for the user and returns the process's exit code:
// 0 success, 2 usage, 1 anything else.
func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case analytics.ErrorCode(err) == analytics.EInvalid:
		fmt.Fprintln(stderr, "malbild:", err)
		return 2
	}
	fmt.Fprintln(stderr, "malbild:", err)
	return 1
}
