package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// recorder holds one client's measurements; each client has its own, so
// recording takes no lock, and they are merged at the end.
type recorder struct {
	latencies [][]time.Duration // per path, successful or not
	errors    []int             // per path
	bytes     []int64           // per path: the bodies' sizes
	reasons   map[string]int    // "GET /x: status 500" → count
}

func newRecorder(paths int) *recorder {
	return &recorder{latencies: make([][]time.Duration, paths), errors: make([]int, paths), bytes: make([]int64, paths),
		reasons: map[string]int{}}
}

func (r *recorder) add(path int, name string, d time.Duration, size int, err error) {
	r.latencies[path] = append(r.latencies[path], d)
	r.bytes[path] += int64(size)
	if err != nil {
		r.errors[path]++
		reason := err.Error()
		if len(reason) > 120 {
			reason = reason[:120] + "…"
		}
		r.reasons["GET "+name+": "+reason]++
	}
}

func (r *recorder) merge(o *recorder) {
	for i := range r.latencies {
		r.latencies[i] = append(r.latencies[i], o.latencies[i]...)
		r.errors[i] += o.errors[i]
		r.bytes[i] += o.bytes[i]
	}
	for k, v := range o.reasons {
		r.reasons[k] += v
	}
}

// summary is one line of the report.
type summary struct {
	name                    string
	requests, errors        int
	bytes                   int64
	perSecond               float64
	p50, p90, p99, maxDelay time.Duration
}

func summarize(name string, latencies []time.Duration, errors int, bytes int64, window time.Duration) summary {
	sorted := slices.Clone(latencies)
	slices.Sort(sorted)
	s := summary{name: name, requests: len(sorted), errors: errors, bytes: bytes, perSecond: float64(len(sorted)) / window.Seconds()}
	if len(sorted) > 0 {
		s.p50, s.p90, s.p99 = percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99)
		s.maxDelay = sorted[len(sorted)-1]
	}
	return s
}

// percentile of sorted latencies, nearest rank.
func percentile(sorted []time.Duration, p int) time.Duration {
	rank := (p*len(sorted) + 99) / 100 // ceil(p/100 × n)
	return sorted[max(rank, 1)-1]
}

// writeTable prints a line per path and the total.
func writeTable(w io.Writer, rec *recorder, paths []string, window time.Duration) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "path\trequests\terrors\treq/s\tp50\tp90\tp99\tmax\tKiB/req\t")
	var all []time.Duration
	errors, bytes := 0, int64(0)
	line := func(s summary) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.0f\t%s\t%s\t%s\t%s\t%.1f\t\n", s.name, s.requests, s.errors, s.perSecond,
			ms(s.p50), ms(s.p90), ms(s.p99), ms(s.maxDelay), float64(s.bytes)/1024/float64(max(s.requests, 1)))
	}
	for i, p := range paths {
		line(summarize(p, rec.latencies[i], rec.errors[i], rec.bytes[i], window))
		all = append(all, rec.latencies[i]...)
		errors += rec.errors[i]
		bytes += rec.bytes[i]
	}
	if len(paths) > 1 {
		line(summarize("total", all, errors, bytes, window))
	}
	tw.Flush()
	for _, k := range slices.Sorted(maps.Keys(rec.reasons)) {
		fmt.Fprintf(w, "  error ×%d  %s\n", rec.reasons[k], k)
	}
}

func totalErrors(rec *recorder) int {
	n := 0
	for _, e := range rec.errors {
		n += e
	}
	return n
}

// ms prints a duration in milliseconds with a precision that suits it.
func ms(d time.Duration) string {
	v := float64(d) / float64(time.Millisecond)
	switch {
	case v < 10:
		return fmt.Sprintf("%.2f ms", v)
	case v < 100:
		return fmt.Sprintf("%.1f ms", v)
	}
	return fmt.Sprintf("%.0f ms", v)
}

func mib(bytes int64) string { return fmt.Sprintf("%.0f MiB", float64(bytes)/(1<<20)) }

func splitPaths(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
