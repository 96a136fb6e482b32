package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"malbild/analytics"
)

func runMetrics(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("metrics", "print every metric of DESIGN on a day, as GET /api/metrics does",
		"malbild metrics --asof 2023-06-30 --json", stderr)
	asOfFlag := fs.String("asof", "", "the day, YYYY-MM-DD (default: today)")
	asJSON := fs.Bool("json", false, "print JSON, the same as GET /api/metrics")
	if err := noPositional(fs, args, stderr); err != nil {
		return err
	}
	store, asOf, err := openOnDay(ctx, *db, *asOfFlag)
	if err != nil {
		return err
	}
	defer store.Close()
	metrics, err := store.Metrics(ctx, asOf)
	if err != nil {
		return err
	}
	report := analytics.MetricsReport{AsOf: asOf, Metrics: metrics}
	if *asJSON {
		return printJSON(stdout, report)
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "metric\tvalue on %s\n", asOf.Format("2006-01-02"))
	for _, m := range metrics {
		fmt.Fprintf(w, "%s\t%s\n", m.Key, valueText(m.Value.Value, m.Value.Service))
	}
	return w.Flush()
}

func valueText(v *float64, service string) string {
	if v == nil {
		return "–"
	}
	s := fmt.Sprintf("%.4f", *v)
	if *v == float64(int64(*v)) {
		s = fmt.Sprintf("%d", int64(*v))
	}
	if service != "" {
		s += " (" + service + ")"
	}
	return s
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
