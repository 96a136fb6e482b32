// Command malbild-bench prints the figures of issue 18's table (README
// "Figures"), each beside its goal, measured with the repository's own
// benchmarks and, for a whole process's peak memory, GNU time. `make bench`
// runs it after building bin/malbild and bench.duckdb (`make demo-large`).
//
// Each figure runs the benchmark it names, so a row can be read back to a
// command: server times are Go benchmarks' ns/op over distinct uncached
// views (a query no view had before), the report's peak is the largest
// resident set of `malbild export report` on bench.duckdb, the bytes on the
// wire are the page and what it loads, brotli-compressed, for an empty cache.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"malbild/data/importer/benchbook"
)

func main() {
	bin := flag.String("bin", "bin/malbild", "the malbild binary, for the whole-process figures")
	db := flag.String("db", "bench.duckdb", "the 20 000-member database of `make demo-large`")
	flag.Parse()
	fmt.Println("| what | goal | now | measured by |")
	fmt.Println("|---|---|---|---|")
	// Eight views on eight as-of days, as the issue measures; the median of
	// five such runs, since one run's mean moves with whatever else the
	// machine does.
	pages := goBench("./dashboard", `Pages/(demo|large)/^$/^(|goals)$/^uncached$`, "8x", 5)
	row("overview, uncached, demo", "≤ 20 ms", ms(pages["BenchmarkPages/demo///uncached"]), "BenchmarkPages, 8 views, median of 5 runs")
	row("goals page, uncached, demo", "≤ 20 ms", ms(pages["BenchmarkPages/demo//goals/uncached"]), "BenchmarkPages, 8 views, median of 5 runs")
	services := goBench("./dashboard", `ServicesPageLarge/^$/^services\?asof=2024-06-30$`, "8x", 1)
	sv := services["BenchmarkServicesPageLarge//services?asof=2024-06-30"]
	row("services page, 20 000 members / 300 services", "≤ 100 ms, ≤ 300 kB", ms(sv)+", "+kB(sv["html-bytes"]), "BenchmarkServicesPageLarge, 8 views")
	row("overview, uncached, 20 000 members", "≤ 60 ms", ms(pages["BenchmarkPages/large///uncached"]), "BenchmarkPages, 8 views, median of 5 runs")
	report := goBench("./data/export", `ReportLarge$`, "3x", 1)
	// The report is written to a file, as the office would; the command's
	// low-memory settings are its own (cmd/malbild/export.go).
	out, err := os.MkdirTemp("", "malbild-bench-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "malbild-bench:", err)
		os.Exit(1)
	}
	defer os.RemoveAll(out)
	row("annual report at 20 000 members", "≤ 1.0 s, ≤ 150 MB", "web download "+seconds(report["BenchmarkReportLarge"])+"; command: "+peakOf(*bin, func() []string {
		return []string{"export", "report", "--db", *db, "--year", "2026", "--asof", "2026-06-30", "-o", filepath.Join(out, "report.xlsx")}
	}), "BenchmarkReportLarge (the server's path); malbild export report on bench.duckdb")
	imports := goBench("./data/importer", `(Commit|Preview)100kMembers$`, "1x", 1)
	preview, commit := importPeaks(*bin, out)
	row("import commit, 100 000 member rows", "≤ 3 s, ≤ 200 MB", seconds(imports["BenchmarkCommit100kMembers"])+heap(imports["BenchmarkCommit100kMembers"])+"; command: "+commit,
		"BenchmarkCommit100kMembers, one commit; malbild import into an empty database")
	row("import preview, 100 000 rows", "≤ 1.5 s, ≤ 150 MB", seconds(imports["BenchmarkPreview100kMembers"])+heap(imports["BenchmarkPreview100kMembers"])+"; command: "+preview,
		"BenchmarkPreview100kMembers, one preview; malbild import --dry-run")
	row("first visit of a chart page, bytes on the wire", "≤ 170 kB", firstVisits(), "TestAChartPageLoadsUnder170kB (brotli)")
}

func row(what, goal, now, how string) { fmt.Printf("| %s | %s | %s | %s |\n", what, goal, now, how) }

// benchLine is a result line of `go test -bench`: name-GOMAXPROCS, runs,
// then value unit pairs.
var benchLine = regexp.MustCompile(`^(Benchmark\S*?)(?:-\d+)?\s+\d+\s+(.*)$`)

// goBench runs the benchmarks of pkg matching pattern count times and
// returns each one's figures by unit (ns/op, html-bytes, MiB-peak-heap…),
// each the median of the runs.
func goBench(pkg, pattern, times string, count int) map[string]map[string]float64 {
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", pattern, "-benchtime", times, "-count", strconv.Itoa(count), pkg)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		fmt.Fprintf(os.Stderr, "malbild-bench: %s %s: %v\n%s", pkg, pattern, err, out)
	}
	runs := map[string]map[string][]float64{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		if runs[m[1]] == nil {
			runs[m[1]] = map[string][]float64{}
		}
		fields := strings.Fields(m[2])
		for i := 0; i+1 < len(fields); i += 2 {
			if v, err := strconv.ParseFloat(fields[i], 64); err == nil {
				runs[m[1]][fields[i+1]] = append(runs[m[1]][fields[i+1]], v)
			}
		}
	}
	results := map[string]map[string]float64{}
	for name, units := range runs {
		results[name] = map[string]float64{}
		for unit, vs := range units {
			slices.Sort(vs)
			results[name][unit] = vs[len(vs)/2]
		}
	}
	return results
}

