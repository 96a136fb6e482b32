package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"malbild/analytics"
)

func runGoals(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("goals", "print the status of a business plan's goals on a day, as GET /api/goals does",
		"malbild goals --year 2023 --asof 2023-06-30 --json", stderr)
	yearFlag := fs.String("year", "", "the business plan's year (default: the year of --asof)")
	asOfFlag := fs.String("asof", "", "the day, YYYY-MM-DD (default: today)")
	asJSON := fs.Bool("json", false, "print JSON, the same as GET /api/goals")
	if err := noPositional(fs, args, stderr); err != nil {
		return err
	}
	store, year, asOf, err := openYearOnDay(ctx, *db, *yearFlag, *asOfFlag)
	if err != nil {
		return err
	}
	defer store.Close()
	goals, err := store.EvaluateGoals(ctx, year, asOf)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(stdout, analytics.GoalsReport{Year: year, AsOf: asOf, Goals: goals})
	}
	if len(goals) == 0 {
		fmt.Fprintf(stdout, "no business plan for %d\n", year)
		return nil
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "#\tgoal\tvalue\ttarget\tstatus\tforecast\n")
	for _, g := range goals {
		target := ""
		if g.Target != nil {
			target = g.Comparator + " " + valueText(g.Target, "")
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\n", g.Number, g.Text, valueText(g.Value, g.Service), target, g.Status, valueText(g.Forecast, ""))
	}
	return w.Flush()
}
