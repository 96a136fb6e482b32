package export

import (
	"context"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/analytics/locale"
)

// headerRow finds the row (1-based) whose first cell is first and maps its
// headers to their columns (1-based).
func headerRow(t *testing.T, f *excelize.File, sheet, first string) (int, map[string]int) {
	t.Helper()
	for r, row := range rows(t, f, sheet) {
		if len(row) > 0 && row[0] == first {
			cols := map[string]int{}
			for c, h := range row {
				cols[h] = c + 1
			}
			return r + 1, cols
		}
	}
	t.Fatalf("%s has no header row starting with %q", sheet, first)
	return 0, nil
}

func TestReportNumbersAreTheStoresNumbers(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	asOf := day("2023-06-30")
	f, _ := workbook(t, func(w io.Writer) error {
		return WriteReport(ctx, s, ReportOptions{Year: 2023, AsOf: asOf}, w)
	})
	const sheet = "Sammanfattning"
	serial, _ := number(t, f, sheet, infoColumn, summaryAsOfRow)
	if d, _ := excelize.ExcelDateToTime(serial, false); !d.Equal(asOf) {
		t.Errorf("as-of date %v, want %v", d, asOf)
	}
	if y, _ := number(t, f, sheet, infoColumn, summaryYearRow); y != 2023 {
		t.Errorf("year %v", y)
	}

	metrics, err := s.Metrics(ctx, asOf)
	if err != nil {
		t.Fatal(err)
	}
	for i, kv := range metrics {
		row := summaryFirstMetricRow + i
		if got := raw(t, f, sheet, labelColumn, row); got != metricLabel(locale.Sv, kv.Key) {
			t.Errorf("row %d names %q, want the metric %s", row, got, kv.Key)
		}
		if kv.Key == "fee_income" { // the members' fees as shown: TestReportTotalsAreTheSumsOfWhatTheyShow
			continue
		}
		if !sameNumber(t, f, sheet, valueColumn, row, kv.Value.Value) {
			t.Errorf("%s: %q, want %v", kv.Key, raw(t, f, sheet, valueColumn, row), deref(kv.Value.Value))
		}
		if got := raw(t, f, sheet, infoColumn, row); got != kv.Value.Service {
			t.Errorf("%s concerns %q, want %q", kv.Key, got, kv.Value.Service)
		}
	}

	goals, err := s.EvaluateGoals(ctx, 2023, asOf)
	if err != nil || len(goals) == 0 {
		t.Fatalf("goals: %v, %d", err, len(goals))
	}
	header, col := headerRow(t, f, sheet, "Nr")
	for i, g := range goals {
		row := header + 1 + i
		if n, _ := number(t, f, sheet, col["Nr"], row); int(n) != g.Number {
			t.Errorf("row %d: goal %v, want %d", row, n, g.Number)
		}
		if got := raw(t, f, sheet, col["Mål"], row); got != g.Text {
			t.Errorf("goal %d: text %q", g.Number, got)
		}
		for _, c := range []struct {
			header string
			want   *float64
		}{{"Värde", g.Value}, {"Målvärde", g.Target}, {"Prognos", g.Forecast}} {
			if !sameNumber(t, f, sheet, col[c.header], row, c.want) {
				t.Errorf("goal %d: %s %q, want %v", g.Number, c.header, raw(t, f, sheet, col[c.header], row), deref(c.want))
			}
		}
		if got := raw(t, f, sheet, col["Status"], row); got != statusLabel(locale.Sv, g.Status) {
			t.Errorf("goal %d: status %q, want %s", g.Number, got, g.Status)
		}
		if fill := styleOf(t, f, sheet, col["Status"], row).Fill.Color; len(fill) != 1 || fill[0] != statusColours[g.Status][0] {
			t.Errorf("goal %d (%s): status fill %v, want %s", g.Number, g.Status, fill, statusColours[g.Status][0])
		}
		if got := raw(t, f, sheet, col["Kommentar"], row); got != g.Comment {
			t.Errorf("goal %d: comment %q, want %q", g.Number, got, g.Comment)
		}
	}
}

