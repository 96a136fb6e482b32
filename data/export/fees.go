package export

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// Fees writes the fee list of year for invoicing (DESIGN "Export",
// Avgiftslista) to w: a sheet with every membership row that overlaps the
// year as store.Fees gives it (member, organisation number, group,
// population, band, membership period, the contribution due in the first
// year, half on rejoining, the annual fee for the months billed, the sum and
// a remark where there is one), totals below; a sheet of the sums per group
// and in all; and, only when personal is true, a sheet of the contacts. No fee schedule for the
// year is ENotFound; a year outside 1900–2999 is EInvalid.
func Fees(ctx context.Context, s *analytics.Store, year int, w io.Writer, personal bool) error {
	fees, err := s.Fees(ctx, year)
	if err != nil {
		return err
	}
	contacts := map[int64]analytics.Member{}
	if personal {
		members, err := s.AllMembers(ctx)
		if err != nil {
			return err
		}
		for _, m := range members {
			contacts[m.ID] = m
		}
	}
	groups, err := s.MemberGroups(ctx)
	if err != nil {
		return err
	}
	b, err := storeBook(ctx, s, fmt.Sprintf("Avgiftslista %d", year), locale.Sv, s.Today())
	if err != nil {
		return err
	}
	tables := []table{b.feeTable(year, fees), b.groupTable(year, fees, groups)}
	if personal {
		tables = append(tables, b.contactTable(fees, contacts))
	}
	for _, t := range tables {
		if err := b.writeTable(t); err != nil {
			b.f.Close()
			return err
		}
	}
	return writeAndClose(b.f, w)
}

// feeTable is the fee list: a row per membership, the remark column only
// when a fee has a remark, and the totals of the amounts below. Every amount
// is in öre as analytics gives it, so each total is the sum of what the
// column shows.
func (b *book) feeTable(year int, fees []analytics.Fee) table {
	top := func(style int) int { return b.top(style) }
	cols := []column{
		{header: "Medlem", style: top(b.st.wrap), wrapAt: 20},
		{header: "Org.nr", style: top(b.st.text)},
		{header: "Grupp", style: top(b.st.wrap), wrapAt: 10},
		{header: "Invånare", style: top(b.st.integer)},
		{header: "Avgiftsklass", style: b.centred(top(b.st.wrap)), wrapAt: 16},
		{header: "Medlem sedan", style: top(b.st.date)},
		{header: "Utträde", style: top(b.st.date)},
		{header: "Medlemsinsats", style: top(b.st.money)},
		{header: fmt.Sprintf("Årsavgift %d", year), style: top(b.st.money)},
		{header: "Att betala", style: top(b.st.money)},
	}
	const contributionCol, annualCol, totalCol = 8, 9, 10
	remarks := false
	var contribution, annual, total float64
	for _, f := range fees {
		contribution += f.Contribution
		annual += f.AnnualFee
		total += f.Total
		remarks = remarks || feeNote(f) != ""
	}
	if remarks {
		cols = append(cols, column{header: "Anmärkning", style: b.indented(top(b.st.wrap)),
			headStyle: b.indented(b.st.header), wrapAt: 20})
	}
	footer := make([]any, totalCol)
	footer[0] = fmt.Sprintf("Summa (%d medlemskap)", len(fees))
	footer[contributionCol-1] = excelize.Cell{StyleID: b.st.totalMoney, Value: roundToOre(contribution)}
	footer[annualCol-1] = excelize.Cell{StyleID: b.st.totalMoney, Value: roundToOre(annual)}
	footer[totalCol-1] = excelize.Cell{StyleID: b.st.totalMoney, Value: roundToOre(total)}
	return table{
		sheet:   fmt.Sprintf("Avgiftslista %d", year),
		columns: cols,
		rows:    len(fees),
		row: func(i int, dst []any) []any {
			f := fees[i]
			dst = append(dst, f.Name, f.OrgNumber, f.Group, f.Population, bandLabel(f),
				f.JoinedOn, f.LeftOn, f.Contribution, f.AnnualFee, f.Total)
			if remarks {
				dst = append(dst, feeNote(f))
			}
			return dst
		},
		footer:     [][]any{footer},
		freezeCols: 1,
	}
}

