package export

import (
	"slices"

	"malbild/analytics"
)

// The benefit register's sheets of the import's format (DESIGN "Benefits"):
// the data export writes them after the sheets they name (services,
// members), and the template lays them out with their drop-downs.
var (
	benefitsFormat = importSheet{"Nyttor", []importColumn{
		{header: "Nytta", example: "Frigjord tid för kontoadministration"},
		{header: "Tjänst", list: "services", example: "Egil"},
		{header: "Kategori", list: "benefit_categories", example: analytics.CategoryTime},
		{header: "Säkerhet", list: "certainties", example: analytics.CertaintyYellow},
		{header: "Ägare", example: "Skolchef"},
		{header: "Enhet", example: "timmar"},
		{header: "Riktning", list: "directions", example: analytics.DirectionHigher},
		{header: "Sammanvägning", list: "aggregations", example: analytics.AggregateSum},
		{header: "Utgångsvärde", example: 0},
		{header: "Utgångsdatum", kind: kindDate, example: exampleDate},
		{header: "Målvärde", example: 1500},
		{header: "Måldatum", kind: kindDate, example: exampleDue},
		{header: "Värdering", example: 450},
	}}
	benefitMeasurementsFormat = importSheet{"Nyttomätningar", []importColumn{
		{header: "Nytta", example: "Frigjord tid för kontoadministration"},
		{header: "Datum", kind: kindDate, example: exampleDate},
		{header: "Medlem", example: "Karlstad"},
		{header: "Värde", example: 120},
		{header: "Källa", example: "Enkät till skolorna"},
		{header: "Kommentar"},
	}}
)

// exampleDue is the due date in the template's example benefit.
var exampleDue = exampleDate.AddDate(2, 0, -1)

// benefitLists are the template's drop-down lists of the benefit words, as
// the database stores them and the import reads them.
var benefitLists = [][2]any{
	{"benefit_categories", []string{analytics.CategoryEconomic, analytics.CategoryTime, analytics.CategoryQuality,
		analytics.CategoryEnvironment}},
	{"certainties", []string{analytics.CertaintyGreen, analytics.CertaintyYellow, analytics.CertaintyRed}},
	{"directions", []string{analytics.DirectionHigher, analytics.DirectionLower}},
	{"aggregations", []string{analytics.AggregateSum, analytics.AggregateMean}},
}

func (b *book) benefitsData(bs []analytics.NamedBenefit) table {
	return b.importTable(benefitsFormat, false, len(bs), func(i int, dst []any) []any {
		x := bs[i]
		var valuation any
		if x.Valuation != nil {
			valuation = *x.Valuation
		}
		return append(dst, x.Name, x.Service, x.Category, x.Certainty, x.Owner, x.Unit, x.Direction, x.Aggregation,
			x.Baseline, x.BaselineOn, x.Target, x.DueOn, valuation)
	})
}

func (b *book) benefitMeasurementsData(ms []analytics.NamedBenefitMeasurement) table {
	return b.importTable(benefitMeasurementsFormat, false, len(ms), func(i int, dst []any) []any {
		m := ms[i]
		return append(dst, m.Benefit, m.MeasuredOn, m.Member, m.Value, m.Source, m.Comment)
	})
}

// benefitInstructions tell how to fill in the benefit sheets, Swedish and
// English; they go before the instructions' last paragraph, on importing.
var benefitInstructions = [2]string{
	"Nyttor är föreningens nyttoregister: en rad per nytta med tjänst (tom för en nytta för hela föreningen), kategori (ekonomisk, tid, kvalitet, miljö), säkerhet (grön, gul, röd), ägare (en roll, aldrig en person), enhet, riktning (högre eller lägre är bättre), sammanvägning över medlemmar (summa, medel), utgångsvärde och utgångsdatum, målvärde och måldatum, och värdering i kronor per enhet. Nyttomätningar har en rad per mätning: nyttan, datum, medlem (tom för helheten), värde, källa och kommentar. Ett värde får ha nyttans enhet efter talet (12 timmar), men ingen annan.",
	"Nyttor (benefits) is the association's benefit register: a row per benefit with its service (empty for a benefit of the whole association), category (ekonomisk, tid, kvalitet, miljö), certainty (grön, gul, röd), owner (a role, never a person), unit, direction (högre or lägre is better), aggregation over members (summa, medel), baseline value and date, target value and due date, and valuation in kronor per unit. Nyttomätningar (benefit measurements) has a row per measurement: the benefit, date, member (empty for the whole), value, source and comment. A value may carry the benefit's unit after the number (12 timmar), but no other.",
}

func init() {
	for i, text := range benefitInstructions {
		p := instructions[i].paragraphs
		instructions[i].paragraphs = slices.Insert(p, len(p)-1, text)
	}
}
