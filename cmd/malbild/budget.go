package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
)

// runBudget prints a year's budget follow-up on a day: a table, or with
// --json the same JSON as GET /api/budget.
func runBudget(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("budget", "print a year's budget follow-up on a day (budget, outcome, forecast, deviation and\n"+
		"status per frame and category, with the reporting threshold), as GET /api/budget does",
		"malbild budget --year 2025 --asof 2025-09-30 --json", stderr)
	yearFlag := fs.String("year", "", "the budget's year (default: the year of --asof)")
	asOfFlag := fs.String("asof", "", "the day, YYYY-MM-DD (default: today)")
	asJSON := fs.Bool("json", false, "print JSON, the same as GET /api/budget")
	if err := noPositional(fs, args, stderr); err != nil {
		return err
	}
	store, year, asOf, err := openYearOnDay(ctx, *db, *yearFlag, *asOfFlag)
	if err != nil {
		return err
	}
	defer store.Close()
	r, err := store.Budget(ctx, year, asOf)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(stdout, r)
	}
	if len(r.Lines) == 0 {
		fmt.Fprintf(stdout, "no budget for %d\n", year)
		return nil
	}
	fmt.Fprintf(stdout, "budget %d as of %s; rule: %s %% or %s × pbb (%s kr)\n", year, asOf.Format("2006-01-02"),
		valueText(&r.Rule.Percent, ""), valueText(&r.Rule.PBBMultiple, ""), valueText(r.PBB, ""))
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "line\tbudget\toutcome\tforecast\tdeviation\tstatus\tthreshold\t\n")
	for _, l := range append(r.Lines, r.Total) {
		name := "total"
		switch {
		case l.IsFrame():
			name = *l.Group
		case l.InFrame():
			name = "  " + *l.Category
		case !l.IsTotal():
			name = *l.Category
		}
		status := "–"
		if l.Status != nil {
			status = *l.Status
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", name, valueText(&l.Budget, ""), valueText(l.Outcome, ""),
			valueText(l.Forecast, ""), valueText(l.Deviation, ""), status, valueText(l.Threshold, ""))
	}
	return w.Flush()
}