// contactTable lists the contact of every member on the fee list, for the
// invoices: a sheet of its own, so that the fee list prints at full size.
func (b *book) contactTable(fees []analytics.Fee, contacts map[int64]analytics.Member) table {
	seen := map[int64]bool{}
	var members []analytics.Member
	for _, f := range fees {
		if m, ok := contacts[f.MemberID]; ok && !seen[m.ID] {
			seen[m.ID] = true
			members = append(members, m)
		}
	}
	return table{
		sheet: "Kontaktpersoner",
		columns: []column{
			{header: "Medlem", style: b.st.wrap, wrapAt: 40},
			{header: "Kontaktperson", style: b.st.wrap, wrapAt: 40},
			{header: "E-post", style: b.st.wrap, wrapAt: 50},
		},
		rows: len(members),
		row: func(i int, dst []any) []any {
			m := members[i]
			return append(dst, m.Name, m.ContactName, m.ContactEmail)
		},
		freezeCols: 1,
	}
}

// noGroup names the members that joined on their own in the group sums.
const noGroup = "Utan grupp"

// groupTable sums the fee list per group, groups in Swedish order and the
// members without a group last, with the total below.
func (b *book) groupTable(year int, fees []analytics.Fee, order []string) table {
	type sums struct {
		members                     int
		contribution, annual, total float64
	}
	byGroup := map[string]*sums{}
	var all sums
	for _, f := range fees {
		g := byGroup[f.Group]
		if g == nil {
			g = &sums{}
			byGroup[f.Group] = g
		}
		for _, s := range []*sums{g, &all} {
			s.members++
			s.contribution += f.Contribution
			s.annual += f.AnnualFee
			s.total += f.Total
		}
	}
	var names []string
	for _, name := range append(order, "") {
		if byGroup[name] != nil {
			names = append(names, name)
		}
	}
	money := func(v float64) excelize.Cell { return excelize.Cell{StyleID: b.st.totalMoney, Value: roundToOre(v)} }
	return table{
		sheet: "Per grupp",
		columns: []column{
			{header: "Grupp"},
			{header: "Medlemskap", style: b.st.integer},
			{header: "Medlemsinsats", style: b.st.money},
			{header: fmt.Sprintf("Årsavgift %d", year), style: b.st.money},
			{header: "Att betala", style: b.st.money},
		},
		rows: len(names),
		row: func(i int, dst []any) []any {
			g := byGroup[names[i]]
			label := names[i]
			if label == "" {
				label = noGroup
			}
			return append(dst, label, g.members, roundToOre(g.contribution), roundToOre(g.annual), roundToOre(g.total))
		},
		footer: [][]any{{"Summa", excelize.Cell{StyleID: b.st.totalInt, Value: all.members},
			money(all.contribution), money(all.annual), money(all.total)}},
	}
}

// bandLabel names a fee's row of the schedule: "15 000–25 000" for a
// municipality's band, "övriga organisationer" for the others.
func bandLabel(f analytics.Fee) string {
	switch f.Category {
	case "":
		return ""
	case "ovrig":
		return "övriga organisationer"
	}
	if f.PopulationTo == nil {
		return "från " + thousands(f.PopulationFrom)
	}
	return thousands(f.PopulationFrom) + "–" + thousands(*f.PopulationTo)
}

// feeNote explains a fee that is not the plain annual fee.
func feeNote(f analytics.Fee) string {
	var notes []string
	switch {
	case f.Category == "":
		notes = append(notes, "ingen avgiftsklass passar (invånare saknas?)")
	case f.FirstYear && f.Rejoined:
		notes = append(notes, "återinträde: halv medlemsinsats")
	case f.FirstYear:
		notes = append(notes, "nytt medlemskap: medlemsinsats")
	}
	if f.FirstYear && f.Months < 12 {
		notes = append(notes, fmt.Sprintf("årsavgift för %d av 12 månader", f.Months))
	}
	return strings.Join(notes, "; ")
}

// thousands writes n with spaces between the thousands: 15 000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// roundToOre rounds an amount in SEK to öre, as analytics does.
func roundToOre(sek float64) float64 { return math.Round(sek*100) / 100 }
