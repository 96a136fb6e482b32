package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
)

func runBenefits(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("benefits", "print the benefit register on a day (value, status, forecast and realised kronor per benefit, realised kronor and cost per service), as GET /api/benefits does",
		"malbild benefits --asof 2025-06-30 --json", stderr)
	asOfFlag := fs.String("asof", "", "the day, YYYY-MM-DD (default: today)")
	asJSON := fs.Bool("json", false, "print JSON, the same as GET /api/benefits")
	if err := noPositional(fs, args, stderr); err != nil {
		return err
	}
	store, asOf, err := openOnDay(ctx, *db, *asOfFlag)
	if err != nil {
		return err
	}
	defer store.Close()
	r, err := store.Benefits(ctx, asOf)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(stdout, r)
	}
	if len(r.Benefits) == 0 {
		fmt.Fprintln(stdout, "no benefits in the register")
		return nil
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "benefit\tservice\tvalue on %s\tbaseline\ttarget\tstatus\tforecast\trealised kr\n", r.AsOf.Format("2006-01-02"))
	for _, b := range r.Benefits {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", b.Name, b.Service, valueText(b.Value, ""),
			valueText(&b.Baseline, ""), valueText(&b.Target, ""), b.Status, valueText(b.Forecast, ""), valueText(b.RealisedKr, ""))
	}
	fmt.Fprintf(w, "\nservice\trealised kr\tcost kr\n")
	for _, sv := range r.Services {
		fmt.Fprintf(w, "%s\t%s\t%s\n", sv.Service, valueText(sv.RealisedKr, ""), valueText(sv.Cost, ""))
	}
	return w.Flush()
}
