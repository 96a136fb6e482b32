package export

import (
	"context"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// DefaultAssociation is the association's name on a report that names none.
const DefaultAssociation = "Föreningen"

// ReportOptions choose the annual meeting report.
type ReportOptions struct {
	Year int // the business plan's year, 1900–2999
	// AsOf is the day the numbers are taken on; the zero time means 31
	// December of Year, or today while that lies ahead. A day before 1
	// January of Year is EInvalid.
	AsOf time.Time
	Lang string // locale.Sv (the default) or locale.En: texts and sheet names
	// There is no option for personal data: the report is sent to the
	// annual meeting and never holds contact names or e-mail addresses.
	// Association is the association's name when the admin has not set
	// one (analytics.SettingAssociation); "" is DefaultAssociation.
	Association string
	MadeBy      string // who makes the report (an account), said on the summary; "" for no one named
	// LowMemory runs the report's queries one at a time, not two side by
	// side: less memory for more wall time, for a process that must stay
	// small (malbild export report) rather than a user who waits.
	LowMemory bool
}

// Report builds the annual meeting report (DESIGN "Export", Årsmötesrapport)
// of o.Year as of o.AsOf: the sheets summary (who and when, the goals'
// status counts, the key figures as store.Metrics gives them against the
// same day a year earlier, every goal as store.EvaluateGoals gives it, its
// status in colour), charts (members against goal 1's target, coverage per
// service against 75 %, municipalities per network against 20), the year's
// new and lost members, members, services, networks, the member × service
// matrix, the development over the year, the goals' history, the benefits
// per service (when there are benefits) and, when the year has a budget, its
// follow-up with a chart (report_budget.go).
// The caller closes the file. Errors of the store pass through with their
// codes; bad options are EInvalid.
func Report(ctx context.Context, s *analytics.Store, o ReportOptions) (*excelize.File, error) {
	// Each query once, over months of days: no plan worth keeping.
	ctx = analytics.PlanEachTime(ctx)
	o, err := o.resolve(s.Today())
	if err != nil {
		return nil, err
	}
	if o.Association, err = Association(ctx, s, o.Association); err != nil {
		return nil, err
	}
	d, err := gather(ctx, s, o)
	if err != nil {
		return nil, err
	}
	b, err := newBook(bookInfo{title: o.Association + " – " + locale.Text(o.Lang, "title", o.Year), author: o.Association,
		lang: o.Lang, asOf: o.AsOf, created: d.madeAt})
	if err != nil {
		return nil, err
	}
	for _, write := range []func(*reportData) error{
		b.summarySheet, b.chartsSheet, b.chartDataSheet, b.budgetChartSheet, b.changesSheet, b.membersSheet,
		b.servicesSheet, b.networksSheet, b.matrixSheet, b.developmentSheet, b.historySheet, b.benefitsSheet, b.budgetSheet,
	} {
		if err := write(d); err != nil {
			b.f.Close()
			return nil, err
		}
	}
	// The summary, the file's first sheet, is its active sheet already:
	// SetActiveSheet would parse every streamed sheet back.
	return b.f, nil
}

// WriteReport writes the report of Report to w.
func WriteReport(ctx context.Context, s *analytics.Store, o ReportOptions, w io.Writer) error {
	f, err := Report(ctx, s, o)
	if err != nil {
		return err
	}
	return writeAndClose(f, w)
}

// resolve checks the options and fills in the defaults.
func (o ReportOptions) resolve(today time.Time) (ReportOptions, error) {
	if o.Year < 1900 || o.Year > 2999 {
		return o, analytics.Keyed(analytics.EInvalid, "invalid.year_range", o.Year, 1900, 2999)
	}
	switch o.Lang {
	case "":
		o.Lang = locale.Sv
	case locale.Sv, locale.En:
	default:
		return o, analytics.Keyed(analytics.EInvalid, "invalid.report.language", o.Lang)
	}
	if o.Association == "" {
		o.Association = DefaultAssociation
	}
	first := time.Date(o.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
	if o.AsOf.IsZero() {
		o.AsOf = time.Date(o.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
		if today.Before(o.AsOf) {
			o.AsOf = today
		}
	}
	y, m, d := o.AsOf.Date()
	o.AsOf = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if o.AsOf.Before(first) {
		return o, analytics.Keyed(analytics.EInvalid, "invalid.report.asof_before", o.AsOf.Format(time.DateOnly), o.Year)
	}
	if o.AsOf.Year() > 2999 {
		return o, analytics.Keyed(analytics.EInvalid, "invalid.report.asof_range", o.AsOf.Format(time.DateOnly))
	}
	return o, nil
}
