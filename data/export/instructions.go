package export

import (
	"malbild/analytics"

	"malbild/analytics/locale"
)

// instructions are the template's instructions: a title, then paragraphs,
// in Swedish and then in English.
var instructions = [2]struct {
	title      string
	paragraphs []string
	metrics    string
}{
	{
		title: "Importmall för Målbild",
		paragraphs: []string{
			"Fyll i de blad du behöver: Medlemmar, Tjänster, Deltagande, Evenemang, Närvaro, Mål och Avgiftstabell. Blad du inte behöver kan du ta bort eller lämna tomma.",
			"Rad 2 i varje blad är ett exempel i grå kursiv stil. Dess första cell börjar med \"Exempel:\", och en sådan rad importeras aldrig: importen hoppar över den och säger det. Skriv över raden (hela första cellen) eller ta bort den.",
			"Rubrikerna avgör vad ett blad innehåller, inte bladets namn. De får stå i valfri ordning, med stora eller små bokstäver, och det får finnas rubrikrader ovanför.",
			"Datum skrivs ÅÅÅÅ-MM-DD (2024-01-01) eller som Excel-datum. Ett årtal som 2008 betyder 1 januari som start och 31 december som slut.",
			"Tal får ha mellanslag mellan tusental (10 532) och komma som decimaltecken (1,5). Målvärden för andelar skrivs 75 % eller 0,75.",
			"Kod är kommunkoden med fyra siffror för en kommun (0180) och länskoden med två siffror för en region.",
			"En medlem som har gått ur och gått med igen har två rader med samma kod och perioder som inte överlappar.",
			"I Deltagande och Närvaro anges medlemmen med namn eller kod. En tjänst måste redan finnas eller stå i bladet Tjänster i samma fil. Närvaro anger evenemangets datum när flera evenemang har samma namn.",
			"Listorna i cellerna föreslår giltiga värden. Även engelska ord fungerar (municipality, service, network, host …).",
			"Importera filen på sidan Import eller med kommandot malbild import FIL. Först visas en förhandsgranskning med nya och ändrade rader och alla fel; ingenting skrivs förrän du bekräftar.",
		},
		metrics: "Mått för mål (kolumnen Mått): nyckel och vad den mäter",
	},
	{
		title: "Import template for Målbild",
		paragraphs: []string{
			"Fill in the sheets you need: Medlemmar (members), Tjänster (services), Deltagande (participation), Evenemang (events), Närvaro (attendance), Mål (goals) and Avgiftstabell (fee schedule). Delete the sheets you do not need or leave them empty.",
			"Row 2 of every sheet is an example in grey italics. Its first cell starts with \"Exempel:\", and such a row is never imported: the import skips it and says so. Overwrite the row (the whole first cell) or delete it.",
			"The headers decide what a sheet holds, not the sheet's name. They may stand in any order and case, with title rows above them; English headers work too.",
			"Write dates as YYYY-MM-DD (2024-01-01) or as Excel dates. A year such as 2008 means 1 January as a start and 31 December as an end.",
			"Numbers may group thousands with spaces (10 532) and use a decimal comma (1,5). Targets for shares are written 75 % or 0.75.",
			"Kod (code) is the four-digit municipality code for a municipality (0180) and the two-digit county code for a region.",
			"A member that left and rejoined has two rows with the same code and periods that do not overlap.",
			"In Deltagande and Närvaro the member is given by name or code. A service must exist already or be listed in the sheet Tjänster of the same file. Närvaro gives the event's date when several events share a name.",
			"The lists in the cells suggest valid values. English words work as well (municipality, service, network, host …).",
			"Import the file on the Import page or with the command malbild import FILE. A preview shows the new and changed rows and every problem first; nothing is written until you confirm.",
		},
		metrics: "Metrics for goals (column Mått): key and what it measures",
	},
}

// instructionsSheet writes the instructions, Swedish then English, and the
// metric keys with what each measures.
func (b *book) instructionsSheet() error {
	const sheet = "Instruktioner"
	if err := b.addSheet(sheet, ""); err != nil {
		return err
	}
	// A paragraph spans both columns; a metric's key is in A, its label in B.
	const keyWidth, labelWidth = 28, 62
	if err := b.f.SetColWidth(sheet, "A", "A", keyWidth); err != nil {
		return err
	}
	if err := b.f.SetColWidth(sheet, "B", "B", labelWidth); err != nil {
		return err
	}
	w := b.cells(sheet)
	row := 1
	for i, in := range instructions {
		lang := locale.Sv
		if i == 1 {
			lang = locale.En
		}
		w.set(1, row, in.title, b.st.title)
		row += 2
		for _, p := range in.paragraphs {
			w.set(1, row, p, b.st.wrap)
			if w.err == nil {
				w.err = b.f.MergeCell(sheet, cellName(1, row), cellName(2, row))
			}
			if h := wrappedHeight(p, keyWidth+labelWidth); h > 0 && w.err == nil {
				w.err = b.f.SetRowHeight(sheet, row, h)
			}
			row++
		}
		row++
		w.set(1, row, in.metrics, b.st.section)
		row++
		for _, m := range analytics.MetricCatalog() {
			w.set(1, row, m.Key, 0)
			w.set(2, row, metricLabel(lang, m.Key), 0)
			row++
		}
		w.set(1, row, "manuell", 0)
		w.set(2, row, locale.Text(lang, "manual"), 0)
		row += 3
	}
	return w.err
}
