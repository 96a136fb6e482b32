package dashboard

func init() { addMessages(exportMessages) }

// exportMessages are the texts of the export page and its downloads.
var exportMessages = map[string]map[string]string{
	"export.title": {langSv: "Export", langEn: "Export"},
	"export.intro": {
		langSv: "Hämta årsmötesrapporten, registrets data, importmallen eller avgiftslistan som Excel-arbetsböcker (.xlsx).",
		langEn: "Download the annual meeting report, the registry's data, the import template or the fee list as Excel workbooks (.xlsx).",
	},
	"export.report": {langSv: "Årsmötesrapport", langEn: "Annual meeting report"},
	"export.report.note": {
		langSv: "Nyckeltal, årets mål med status i färg, medlemmar, tjänster, nätverk, matrisen medlem × tjänst och utvecklingen under året, med diagram. Utan datum: per 31 december, eller i dag om året inte är slut.",
		langEn: "Key figures, the year's goals with their status in colour, members, services, networks, the member × service matrix and the development over the year, with charts. Without a date: as of 31 December, or today while the year runs.",
	},
	"export.data": {langSv: "Data", langEn: "Data"},
	"export.data.note": {
		langSv: "Alla tabeller i importens eget format: en fil som importeras tillbaka utan ändringar.",
		langEn: "Every table in the import's own format: a file that imports back without changes.",
	},
	"export.template": {langSv: "Importmall", langEn: "Import template"},
	"export.template.note": {
		langSv: "Importens blad med rubriker, en exempelrad, listor att välja ur och instruktioner.",
		langEn: "The import's sheets with headers, an example row, drop-down lists and instructions.",
	},
	"export.fees": {langSv: "Avgiftslista", langEn: "Fee list"},
	"export.fees.note": {
		langSv: "Årets avgifter för fakturering: medlemsinsats, årsavgift och summa per medlem, per grupp och totalt.",
		langEn: "The year's fees for invoicing: contribution, annual fee and sum per member, per group and in total.",
	},
	"export.year":     {langSv: "År", langEn: "Year"},
	"export.asof":     {langSv: "Per dag", langEn: "As of"},
	"export.language": {langSv: "Språk", langEn: "Language"},
	"export.download": {langSv: "Hämta", langEn: "Download"},
	"export.personal": {
		langSv: "Exporterna innehåller inga personuppgifter (kontaktpersoner och e-postadresser).",
		langEn: "The exports contain no personal data (contact names and e-mail addresses).",
	},
	"export.badyear": {
		langSv: "Året %q kunde inte läsas. Skriv det med fyra siffror, till exempel 2026.",
		langEn: "The year %q could not be read. Write it with four digits, for example 2026.",
	},
	"export.badlanguage": {
		langSv: "Språket %q finns inte. Välj sv (svenska) eller en (engelska).",
		langEn: "There is no language %q. Choose sv (Swedish) or en (English).",
	},
	"export.asofbefore": {
		langSv: "Dagen %s ligger före år %d. Välj en dag under året eller senare.",
		langEn: "The day %s lies before the year %d. Choose a day in the year or later.",
	},
	"export.noschedule": {
		langSv: "Det finns ingen avgiftstabell för %d. Importera årets avgiftstabell först.",
		langEn: "There is no fee schedule for %d. Import the year's fee schedule first.",
	},
	"export.file.report": {langSv: "Årsmötesrapport %d", langEn: "Annual meeting report %d"},
	"export.file.asof":   {langSv: "per %s", langEn: "as of %s"},
}
