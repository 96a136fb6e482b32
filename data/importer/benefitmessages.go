package importer

// benefitTexts are the texts of the benefit sheets, Swedish then English.
var benefitTexts = map[string][2]string{
	"kind.benefits":             {"nyttor", "benefits"},
	"kind.benefit_measurements": {"nyttomätningar", "benefit measurements"},

	"field.benefit":       {"nytta", "benefit"},
	"field.certainty":     {"säkerhet", "certainty"},
	"field.owner":         {"ägare", "owner"},
	"field.unit":          {"enhet", "unit"},
	"field.direction":     {"riktning", "direction"},
	"field.aggregation":   {"sammanvägning", "aggregation"},
	"field.baseline":      {"utgångsvärde", "baseline"},
	"field.baseline_date": {"utgångsdatum", "baseline date"},
	"field.valuation":     {"värdering (kr per enhet)", "valuation (kr per unit)"},
	"field.value":         {"mätvärde", "measured value"},
	"field.source":        {"källa", "source"},

	"benefit.category_word": {"%[1]q är ingen kategori av nytta. Skriv ekonomisk, tid, kvalitet eller miljö.",
		"%[1]q is not a category of benefit. Write economic, time, quality or environment (ekonomisk, tid, kvalitet, miljö)."},
	"benefit.certainty_word": {"%[1]q är ingen säkerhet. Skriv grön (kronor i budgeten), gul (frigjord tid) eller röd (varken eller).",
		"%[1]q is not a certainty. Write green (kronor in the budget), yellow (freed time) or red (neither) (grön, gul, röd)."},
	"benefit.direction_word": {"%[1]q är ingen riktning. Skriv högre om ett högre värde är bättre, annars lägre.",
		"%[1]q is not a direction. Write higher if a higher value is better, else lower (högre, lägre)."},
	"benefit.aggregation_word": {"%[1]q är ingen sammanvägning. Skriv summa om medlemmarnas värden ska läggas ihop, eller medel för deras medelvärde.",
		"%[1]q is not an aggregation. Write sum to add the members' values up, or mean for their average (summa, medel)."},
	"benefit.number": {"%[1]q är inget tal. Skriv ett tal, gärna med nyttans enhet efter, till exempel 1 200 eller 12,5 timmar.",
		"%[1]q is not a number. Write a number, with the benefit's unit after it if you like, for example 1 200 or 12.5 hours."},
	"benefit.unit_mismatch": {"Värdet %[1]q står i %[2]s, men nyttan mäts i %[3]s. Räkna om värdet till %[3]s, eller skriv bara talet.",
		"The value %[1]q is in %[2]s, but the benefit is measured in %[3]s. Convert the value to %[3]s, or write the number alone."},
	"benefit.valuation_number": {"%[1]q är ingen värdering. Skriv kronor per enhet som ett tal, till exempel 450 eller 450 kr per timme.",
		"%[1]q is not a valuation. Write kronor per unit as a number, for example 450 or 450 kr per hour."},
	"benefit.valuation_red": {"En röd nytta ger enligt SKR:s eKalkyl varken kronor eller frigjord tid, så den kan inte värderas i kronor. Ta bort värderingen, eller ändra säkerheten till gul eller grön.",
		"A red benefit yields neither kronor nor freed time (SKR's eKalkyl), so it cannot be valued in kronor. Remove the valuation, or make the certainty yellow or green."},
	"benefit.due_order": {"Måldatumet %[2]s ligger inte efter utgångsdatumet %[3]s. Målet nås efter utgångsläget: rätta något av datumen.",
		"The due date %[2]s is not after the baseline date %[3]s. The target comes after the baseline: correct one of the dates."},
	"benefit.owner_email": {"Ägaren %[1]q ser ut som en persons e-postadress. En nyttas ägare är en roll eller organisation, till exempel Skolchef eller Kansliet; skriv den i stället.",
		"The owner %[1]q looks like a person's e-mail address. A benefit's owner is a role or organisation, for example Head of schools or The office; write that instead."},
	"benefit.service_not_found": {"%[1]q finns inte bland tjänsterna och nätverken. Menade du %[2]s? Rätta namnet, lämna cellen tom för en nytta för hela föreningen, eller importera tjänsten först.",
		"%[1]q is not among the services and networks. Did you mean %[2]s? Correct the name, leave the cell empty for a benefit of the whole association, or import the service first."},
	"benefit.not_found": {"Nyttan %[1]q finns inte. Menade du %[2]s? Rätta namnet, eller importera nyttan först (ett blad Nyttor med Nytta, Kategori, Enhet …).",
		"The benefit %[1]q does not exist. Did you mean %[2]s? Correct the name, or import the benefit first (a Benefits sheet with Benefit, Category, Unit …)."},
	"benefit.not_member_on": {"%[1]s var inte medlem %[2]s; mätningen knyts till medlemskapet %[3]s.",
		"%[1]s was not a member on %[2]s; the measurement goes with the membership %[3]s."},
}

// benefitExpected names the benefit sheets' headers for a sheet whose kind
// is not recognised.
var benefitExpected = [2]string{
	"; nyttor (Nytta, Tjänst, Kategori, Säkerhet, Ägare, Enhet, Riktning, Sammanvägning, Utgångsvärde, Utgångsdatum, Målvärde, Måldatum, Värdering); nyttomätningar (Nytta, Datum, Medlem, Värde, Källa, Kommentar)",
	"; benefits (Benefit, Service, Category, Certainty, Owner, Unit, Direction, Aggregation, Baseline, Baseline date, Target, Due, Valuation); benefit measurements (Benefit, Date, Member, Value, Source, Comment)",
}

func init() {
	for key, texts := range benefitTexts {
		catalogue[key] = texts
	}
	expected := catalogue["sheet.expected"]
	catalogue["sheet.expected"] = [2]string{expected[0] + benefitExpected[0], expected[1] + benefitExpected[1]}
}
