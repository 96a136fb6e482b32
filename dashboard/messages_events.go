package dashboard

func init() { addMessages(eventsMessages) }

// eventsMessages are the texts of the events page.
var eventsMessages = map[string]map[string]string{
	"events.title":            {langSv: "Evenemang", langEn: "Events"},
	"events.peryear":          {langSv: "Evenemang per år", langEn: "Events per year"},
	"events.peryear.note":     {langSv: "Konferenser och möten som föreningen anordnat eller deltagit i, per format, till och med vald dag. Klicka på ett år för årets evenemang.", langEn: "Conferences and meetings the association hosted or took part in, by format, up to the chosen day. Click a year for its events."},
	"events.year":             {langSv: "År", langEn: "Year"},
	"events.count":            {langSv: "Totalt", langEn: "Total"},
	"events.format":           {langSv: "Format", langEn: "Format"},
	"events.format.digital":   {langSv: "Digitalt", langEn: "Digital"},
	"events.format.physical":  {langSv: "Fysiskt", langEn: "Physical"},
	"events.format.hybrid":    {langSv: "Hybrid", langEn: "Hybrid"},
	"events.role":             {langSv: "Roll", langEn: "Role"},
	"events.role.host":        {langSv: "Värd", langEn: "Host"},
	"events.role.participant": {langSv: "Deltagare", langEn: "Participant"},
	"events.list":             {langSv: "Evenemang %d", langEn: "Events %d"},
	"events.list.note":        {langSv: "Årets evenemang till och med vald dag, med antalet medlemmar som var där och hur många personer de skickade.", langEn: "The year's events up to the chosen day, with the members that were there and how many people they sent."},
	"events.name":             {langSv: "Evenemang", langEn: "Event"},
	"events.members":          {langSv: "Medlemmar", langEn: "Members"},
	"events.people":           {langSv: "Personer", langEn: "People"},
	"events.none":             {langSv: "Inga evenemang i år till och med vald dag.", langEn: "No events this year up to the chosen day."},
	"events.sum":              {langSv: "Summa för %d evenemang", langEn: "Total of %d events"},
	"events.bykind":           {langSv: "Deltagande per medlemstyp %d", langEn: "Attendance by member kind %d"},
	"events.bycounty":         {langSv: "Deltagande per län %d", langEn: "Attendance by county %d"},
	"events.nocounty":         {langSv: "Utan län", langEn: "No county"},
	"events.noattendance":     {langSv: "Ingen närvaro registrerad i år.", langEn: "No attendance recorded this year."},
}