func ms(f map[string]float64) string {
	if f == nil {
		return "not measured"
	}
	if cpu, ok := f["cpu-ms/op"]; ok {
		// The process's CPU time per view, every thread's: what a second
		// core saves of it is in the wall time before it.
		return fmt.Sprintf("%.0f ms (%.0f ms CPU)", f["ns/op"]/1e6, cpu)
	}
	return fmt.Sprintf("%.0f ms", f["ns/op"]/1e6)
}

func seconds(f map[string]float64) string {
	if f == nil {
		return "not measured"
	}
	return fmt.Sprintf("%.2f s", f["ns/op"]/1e9)
}

func kB(bytes float64) string { return fmt.Sprintf("%.0f kB", bytes/1000) }

func heap(f map[string]float64) string {
	if v, ok := f["MiB-peak-heap"]; ok {
		return fmt.Sprintf(", %.0f MiB peak live heap", v)
	}
	return ""
}

// peakOf runs the command (args gives each run's) under GNU time five times and gives the median
// of its wall times and of its peak resident sets (the whole process:
// the Go heap, DuckDB's memory and the binary's own pages).
func peakOf(bin string, args func() []string) string {
	const runs = 5
	var walls []float64
	var peaks []int
	for range runs {
		cmd := exec.Command("/usr/bin/time", append([]string{"-f", "%e %M", bin}, args()...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			return fmt.Sprintf("peak not measured (%v: %s)", err, strings.TrimSpace(stderr.String()))
		}
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		var wall float64
		var peakKiB int
		fmt.Sscanf(lines[len(lines)-1], "%f %d", &wall, &peakKiB)
		walls, peaks = append(walls, wall), append(peaks, peakKiB)
	}
	slices.Sort(walls)
	slices.Sort(peaks)
	return fmt.Sprintf("%.0f MiB peak (the process, median of %d runs: %.0f–%.0f MiB; %.1f s)",
		float64(peaks[runs/2])/1024, runs, float64(peaks[0])/1024, float64(peaks[runs-1])/1024, walls[runs/2])
}

// importPeaks measures `malbild import` on benchbook's 100 000-row workbook,
// the whole process: the preview (--dry-run) and the commit, each into a
// copy of an empty database.
func importPeaks(bin, dir string) (preview, commit string) {
	book := filepath.Join(dir, "members100k.xlsx")
	empty := filepath.Join(dir, "empty.duckdb")
	data, err := benchbook.Members(100_000)
	if err == nil {
		err = os.WriteFile(book, data, 0o644)
	}
	if err == nil { // --history creates and migrates the database
		err = exec.Command(bin, "import", "--db", empty, "--history").Run()
	}
	if err != nil {
		return "not measured: " + err.Error(), "not measured: " + err.Error()
	}
	fresh := func() string {
		db := filepath.Join(dir, "import.duckdb")
		os.Remove(db + ".wal")
		if b, err := os.ReadFile(empty); err == nil {
			os.WriteFile(db, b, 0o644)
		}
		return db
	}
	preview = peakOf(bin, func() []string { return []string{"import", "--db", fresh(), "--dry-run", book} })
	commit = peakOf(bin, func() []string { return []string{"import", "--db", fresh(), book} })
	return preview, commit
}

// visitLine is the log line of TestAChartPageLoadsUnder170kB per page;
// mapLine says what a page's map loads when it is scrolled to.
var (
	visitLine = regexp.MustCompile(`(/\S*): (\d+) bytes on the first visit`)
	mapLine   = regexp.MustCompile(`(/\S*): its map adds (\d+) bytes`)
)

func firstVisits() string {
	out, err := exec.Command("go", "test", "-run", "TestAChartPageLoadsUnder170kB$", "-count", "1", "-v", "./dashboard").CombinedOutput()
	if err != nil {
		return fmt.Sprintf("failed: %v", err)
	}
	var parts []string
	for _, m := range visitLine.FindAllStringSubmatch(string(out), -1) {
		n, _ := strconv.Atoi(m[2])
		parts = append(parts, fmt.Sprintf("%s %.0f kB", strings.SplitN(m[1], "?", 2)[0], float64(n)/1000))
	}
	for _, m := range mapLine.FindAllStringSubmatch(string(out), -1) {
		n, _ := strconv.Atoi(m[2])
		parts = append(parts, fmt.Sprintf("(%s: its map, when scrolled to, %.0f kB more)", strings.SplitN(m[1], "?", 2)[0], float64(n)/1000))
	}
	return strings.Join(parts, ", ")
}
