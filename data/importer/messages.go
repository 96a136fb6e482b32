package importer

import (
	"fmt"
	"strings"
)

// language is "en" for English and "sv" for anything else.
func language(lang string) string {
	if lang == "en" {
		return "en"
	}
	return "sv"
}

// msg is the text of key in lang, formatted with args. Texts refer to
// their arguments by index (%[2]d), so a text may leave some unused; the
// problem texts get the cell's value as their first argument.
func msg(lang, key string, args ...any) string {
	texts, ok := catalogue[key]
	if !ok {
		return key
	}
	text := texts[0]
	if lang == "en" {
		text = texts[1]
	}
	if !strings.Contains(text, "%") {
		return text
	}
	return fmt.Sprintf(text, args...)
}

// catalogue holds every text of the import, Swedish then English.
var catalogue = map[string][2]string{
	"file.empty": {"Filen är tom: den har inga rader att importera. Kontrollera att du valt rätt fil.",
		"The file is empty: it has no rows to import. Check that you chose the right file."},
	"file.too_large": {"Filen är %[1]s MiB, men gränsen är %[2]d MiB. Dela upp den i flera filer och importera dem en i taget.",
		"The file is %[1]s MiB, but the limit is %[2]d MiB. Split it into several files and import them one at a time."},
	"file.too_many_rows": {"Bladet %[1]q har fler än %[2]d rader. Dela upp det i flera blad eller filer.",
		"The sheet %[1]q has more than %[2]d rows. Split it into several sheets or files."},
	"file.zip_bomb": {"Arbetsboken packas upp till mer än %[1]d MiB och kan inte läsas; den kan vara skadad. Öppna den i Excel eller LibreOffice, spara den som .xlsx och försök igen.",
		"The workbook unpacks to more than %[1]d MiB and cannot be read; it may be damaged. Open it in Excel or LibreOffice, save it as .xlsx and try again."},
	"file.xls": {"Filen är en gammal Excel-fil (.xls, Excel 97–2003). Öppna den i Excel eller LibreOffice, välj Spara som → Excel-arbetsbok (.xlsx) och importera den nya filen.",
		"The file is an old Excel file (.xls, Excel 97–2003). Open it in Excel or LibreOffice, choose Save as → Excel workbook (.xlsx) and import the new file."},
	"file.ods": {"Filen är ett OpenDocument-kalkylark (.ods). Spara den som Excel-arbetsbok (.xlsx) och importera den nya filen.",
		"The file is an OpenDocument spreadsheet (.ods). Save it as an Excel workbook (.xlsx) and import the new file."},
	"file.encrypted": {"Arbetsboken är lösenordsskyddad och kan inte läsas. Öppna den, ta bort lösenordet (Arkiv → Info → Skydda arbetsbok), spara och importera den igen.",
		"The workbook is password-protected and cannot be read. Open it, remove the password (File → Info → Protect Workbook), save it and import it again."},
	"file.not_spreadsheet": {"Filen är varken en Excel-arbetsbok (.xlsx) eller en CSV-fil. Spara kalkylarket som .xlsx eller .csv och försök igen.",
		"The file is neither an Excel workbook (.xlsx) nor a CSV file. Save the spreadsheet as .xlsx or .csv and try again."},
	"file.unreadable": {"Bladet %[1]q kunde inte läsas. Öppna filen i Excel eller LibreOffice, spara den på nytt som .xlsx och försök igen.",
		"The sheet %[1]q could not be read. Open the file in Excel or LibreOffice, save it again as .xlsx and try again."},
	"file.damaged": {"Bladet %[1]q är skadat: läsningen stannade på rad %[2]d (%[3]s). Inget har importerats. Öppna filen i Excel eller LibreOffice, kontrollera bladet från rad %[2]d, spara den på nytt som .xlsx och importera igen.",
		"The sheet %[1]q is damaged: reading stopped at row %[2]d (%[3]s). Nothing was imported. Open the file in Excel or LibreOffice, check the sheet from row %[2]d on, save it again as .xlsx and import it again."},
	"damage.truncated": {"bladet tar slut mitt i", "the sheet ends in the middle"},
	"damage.syntax":    {"ogiltig XML i bladet", "invalid XML in the sheet"},
	"damage.entity":    {"en okänd teckenreferens (&…;)", "an unknown character reference (&…;)"},
	"damage.encoding":  {"tecken som inte är giltig UTF-8", "characters that are not valid UTF-8"},
	"damage.mixed_encoding": {"filen blandar UTF-8 med en annan teckenkodning; spara den som CSV UTF-8",
		"the file mixes UTF-8 with another character encoding; save it as CSV UTF-8"},
	"damage.csv": {"ett citattecken som inte avslutas", "a quotation mark that is not closed"},
	"damage.zip": {"bladets del av zip-filen är skadad", "the sheet's part of the zip file is damaged"},
	"file.header_only": {"Bladet %[1]q har rubriker men inga rader att importera. Fyll i raderna under rubrikraden och försök igen.",
		"The sheet %[1]q has headers but no rows to import. Fill in the rows below the header row and try again."},

	"sheet.hidden":       {"Dolt blad: läses inte.", "Hidden sheet: not read."},
	"sheet.empty":        {"Tomt blad: inget att läsa.", "Empty sheet: nothing to read."},
	"sheet.instructions": {"Instruktioner: läses inte.", "Instructions: not read."},
	"sheet.unknown_kind": {"Bladets rubriker motsvarar inget som kan importeras. Använd rubrikerna för ett av dessa blad: %[1]s.",
		"The sheet's headers match nothing that can be imported. Use the headers of one of these sheets: %[1]s."},
	"sheet.expected": {"medlemmar (Namn, Typ, Kommunkod, Län, Invånare, Medlem sedan, Utträde); tjänster (Tjänst, Typ, Område, Start, Slut); anslutningar (Medlem, Tjänst, Från, Till – eller Medlem och en kolumn per tjänst); evenemang (Namn, Datum, Format, Roll); deltagande (Evenemang, Medlem, Antal); mål (År, Nr, Nyckel, Mål, Mått, Jämförelse, Målvärde); avgifter (År, Kategori, Invånare från, Invånare till, Medlemsinsats, Årsavgift)",
		"members (Name, Kind, Code, County, Population, Joined, Left); services (Service, Kind, Area, Started, Ended); participation (Member, Service, From, To – or Member and a column per service); events (Name, Date, Format, Role); attendance (Event, Member, Attendees); goals (Year, No, Key, Goal, Metric, Comparator, Target); fees (Year, Category, Population from, Population to, Contribution, Annual fee)"},
	"sheet.duplicate_column": {"Kolumnerna %[3]q och %[2]q betyder samma sak; bara %[3]q läses. Ta bort den ena om de inte stämmer överens.",
		"The columns %[3]q and %[2]q mean the same thing; only %[3]q is read. Remove one of them if they disagree."},
	"sheet.header_only": {"Bladet har rubriker men inga rader; inget importeras från det.",
		"The sheet has headers but no rows; nothing is imported from it."},

	"value.required":       {"Värdet saknas. Fyll i cellen.", "The value is missing. Fill in the cell."},
	"value.required_field": {"Ett värde för %[2]s saknas men behövs. Fyll i cellen.", "A value for %[2]s is missing but needed. Fill in the cell."},
	"value.integer": {"%[1]q är inget giltigt heltal. Skriv siffror, gärna med mellanslag mellan tusental, till exempel 10 532.",
		"%[1]q is not a valid whole number. Write digits, with spaces between thousands if you like, for example 10 532."},
	"value.money": {"%[1]q är inget belopp. Skriv kronor med siffror, till exempel 25 000.",
		"%[1]q is not an amount. Write kronor in digits, for example 25 000."},
	"value.date": {"%[1]q är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD (till exempel 2023-03-31), som ett årtal (2023) eller som ett Excel-datum.",
		"%[1]q is not a date. Write the date as YYYY-MM-DD (for example 2023-03-31), as a year (2023) or as an Excel date."},
	"value.date_number": {"%[1]q är ett tal utan datumformat. Ge cellen ett datumformat i Excel, eller skriv datumet som ÅÅÅÅ-MM-DD.",
		"%[1]q is a number without a date format. Give the cell a date format in Excel, or write the date as YYYY-MM-DD."},
	"value.date_range": {"%[1]q ligger utanför åren %[2]d–%[3]d. Rätta datumet.",
		"%[1]q lies outside the years %[2]d–%[3]d. Correct the date."},
	"value.date_order": {"Slutdatumet %[1]s ligger före startdatumet %[2]s. Rätta något av datumen.",
		"The end date %[1]s lies before the start date %[2]s. Correct one of the dates."},
	"value.date_order_to": {"Startdatumet %[1]s ligger efter slutdatumet %[2]s som redan står i registret. Rätta datumet.",
		"The start date %[1]s lies after the end date %[2]s already in the register. Correct the date."},

	"member.kind": {"%[1]q är ingen medlemstyp. Skriv kommun, region, kommunalförbund eller övrig.",
		"%[1]q is not a kind of member. Write municipality, region, association or other (kommun, region, kommunalförbund, övrig)."},
	"member.code": {"%[1]q är ingen kommunkod. En kommunkod har fyra siffror, till exempel 0180.",
		"%[1]q is not a municipality code. A code has four digits, for example 0180."},
	"member.unknown_code": {"Ingen kommun har koden %[1]q. Rätta koden, eller lämna cellen tom så hämtas koden från namnet.",
		"No municipality has the code %[1]q. Correct the code, or leave the cell empty to take the code from the name."},
	"member.unknown_municipality": {"%[1]q är ingen svensk kommun. Menade du %[2]s? Rätta namnet, eller skriv medlemstypen (region, kommunalförbund, övrig) om medlemmen inte är en kommun.",
		"%[1]q is not a Swedish municipality. Did you mean %[2]s? Correct the name, or write the kind (region, association, other) if the member is not a municipality."},
	"member.code_name_mismatch": {"Kommunkoden %[1]s hör till %[2]s, men namnet är %[3]q. Rätta koden eller namnet.",
		"The municipality code %[1]s belongs to %[2]s, but the name is %[3]q. Correct the code or the name."},
	"member.identity_conflict": {"Raden pekar på två olika medlemmar: %[2]s %[3]q är %[4]s, men %[5]s %[6]q är %[7]s. Importen väljer inte mellan dem: rätta den kolumn som är fel, så att kod, organisationsnummer och namn pekar på samma medlem.",
		"The row points at two different members: %[2]s %[3]q is %[4]s, but %[5]s %[6]q is %[7]s. The import does not choose between them: correct the column that is wrong, so that code, organisation number and name point at the same member."},
	"member.not_a_member": {"%[1]s (%[2]s, inte medlem)", "%[1]s (%[2]s, not a member)"},
	"member.region": {"Det går inte att avgöra vilken region %[2]q är. Skriv länskoden (två siffror, till exempel 20 för Region Dalarna) i kolumnen.",
		"Cannot tell which region %[2]q is. Write its county code (two digits, for example 20 for Region Dalarna) in the column."},
	"member.code_ignored": {"Koden %[1]q läses inte: bara kommuner och regioner har koder.",
		"The code %[1]q is not read: only municipalities and regions have codes."},
	"member.county": {"%[1]q är inget län. Skriv länets namn, till exempel Dalarnas län, eller dess kod.",
		"%[1]q is not a county. Write the county's name, for example Dalarnas län, or its code."},
	"member.county_mismatch": {"%[2]s ligger i %[3]s, inte i %[1]q. Rätta länet eller lämna cellen tom.",
		"%[2]s lies in %[3]s, not in %[1]q. Correct the county or leave the cell empty."},
	"member.org_number": {"%[1]q är inget giltigt organisationsnummer: tio siffror där den sista är en kontrollsiffra. Skriv det som NNNNNN-NNNN, till exempel 212000-1983, och kontrollera siffrorna.",
		"%[1]q is not a valid organisation number: ten digits, the last a check digit. Write it as NNNNNN-NNNN, for example 212000-1983, and check the digits."},
	"member.population_far": {"Invånarantalet %[1]s avviker mer än 10 %% från SCB:s %[2]d (%[3]d). Kontrollera siffran.",
		"The population %[1]s is more than 10%% off Statistics Sweden's %[2]d (%[3]d). Check the figure."},
	"member.email": {"%[1]q är ingen e-postadress. Skriv den som namn@exempel.se.",
		"%[1]q is not an e-mail address. Write it as name@example.se."},
	"member.ambiguous_period": {"Perioden överlappar flera medlemskap för %[2]s. Rätta datumen så att varje rad beskriver ett medlemskap.",
		"The period overlaps several memberships of %[2]s. Correct the dates so that each row describes one membership."},
	"member.duplicate": {"Samma medlemskap står redan på rad %[2]d. Ta bort den ena raden, eller ge dem perioder som inte överlappar.",
		"The same membership is already on row %[2]d. Remove one of the rows, or give them periods that do not overlap."},
	"member.kind_missing": {"Medlemstyp saknas, och %[2]q är ingen kommun (menade du %[3]s?). Skriv typen – region, kommunalförbund eller övrig – eller rätta namnet.",
		"The kind is missing, and %[2]q is not a municipality (did you mean %[3]s?). Write the kind – region, association or other – or correct the name."},
	"member.joined_required": {"%[2]s är en ny medlem och behöver ett datum i kolumnen för medlem sedan. Fyll i det.",
		"%[2]s is a new member and needs a date in the joined column. Fill it in."},
	"member.not_member": {"%[2]s är inte medlem enligt registret. Importera medlemmen först (i ett medlemsblad), eller rätta namnet.",
		"%[2]s is not a member in the register. Import the member first (in a members sheet), or correct the name."},
	"member.not_found": {"%[1]q finns inte bland medlemmarna. Menade du %[2]s? Rätta namnet, eller importera medlemmen först.",
		"%[1]q is not among the members. Did you mean %[2]s? Correct the name, or import the member first."},

	"service.kind": {"%[1]q är ingen typ av tjänst. Skriv tjänst eller nätverk.",
		"%[1]q is not a kind of service. Write service or network (tjänst, nätverk)."},
	"service.not_found": {"%[1]q finns inte bland tjänsterna och nätverken. Rätta namnet, eller importera tjänsten först (ett blad med Tjänst, Typ, Start).",
		"%[1]q is not among the services and networks. Correct the name, or import the service first (a sheet with Service, Kind, Started)."},
	"participation.outside_period": {"%[2]s var inte medlem %[1]s; anslutningen knyts till medlemskapet %[3]s.",
		"%[2]s was not a member on %[1]s; the participation goes with the membership %[3]s."},
	"participation.no_period": {"%[2]s var inte medlem %[1]s i något av sina medlemskap. Rätta datumet.",
		"%[2]s was not a member on %[1]s in any of its memberships. Correct the date."},
	"participation.ambiguous": {"Perioden överlappar flera anslutningar för %[2]s till %[3]s. Rätta datumen.",
		"The period overlaps several participations of %[2]s in %[3]s. Correct the dates."},
	"row.duplicate": {"Samma sak står redan på rad %[2]d. Ta bort eller rätta den ena raden.",
		"The same thing is already on row %[2]d. Remove or correct one of the rows."},
	"wide.cell": {"%[1]q går inte att läsa. Skriv x (eller ja, ✓) om medlemmen deltar, ett årtal eller det datum anslutningen började – eller lämna cellen tom.",
		"%[1]q cannot be read. Write x (or ja, ✓) if the member takes part, a year or the date the participation began – or leave the cell empty."},
	"wide.unknown_service": {"%[1]q är varken en tjänst eller ett nätverk i registret eller i filen. Rätta rubriken, eller importera tjänsten först.",
		"%[1]q is neither a service nor a network in the register or in the file. Correct the header, or import the service first."},
	"wide.starts_on_day": {"%[1]s anslöt till %[2]s samma dag som bladet visar (%[3]s), men cellen är tom. Skriv startdatumet i cellen, eller avsluta anslutningen i registret.",
		"%[1]s joined %[2]s on the day the sheet shows (%[3]s), but the cell is empty. Write the start date in the cell, or end the participation in the register."},

	"event.format": {"%[1]q är inget format. Skriv digital, fysisk eller hybrid.",
		"%[1]q is not a format. Write digital, physical or hybrid."},
	"event.role": {"%[1]q är ingen roll. Skriv värd eller deltagare.",
		"%[1]q is not a role. Write host or participant."},
	"event.not_found": {"Evenemanget %[1]q finns inte. Rätta namnet, eller importera evenemanget först (ett blad med Namn, Datum, Format, Roll).",
		"The event %[1]q does not exist. Correct the name, or import the event first (a sheet with Name, Date, Format, Role)."},
	"event.ambiguous": {"Flera evenemang heter %[1]q. Lägg till en kolumn Datum med evenemangets datum.",
		"Several events are called %[1]q. Add a Date column with the event's date."},

	"goal.metric": {"%[1]q är inget mått. Skriv ett av %[2]s, eller manuell.",
		"%[1]q is not a metric. Write one of %[2]s, or manual."},
	"goal.params": {"%[1]q går inte att läsa som parametrar. Skriv namn=värde, till exempel n=20 eller kind=kommun.",
		"%[1]q cannot be read as parameters. Write name=value, for example n=20 or kind=kommun."},
	"goal.param_name": {"Måttet %[2]s tar inte parametern %[3]s. Ta bort den.",
		"The metric %[2]s takes no parameter %[3]s. Remove it."},
	"goal.param_n": {"n ska vara ett positivt heltal, till exempel n=20.", "n must be a positive whole number, for example n=20."},
	"goal.comparator": {"%[1]q är ingen jämförelse. Skriv >=, >, <=, <, = eller mellan.",
		"%[1]q is not a comparator. Write >=, >, <=, <, = or between."},
	"goal.target": {"%[1]q är inget målvärde. Skriv ett tal, till exempel 125, eller en andel som 75 %%.",
		"%[1]q is not a target. Write a number, for example 125, or a share such as 75%%."},
	"goal.percent_not_share": {"Måttet %[2]s är ingen andel, så målvärdet kan inte skrivas i procent. Skriv ett tal.",
		"The metric %[2]s is not a share, so its target cannot be a percentage. Write a number."},
	"goal.share_target": {"En andels målvärde ligger mellan 0 och 100 %%. Skriv det som 75 %% eller 0,75.",
		"A share's target lies between 0 and 100%%. Write it as 75%% or 0,75."},
	"goal.upper_below": {"Det övre målvärdet %[1]s är lägre än målvärdet. Rätta något av dem.",
		"The upper target %[1]s is below the target. Correct one of them."},
	"goal.status": {"%[1]q är ingen status. Skriv uppnått (met), i fas (on track), i riskzonen (at risk) eller ej uppnått (missed).",
		"%[1]q is not a status. Write met, on track, at risk or missed."},
	"goal.status_ignored": {"Status sätts bara på manuella mål; %[1]q läses inte. Måttet avgör målets status.",
		"Only manual goals have a status set; %[1]q is not read. The metric decides the goal's status."},
	"goal.manual_ignores": {"Ett manuellt mål har varken jämförelse, målvärde eller parametrar; %[1]q läses inte.",
		"A manual goal has no comparator, target or parameters; %[1]q is not read."},
	"fee.category": {"%[1]q är ingen avgiftskategori. Skriv kommun eller övrig.",
		"%[1]q is not a fee category. Write kommun (municipality) or övrig (other)."},
	"fee.band": {"Invånare till (%[1]s) måste vara större än invånare från (%[2]d). Rätta gränserna.",
		"Population to (%[1]s) must be greater than population from (%[2]d). Correct the bounds."},

	"commit.errors": {"Filen har %[1]d fel, så inget skrevs. Rätta felen och försök igen.",
		"The file has %[1]d errors, so nothing was written. Correct them and try again."},
	"commit.changed": {"Registret har ändrats sedan förhandsvisningen, så inget skrevs. Förhandsgranska filen igen.",
		"The register has changed since the preview, so nothing was written. Preview the file again."},
	"commit.conflict": {"Någon annan ändrade registret samtidigt, så inget skrevs. Försök igen.",
		"Someone else changed the register at the same time, so nothing was written. Try again."},
	"undo.none": {"Det finns ingen import att ångra.", "There is no import to undo."},
	"undo.not_newest": {"Import %[1]d kan inte ångras före den senare import %[2]d. Ångra den först.",
		"Import %[1]d cannot be undone before the later import %[2]d. Undo that one first."},
	"undo.changed": {"Import %[1]d kan inte ångras: raden %[2]s har ändrats efter importen, och att ångra skulle ta bort den ändringen. Inget ångrades.",
		"Import %[1]d cannot be undone: the row %[2]s was changed after the import, and undoing would lose that change. Nothing was undone."},
	"undo.referenced": {"Import %[1]d kan inte ångras helt: rader i %[2]s som importen lade till används av data som lagts till senare. Ta bort de senare uppgifterna först.",
		"Import %[1]d cannot be fully undone: rows in %[2]s that it added are used by data added since. Remove that data first."},

	"report.problems":   {"Problem:", "Problems:"},
	"report.error":      {"FEL", "ERROR"},
	"report.warning":    {"VARNING", "WARNING"},
	"report.value":      {"värde", "value"},
	"report.total":      {"Totalt: %[1]d nya och %[2]d ändrade rader; %[3]d fel, %[4]d varningar.", "In all: %[1]d new and %[2]d changed rows; %[3]d errors, %[4]d warnings."},
	"report.sheet":      {"Blad", "Sheet"},
	"report.unknown":    {"okänd sorts blad", "unknown kind of sheet"},
	"report.header_row": {"rubriker på rad %[1]d", "headers on row %[1]d"},
	"report.day":        {"Bilden gäller %[1]s.", "The picture is of %[1]s."},
	"report.columns":    {"Kolumner", "Columns"},
	"report.ignored":    {"Läses inte", "Not read"},
	"report.counts":     {"%[1]d nya, %[2]d ändrade, %[3]d oförändrade, %[4]d avslutade", "%[1]d new, %[2]d changed, %[3]d unchanged, %[4]d ended"},
	"report.more":       {"… och %[1]d till (--json visar alla)", "… and %[1]d more (--json shows all)"},
	"report.new":        {"ny", "new"},
	"report.changed":    {"ändrad", "changed"},
	"report.ended":      {"avslutas", "ends"},

	"place.row":    {"rad %d", "row %d"},
	"place.column": {"kolumn %q", "column %q"},

	"kind.members":            {"medlemmar", "members"},
	"kind.services":           {"tjänster och nätverk", "services and networks"},
	"kind.participation":      {"anslutningar", "participation"},
	"kind.participation_wide": {"anslutningar per dag (en kolumn per tjänst)", "participation on a day (a column per service)"},
	"kind.events":             {"evenemang", "events"},
	"kind.attendance":         {"deltagande i evenemang", "event attendance"},
	"kind.goals":              {"mål", "goals"},
	"kind.fees":               {"avgifter", "fees"},
}