func TestReportSheetsAgreeWithTheStore(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	asOf := day("2023-06-15")
	f, _ := workbook(t, func(w io.Writer) error {
		return WriteReport(ctx, s, ReportOptions{Year: 2023, AsOf: asOf}, w)
	})
	metrics, _ := s.Metrics(ctx, asOf)
	members, _ := metrics.Get("members")
	income, _ := metrics.Get("fee_income")

	memberRows := rows(t, f, "Medlemmar")
	// header, the members, a blank row, the total
	if n := len(memberRows) - 3; float64(n) != *members.Value {
		t.Errorf("the members sheet lists %d members, the metric says %v", n, *members.Value)
	}
	_, col := headerRow(t, f, "Medlemmar", "Namn")
	if total, _ := number(t, f, "Medlemmar", col["Årsavgift 2023"], len(memberRows)); total-*income.Value > 0.5 || *income.Value-total > 0.5 {
		t.Errorf("the members' fees total %v, fee_income is %v", total, *income.Value)
	}

	now, _ := s.ServiceParticipation(ctx, asOf)
	before, _ := s.ServiceParticipation(ctx, day("2022-06-15"))
	participants := map[string]int{}
	earlier := map[string]int{}
	for _, p := range before {
		earlier[p.Name] = p.Participants
	}
	for _, p := range now {
		participants[p.Name] = p.Participants
		sheet := "Tjänster"
		if p.Kind == analytics.KindNetwork {
			sheet = "Nätverk"
		}
		r := rowOf(t, f, sheet, p.Name)
		if r == 0 {
			continue // ended before either day: not listed
		}
		if n, _ := number(t, f, sheet, 3, r); int(n) != p.Participants {
			t.Errorf("%s: %v participants, want %d", p.Name, n, p.Participants)
		}
		if !sameNumber(t, f, sheet, 5, r, p.Share) {
			t.Errorf("%s: share %q, want %v", p.Name, raw(t, f, sheet, 5, r), deref(p.Share))
		}
		if n, _ := number(t, f, sheet, 6, r); int(n) != p.Participants-earlier[p.Name] {
			t.Errorf("%s: change %v, want %d", p.Name, n, p.Participants-earlier[p.Name])
		}
	}

	matrix := rows(t, f, "Matris")
	for c, name := range matrix[0][1:] {
		marks := 0
		for _, row := range matrix[1 : len(matrix)-2] {
			if c+1 < len(row) && row[c+1] == "x" {
				marks++
			}
		}
		if marks != participants[name] {
			t.Errorf("the matrix marks %d members in %s, it has %d participants", marks, name, participants[name])
		}
	}
	if got := len(matrix) - 3; float64(got) != *members.Value {
		t.Errorf("the matrix has %d member rows, want %v", got, *members.Value)
	}

	dev := rows(t, f, "Utveckling")
	if len(dev[0]) != 1+6 { // January to May month ends and the day itself
		t.Fatalf("development dates %q, want 6", dev[0][1:])
	}
	if last := dev[0][6]; last != "15 jun" {
		t.Errorf("the development ends %s, want the as-of day", last)
	}
	if n, _ := strconv.ParseFloat(dev[devMembersRow-1][6], 64); n != *members.Value {
		t.Errorf("the development ends at %v members, the key figure is %v", n, *members.Value)
	}
	series, _ := s.Series(ctx, "services_per_member", nil, day("2023-01-01"), asOf)
	r := rowOf(t, f, "Utveckling", metricLabel(locale.Sv, "services_per_member"))
	for i, p := range series {
		if !sameNumber(t, f, "Utveckling", i+2, r, p.Value) {
			t.Errorf("services per member at %v: %q, want %v", p.Date, raw(t, f, "Utveckling", i+2, r), deref(p.Value))
		}
	}
}

func rowOf(t *testing.T, f *excelize.File, sheet, first string) int {
	for r, row := range rows(t, f, sheet) {
		if len(row) > 0 && row[0] == first {
			return r + 1
		}
	}
	return 0
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestReportOptions(t *testing.T) {
	today := day("2026-11-22")
	for _, c := range []struct {
		o    ReportOptions
		asOf string
		ok   bool
	}{
		{ReportOptions{Year: 2025}, "2025-12-31", true},
		{ReportOptions{Year: 2026}, "2026-11-22", true},
		{ReportOptions{Year: 2025, AsOf: day("2026-03-31")}, "2026-03-31", true},
		{ReportOptions{Year: 2027}, "", false},
		{ReportOptions{Year: 2025, AsOf: day("2024-12-31")}, "", false},
		{ReportOptions{Year: 1899}, "", false},
		{ReportOptions{Year: 2025, Lang: "de"}, "", false},
	} {
		got, err := c.o.resolve(today)
		if !c.ok {
			if analytics.ErrorCode(err) != analytics.EInvalid {
				t.Errorf("%+v: err %v, want EInvalid", c.o, err)
			}
			continue
		}
		if err != nil || got.AsOf.Format(time.DateOnly) != c.asOf || got.Lang != locale.Sv || got.Association != DefaultAssociation {
			t.Errorf("%+v: %+v, %v; want as of %s", c.o, got, err, c.asOf)
		}
	}
}

func TestYearBefore(t *testing.T) {
	for in, want := range map[string]string{"2024-02-29": "2023-02-28", "2023-06-15": "2022-06-15", "2023-01-01": "2022-01-01"} {
		if got := yearBefore(day(in)).Format(time.DateOnly); got != want {
			t.Errorf("yearBefore(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestReportOfAYearWithoutPlanOrFeeSchedule(t *testing.T) {
	s := demoStore(t)
	f, data := workbook(t, func(w io.Writer) error {
		return WriteReport(context.Background(), s, ReportOptions{Year: 2019, AsOf: day("2019-12-31")}, w)
	})
	if findCell(t, f, locale.Text(locale.Sv, "export.goals.none")) == "" {
		t.Error("the summary does not say that the year has no goals")
	}
	if n := strings.Count(parts(t, data)["xl/charts/chart1.xml"], "<ser>"); n != 1 {
		t.Errorf("the members chart has %d series without a target, want 1", n)
	}
	_, col := headerRow(t, f, "Medlemmar", "Namn")
	if v := raw(t, f, "Medlemmar", col["Årsavgift 2019"], 2); v != "" {
		t.Errorf("a fee %q without a fee schedule", v)
	}
}

func TestReportOfAnEmptyDatabase(t *testing.T) {
	s := analyticstest.New(t)
	f, data := workbook(t, func(w io.Writer) error {
		return WriteReport(context.Background(), s, ReportOptions{Year: 2026}, w)
	})
	if len(f.GetSheetList()) != 9 {
		t.Errorf("sheets %v", f.GetSheetList())
	}
	p := parts(t, data)
	if _, ok := p["xl/charts/chart1.xml"]; !ok {
		t.Error("no members chart")
	}
	if _, ok := p["xl/charts/chart2.xml"]; ok {
		t.Error("a coverage chart without services")
	}
}
