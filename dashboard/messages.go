package dashboard

import "fmt"

// Languages of the interface; Swedish is the default.
const (
	langSv = "sv"
	langEn = "en"
)

// messages is the catalogue of every text the pages show, by key and language.
// Each page's file adds its own texts with addMessages; a key missing in a
// language is a defect that TestCatalogueIsComplete finds.
var messages = map[string]map[string]string{}

// addMessages adds a page's texts to the catalogue; a key defined twice is a
// defect and panics at start.
func addMessages(texts map[string]map[string]string) {
	for key, byLang := range texts {
		if _, dup := messages[key]; dup {
			panic("message key defined twice: " + key)
		}
		messages[key] = byLang
	}
}

func init() { addMessages(commonMessages) }

// commonMessages are the texts of the layout and of every page.
var commonMessages = map[string]map[string]string{
	"app.name":                {langSv: "Målbild", langEn: "Målbild"},
	"app.tagline":             {langSv: "Mål och medlemskap", langEn: "Goals and membership"},
	"nav.overview":            {langSv: "Översikt", langEn: "Overview"},
	"nav.goals":               {langSv: "Mål", langEn: "Goals"},
	"nav.members":             {langSv: "Medlemmar", langEn: "Members"},
	"nav.services":            {langSv: "Tjänster och nätverk", langEn: "Services and networks"},
	"nav.events":              {langSv: "Evenemang", langEn: "Events"},
	"nav.fees":                {langSv: "Avgifter", langEn: "Fees"},
	"nav.import":              {langSv: "Import", langEn: "Import"},
	"nav.export":              {langSv: "Export", langEn: "Export"},
	"nav.language":            {langSv: "In English", langEn: "På svenska"},
	"asof.label":              {langSv: "Per dag", langEn: "As of"},
	"asof.show":               {langSv: "Visa", langEn: "Show"},
	"asof.invalid":            {langSv: "Datumet %q kunde inte läsas. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2023-06-30.", langEn: "The date %q could not be read. Write it as YYYY-MM-DD, for example 2023-06-30."},
	"overview.title":          {langSv: "Översikt", langEn: "Overview"},
	"overview.members":        {langSv: "Medlemmar", langEn: "Members"},
	"overview.growth":         {langSv: "Medlemmar över tid", langEn: "Members over time"},
	"overview.growth.note":    {langSv: "Antal medlemmar vid varje årsskifte och per vald dag.", langEn: "Number of members at each year end and on the chosen day."},
	"overview.empty":          {langSv: "Det finns inga medlemmar i databasen ännu. Importera medlemsregistret för att komma igång.", langEn: "The database holds no members yet. Import the member register to get started."},
	"overview.start.title":    {langSv: "Välkommen till Målbild", langEn: "Welcome to Målbild"},
	"overview.start.import":   {langSv: "Till importen", langEn: "Go to the import"},
	"overview.figures":        {langSv: "Nyckeltal", langEn: "Key figures"},
	"overview.goals":          {langSv: "Årets mål", langEn: "This year's goals"},
	"overview.goal":           {langSv: "Mål", langEn: "Goal"},
	"overview.coverage":       {langSv: "Tjänsternas täckning", langEn: "Coverage of the services"},
	"overview.coverage.note":  {langSv: "Andel av alla medlemmar som använder tjänsten, mot linjen för tre fjärdedelar.", langEn: "Share of all members using the service, against the three-quarter line."},
	"overview.coverage.share": {langSv: "Andel av medlemmarna", langEn: "Share of members"},
	"overview.service":        {langSv: "Tjänst", langEn: "Service"},
	"overview.participants":   {langSv: "Deltagare", langEn: "Participants"},
	"table.date":              {langSv: "Datum", langEn: "Date"},
	"table.members":           {langSv: "Medlemmar", langEn: "Members"},
	"pager.label":             {langSv: "Sidor", langEn: "Pages"},
	"pager.prev":              {langSv: "← Föregående", langEn: "← Previous"},
	"pager.next":              {langSv: "Nästa →", langEn: "Next →"},
	"pager.showing":           {langSv: "Rad %d–%d av %d", langEn: "Rows %d–%d of %d"},
	"error.title":             {langSv: "Något gick fel", langEn: "Something went wrong"},
	"error.notfound":          {langSv: "Sidan finns inte.", langEn: "The page does not exist."},
	"error.internal":          {langSv: "Ett internt fel inträffade. Försök igen, och kontakta administratören om det upprepas.", langEn: "An internal error occurred. Try again, and contact the administrator if it happens again."},
	"error.back":              {langSv: "Till översikten", langEn: "Back to the overview"},
}

// translate returns the text of key in lang, formatted with args.
func translate(lang, key string, args ...any) string {
	text, ok := messages[key][lang]
	if !ok {
		return "[" + key + "]"
	}
	if len(args) > 0 {
		return fmt.Sprintf(text, args...)
	}
	return text
}
