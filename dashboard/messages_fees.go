package dashboard

func init() { addMessages(feesMessages) }

// feesMessages are the texts of the fees page, some also shown with one
// member's fee.
var feesMessages = map[string]map[string]string{
	"fees.title":           {langSv: "Avgifter", langEn: "Fees"},
	"fees.schedule":        {langSv: "Avgiftstabell %d", langEn: "Fee schedule %d"},
	"fees.schedule.note":   {langSv: "Kommuner betalar efter invånarantal; intervallen gäller från och med den nedre gränsen till men inte med den övre. Övriga organisationer betalar en egen rad. Belopp i kronor.", langEn: "Municipalities pay by population; a band runs from its lower bound up to but not including the upper one. Other organisations pay a row of their own. Amounts in SEK."},
	"fees.noschedule":      {langSv: "Det finns ingen avgiftstabell för %d. Importera årets avgiftstabell för att se avgiftslistan.", langEn: "There is no fee schedule for %d. Import the year's fee schedule to see the fee list."},
	"fees.band":            {langSv: "Avgiftsklass (invånare)", langEn: "Band (population)"},
	"fees.category":        {langSv: "Kategori", langEn: "Category"},
	"fees.category.kommun": {langSv: "Kommun", langEn: "Municipality"},
	"fees.band.other":      {langSv: "Övriga organisationer", langEn: "Other organisations"},
	"fees.band.none":       {langSv: "Ingen klass passar", langEn: "No band fits"},
	"fees.band.below":      {langSv: "Under %s", langEn: "Below %s"},
	"fees.band.between":    {langSv: "%s–%s", langEn: "%s–%s"},
	"fees.band.above":      {langSv: "Från %s", langEn: "%s and more"},
	"fees.from":            {langSv: "Invånare från", langEn: "Population from"},
	"fees.to":              {langSv: "Invånare till", langEn: "Population to"},
	"fees.contribution":    {langSv: "Medlemsinsats", langEn: "Contribution"},
	"fees.annual":          {langSv: "Årsavgift", langEn: "Annual fee"},
	"fees.months":          {langSv: "Månader", langEn: "Months"},
	"fees.total":           {langSv: "Att betala", langEn: "To pay"},
	"fees.members":         {langSv: "Medlemmar", langEn: "Members"},
	"fees.income":          {langSv: "Avgiftsintäkter per år", langEn: "Fee income per year"},
	"fees.income.note":     {langSv: "Årsavgifterna för medlemmarna vid varje årsskifte och per vald dag, utan medlemsinsatser. Klicka på en stapel för den dagens avgifter.", langEn: "The annual fees of the members at each year end and on the chosen day, without contributions. Click a bar for that day's fees."},
	"fees.income.amount":   {langSv: "Årsavgifter", langEn: "Annual fees"},
	"fees.income.millions": {langSv: "%s mnkr", langEn: "SEK %sm"},
	"fees.list":            {langSv: "Avgiftslista %d", langEn: "Fee list %d"},
	"fees.list.note":       {langSv: "Alla som är medlemmar någon gång under året. Nya medlemmar betalar medlemsinsats och årsavgift för månaderna efter inträdesmånaden; den som går med igen betalar halv insats. Belopp i kronor.", langEn: "Everyone who is a member at some time in the year. New members pay the contribution and the annual fee for the months after the month they joined; a member that rejoins pays half the contribution. Amounts in SEK."},
	"fees.rejoined":        {langSv: "åter", langEn: "rejoined"},
	"fees.nomembers":       {langSv: "Inga medlemmar under året.", langEn: "No members in the year."},
	"fees.sum":             {langSv: "Summa för %d medlemskap", langEn: "Total of %d memberships"},
	"fees.groups":          {langSv: "Per grupp", langEn: "By group"},
}
