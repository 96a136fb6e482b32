package export

import (
	"context"
	"io"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// Data writes every table of the registry to w as a workbook in the import's
// own format (DESIGN "Import columns", Swedish headers and words): members,
// services and networks, participation (long), events, attendance, goals,
// fee schedules, benefits and benefit measurements, then the budget's lines,
// follow-ups and imported prisbasbelopp (budgetdata.go), a sheet each. Importing it into an empty database gives the
// same data back, and importing it into the database it came from changes
// nothing; what the import's columns do not carry is not exported (a goal's
// removal reason, its earlier statuses, goal comments by author): a goal's
// status and comment go with the day of the board's latest input.
// Contact names and e-mail addresses are written only when personal is true;
// otherwise their columns are absent.
func Data(ctx context.Context, s *analytics.Store, w io.Writer, personal bool) error {
	var (
		members  []analytics.Member
		services []analytics.Service
		parts    []analytics.NamedParticipation
		events   []analytics.Event
		attend   []analytics.NamedAttendance
		goals    []analytics.Goal
		bands    []analytics.FeeBand
		benefits []analytics.NamedBenefit
		measured []analytics.NamedBenefitMeasurement
	)
	err := parallel(
		func() (err error) { members, err = s.AllMembers(ctx); return err },
		func() (err error) { services, err = s.AllServices(ctx); return err },
		func() (err error) { parts, err = s.AllParticipations(ctx); return err },
		func() (err error) { events, err = s.AllEvents(ctx); return err },
		func() (err error) { attend, err = s.AllAttendance(ctx); return err },
		func() (err error) { goals, err = s.AllGoals(ctx); return err },
		func() (err error) { bands, err = s.AllFeeBands(ctx); return err },
		func() (err error) { benefits, err = s.AllBenefits(ctx); return err },
		func() (err error) { measured, err = s.AllBenefitMeasurements(ctx); return err },
	)
	if err != nil {
		return err
	}
	b, err := storeBook(ctx, s, "Målbild – data", locale.Sv, s.Today())
	if err != nil {
		return err
	}
	budget, err := b.budgetTables(ctx, s)
	if err != nil {
		b.f.Close()
		return err
	}
	for _, t := range append([]table{
		b.membersData(members, personal), b.servicesData(services), b.participationData(parts),
		b.eventsData(events), b.attendanceData(attend), b.goalsData(goals), b.feesData(bands),
		b.benefitsData(benefits), b.benefitMeasurementsData(measured),
	}, budget...) {
		if err := b.writeTable(t); err != nil {
			b.f.Close()
			return err
		}
	}
	return writeAndClose(b.f, w)
}

// importTable is a table of an import sheet with rows made by row.
func (b *book) importTable(format importSheet, personal bool, rows int, row func(i int, dst []any) []any) table {
	return table{sheet: format.name, columns: format.tableColumns(b.st, personal), rows: rows, row: row, freezeCols: 1}
}

func (b *book) membersData(ms []analytics.Member, personal bool) table {
	return b.importTable(membersFormat, personal, len(ms), func(i int, dst []any) []any {
		m := ms[i]
		var population any
		if m.Population > 0 {
			population = m.Population
		}
		dst = append(dst, m.Name, word(memberKindWords, m.Kind), m.Code, m.OrgNumber, countyName(m.CountyCode),
			population, m.Group, m.JoinedOn, m.LeftOn)
		if personal {
			dst = append(dst, m.ContactName, m.ContactEmail)
		}
		return dst
	})
}

func (b *book) servicesData(ss []analytics.Service) table {
	return b.importTable(servicesFormat, false, len(ss), func(i int, dst []any) []any {
		s := ss[i]
		return append(dst, s.Name, word(serviceKindWords, s.Kind), s.Area, s.StartedOn, s.EndedOn)
	})
}

func (b *book) participationData(ps []analytics.NamedParticipation) table {
	return b.importTable(participationFormat, false, len(ps), func(i int, dst []any) []any {
		p := ps[i]
		return append(dst, p.Member, p.Service, p.FromOn, p.ToOn)
	})
}

func (b *book) eventsData(es []analytics.Event) table {
	return b.importTable(eventsFormat, false, len(es), func(i int, dst []any) []any {
		e := es[i]
		return append(dst, e.Name, e.HeldOn, word(formatWords, e.Format), word(roleWords, e.Role))
	})
}

func (b *book) attendanceData(as []analytics.NamedAttendance) table {
	return b.importTable(attendanceFormat, false, len(as), func(i int, dst []any) []any {
		a := as[i]
		return append(dst, a.Event, a.HeldOn, a.Member, a.Attendees)
	})
}

func (b *book) goalsData(gs []analytics.Goal) table {
	return b.importTable(goalsFormat, false, len(gs), func(i int, dst []any) []any {
		g := gs[i]
		metric, status := g.Metric, ""
		if g.Metric == analytics.MetricManual {
			metric, status = "manuell", word(statusWords, g.Status)
		}
		return append(dst, g.Year, g.Number, g.Key, g.Area, g.Text, metric, g.Params,
			word(comparatorWords, g.Comparator), b.target(g.Metric, g.Target), b.target(g.Metric, g.UpperTarget),
			g.DueOn, status, g.StatusSetOn, g.Comment)
	})
}

// target is a goal's target, a percentage when its metric is a share.
func (b *book) target(metric string, v *float64) any {
	if v == nil {
		return nil
	}
	if m, ok := analytics.LookupMetric(metric); ok && m.Share {
		return excelize.Cell{StyleID: b.st.percent, Value: *v}
	}
	return *v
}

func (b *book) feesData(bands []analytics.FeeBand) table {
	return b.importTable(feesFormat, false, len(bands), func(i int, dst []any) []any {
		f := bands[i]
		var to any
		if f.PopulationTo > 0 {
			to = f.PopulationTo
		}
		return append(dst, f.Year, word(categoryWords, f.Category), f.PopulationFrom, to, f.Contribution, f.AnnualFee)
	})
}
