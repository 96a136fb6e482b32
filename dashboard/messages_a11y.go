package dashboard

func init() { addMessages(a11yMessages) }

// a11yMessages are the texts of the layout's accessibility aids and of the
// accessibility statement's heading; the statement itself is in its
// template, one block per language.
var a11yMessages = map[string]map[string]string{
	"a11y.skip":           {langSv: "Till innehållet", langEn: "Skip to content"},
	"a11y.statement":      {langSv: "Tillgänglighetsredogörelse", langEn: "Accessibility statement"},
	"a11y.title":          {langSv: "Tillgänglighetsredogörelse för Målbild", langEn: "Accessibility statement for Målbild"},
	"table.scrolls":       {langSv: "Tabell som rullar", langEn: "Scrolling table"},
	"members.flow.joined": {langSv: "Medlemskapen som började %d, fram till dagens datum det året.", langEn: "The memberships that began in %d, up to the day shown in that year."},
	"members.flow.left":   {langSv: "Medlemskapen som upphörde %d, fram till dagens datum det året.", langEn: "The memberships that ended in %d, up to the day shown in that year."},
	"events.attendees":    {langSv: "Medlemmar (%s) som kom till evenemangen %d", langEn: "Members (%s) who came to the events of %d"},
	"print.asof":          {langSv: "Uppgifter per", langEn: "Figures as of"},
}

func init() { addMessages(fieldErrorMessages) }

// fieldErrorMessages say what is wrong with a field of the member form and
// what to write instead.
var fieldErrorMessages = map[string]map[string]string{
	"edit.err.summary":        {langSv: "Uppgifterna sparades inte. Rätta det som är fel:", langEn: "Nothing was saved. Correct what is wrong:"},
	"edit.err.population":     {langSv: "Invånare: ”%s” är inget heltal. Skriv antalet invånare med siffror, till exempel 98 100.", langEn: "Population: “%s” is not a whole number. Write the population in digits, for example 98 100."},
	"edit.err.negative":       {langSv: "Invånare: antalet kan inte vara negativt.", langEn: "Population: the number cannot be negative."},
	"edit.err.date":           {langSv: "%s: ”%s” går inte att läsa som datum. Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2023-06-30.", langEn: "%s: “%s” cannot be read as a date. Write it as YYYY-MM-DD, for example 2023-06-30."},
	"edit.err.name":           {langSv: "Namn: en medlem måste ha ett namn.", langEn: "Name: a member needs a name."},
	"edit.err.kind":           {langSv: "Typ: välj kommun, region, kommunalförbund eller övrig.", langEn: "Kind: choose municipality, region, association of municipalities or other."},
	"edit.err.code":           {langSv: "Kod: en kommunkod har fyra siffror, till exempel 0180; en regions kod är länets två siffror, till exempel 20.", langEn: "Code: a municipality code has four digits, such as 0180; a region's code is its county's two digits, such as 20."},
	"edit.err.county":         {langSv: "Länskod: en länskod har två siffror, till exempel 17.", langEn: "County code: a county code has two digits, such as 17."},
	"edit.err.org_number":     {langSv: "Organisationsnummer: skriv NNNNNN-NNNN med rätt kontrollsiffra.", langEn: "Organisation number: write NNNNNN-NNNN with a correct check digit."},
	"edit.err.joined":         {langSv: "Medlem sedan: skriv dagen då medlemskapet började, som ÅÅÅÅ-MM-DD.", langEn: "Member since: write the day the membership began, as YYYY-MM-DD."},
	"edit.err.left":           {langSv: "Sista medlemsdag: dagen kan inte vara före dagen då medlemskapet började.", langEn: "Last day of membership: it cannot be before the day the membership began."},
	"edit.err.goal_status":    {langSv: "Status: välj uppnått, i fas, risk eller ej uppnått.", langEn: "Status: choose met, on track, at risk or missed."},
	"edit.err.goal_judgement": {langSv: "Bedömning: skriv högst 2 000 tecken.", langEn: "Judgement: write at most 2,000 characters."},
	"edit.err.goal_comment":   {langSv: "Kommentar: skriv mellan 1 och 2 000 tecken.", langEn: "Comment: write between 1 and 2,000 characters."},
	"edit.err.contact_email":  {langSv: "E-post: skriv en e-postadress, till exempel namn@kommun.se.", langEn: "E-mail: write an e-mail address, such as name@municipality.se."},
}
