package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"malbild/analytics"
	"malbild/data/demo"
)

func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("demo", "write the demo data set (deterministic for a seed) into a database without members",
		"malbild demo --db bench.duckdb --members 20000 --services 300 --years 25 --seed 7", stderr)
	var o demo.Options
	fs.IntVar(&o.Members, "members", 0, "number of members (default: about 145 real municipalities and organisations)")
	fs.IntVar(&o.Services, "services", 0, "number of services and networks (default: those of the association)")
	fs.IntVar(&o.Years, "years", 0, "years of history (default: since 2005)")
	fs.Int64Var(&o.Seed, "seed", 0, "seed: the same seed gives the same data (0 is the demo of serve --demo)")
	if err := noPositional(fs, args, stderr); err != nil {
		return err
	}
	if o.Members < 0 || o.Services < 0 || o.Years < 0 {
		return analytics.Errorf(analytics.EInvalid, "--members, --services and --years must not be negative")
	}
	start := time.Now()
	ds := demo.Generate(o)
	generated := time.Since(start)
	store, err := analytics.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.Load(ctx, ds); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d members, %d services and networks, %d participations, %d events, %d goals to %s (generated in %s, total %s)\n",
		len(ds.Members), len(ds.Services), len(ds.Participations), len(ds.Events), len(ds.Goals), *db,
		generated.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	return nil
}
