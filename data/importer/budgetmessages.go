package importer

// budgetTexts are the texts of the budget follow-up's sheets, Swedish then
// English. A problem's text gets the cell's value as its first argument.
var budgetTexts = map[string][2]string{
	"kind.budget":             {"budget", "budget"},
	"kind.budget_followups":   {"budgetuppföljning", "budget follow-up"},
	"kind.price_base_amounts": {"prisbasbelopp", "price base amounts"},

	"field.amount":            {"belopp", "amount"},
	"field.outcome":           {"utfall", "outcome"},
	"field.forecast":          {"prognos", "forecast"},
	"field.price_base_amount": {"prisbasbelopp", "price base amount"},

	"budgetline.kind.investering": {"investering", "investment"},
	"budgetline.kind.drift":       {"drift", "running cost"},

	"amount.thousands": {"(tkr: × 1 000 kr)", "(tkr: × 1,000 kr)"},
	"amount.unreadable": {"%[1]q är inget belopp. Skriv kronor med siffror, gärna med mellanslag mellan tusental, till exempel 17 481 000 eller 1 234,50.",
		"%[1]q is not an amount. Write kronor in digits, with spaces between thousands if you like, for example 17 481 000 or 1 234,50."},
	"amount.unit": {"%[1]q har en enhet som kolumnen inte har. Skriv beloppet i kronor (17 481 000), eller i tkr om kolumnens rubrik säger tkr, till exempel Budget (tkr).",
		"%[1]q has a unit the column does not have. Write the amount in kronor (17 481 000), or in tkr if the column's header says tkr, for example Budget (tkr)."},
	"amount.unit_tkr": {"%[1]q har en annan enhet än kolumnen, vars rubrik säger tkr. Skriv beloppet i tkr utan enhet (17 481), eller byt rubrik och skriv kronor.",
		"%[1]q has another unit than the column, whose header says tkr. Write the amount in tkr without a unit (17 481), or change the header and write kronor."},
	"amount.dot_grouping": {"%[1]q kan läsas både som tusental och som decimaler. Skriv tusental med mellanslag (17 481) och decimaler med komma (17,48).",
		"%[1]q reads as thousands to some and as decimals to others. Group thousands with spaces (17 481) and write decimals after a comma (17,48)."},
	"amount.too_large": {"%[1]q är större än vad en budget rimligen är. Kontrollera beloppet och kolumnens enhet (kr eller tkr).",
		"%[1]q is larger than any budget could be. Check the amount and the column's unit (kr or tkr)."},
	"amount.header_unit": {"Rubriken %[1]q anger en enhet som importen inte läser. Skriv beloppen i kronor eller i tkr och ge kolumnen rubriken i kronor (till exempel Belopp) eller tkr (Belopp (tkr)).",
		"The header %[1]q states a unit the import does not read. Write the amounts in kronor or in tkr and give the column a header in kronor (for example Amount) or tkr (Amount (tkr))."},

	"budgetline.no_name": {"Raden saknar både grupp och kategori. Skriv kategorin, ramens grupp, eller båda.",
		"The row has neither a group nor a category. Write the category, the frame's group, or both."},
	"budgetline.kind": {"%[1]q är ingen budgettyp. Skriv investering eller drift.",
		"%[1]q is not a kind of budget line. Write investment or running (investering, drift)."},
	"budgetline.kind_missing": {"Typen saknas, och gruppen %[2]q har ingen ramrad med typ att ta den från. Skriv investering eller drift.",
		"The kind is missing, and the group %[2]q has no frame row with a kind to take it from. Write investment or running (investering, drift)."},
	"budgetline.negative": {"Budgeten %[1]s är negativ. En budget är ett belopp på noll kronor eller mer: rätta beloppet.",
		"The budget %[1]s is negative. A budget is an amount of zero kronor or more: correct the amount."},
	"budgetrow.duplicate": {"Samma rad står redan i bladet %[2]q på rad %[3]d. Ta bort den ena raden eller slå ihop dem.",
		"The same line is already in the sheet %[2]q, row %[3]d. Remove one of the rows or merge them."},

	"followup.date_year": {"%[1]q är ett årtal, men en uppföljning gäller en dag. Skriv dagen som ÅÅÅÅ-MM-DD, till exempel 2025-03-31.",
		"%[1]q is a year, but a follow-up is of a day. Write the day as YYYY-MM-DD, for example 2025-03-31."},
	"followup.outside_year": {"Uppföljningen är daterad %[1]s, utanför året %[2]d som raden anger. Rätta datumet eller året.",
		"The follow-up is dated %[1]s, outside the year %[2]d the row states. Correct the date or the year."},
	"followup.outside_sheet_year": {"Uppföljningen är daterad %[1]s, utanför året %[2]d som bladet anger. Rätta datumet, eller lägg uppföljningen i ett blad för sitt år.",
		"The follow-up is dated %[1]s, outside the year %[2]d the sheet states. Correct the date, or put the follow-up in a sheet of its year."},
	"followup.no_budget": {"Året %[2]d har ingen budget, så uppföljningen daterad %[1]s har inget att följa upp. Importera årets budget först (ett blad med År, Grupp, Kategori, Typ, Belopp), eller rätta datumet.",
		"The year %[2]d has no budget, so the follow-up dated %[1]s has nothing to follow. Import the year's budget first (a sheet with Year, Group, Category, Kind, Amount), or correct the date."},
	"followup.no_name": {"Raden saknar både kategori och grupp. Skriv kategorin (eller gruppen) som uppföljningen gäller.",
		"The row has neither a category nor a group. Write the category (or group) the follow-up is of."},
	"followup.unknown": {"%[1]q finns inte i budgeten för %[2]d. Skriv en av dess kategorier eller grupper (%[3]s), eller importera budgetraden först.",
		"%[1]q is not in the budget of %[2]d. Write one of its categories or groups (%[3]s), or import the budget line first."},
	"followup.unknown_in_group": {"Kategorin %[1]q finns inte i gruppen %[2]q i budgeten för %[3]d. Rätta kategorin eller gruppen, eller importera budgetraden först.",
		"The category %[1]q is not in the group %[2]q of the budget of %[3]d. Correct the category or the group, or import the budget line first."},
	"followup.ambiguous": {"Kategorin %[1]q finns i flera grupper (%[2]s). Lägg till en kolumn Grupp och skriv vilken.",
		"The category %[1]q is in several groups (%[2]s). Add a Group column and write which."},

	"pbb.positive": {"Prisbeloppet %[1]s är inte större än noll. Skriv årets prisbasbelopp i kronor, till exempel 58 800.",
		"The price base amount %[1]s is not above zero. Write the year's price base amount in kronor, for example 58 800."},
}

// budgetExpected names the budget sheets' headers, added to the list of
// sheets the import reads (sheet.expected).
var budgetExpected = [2]string{
	"; budget (År, Grupp, Kategori, Typ, Belopp); budgetuppföljning (Datum, Kategori, Grupp, Utfall, Prognos, Kommentar); prisbasbelopp (År, Prisbasbelopp)",
	"; budget (Year, Group, Category, Kind, Amount); budget follow-up (Date, Category, Group, Outcome, Forecast, Comment); price base amounts (Year, Price base amount)",
}

func init() {
	for key, texts := range budgetTexts {
		catalogue[key] = texts
	}
	expected := catalogue["sheet.expected"]
	catalogue["sheet.expected"] = [2]string{expected[0] + budgetExpected[0], expected[1] + budgetExpected[1]}
}
