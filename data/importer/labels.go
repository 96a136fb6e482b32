package importer

// fieldLabels name the fields in the plan, Swedish then English.
var fieldLabels = map[string][2]string{
	"field.name":            {"namn", "name"},
	"field.kind":            {"typ", "kind"},
	"field.code":            {"kod", "code"},
	"field.org_number":      {"organisationsnummer", "organisation number"},
	"field.county":          {"län", "county"},
	"field.population":      {"invånare", "population"},
	"field.group":           {"grupp", "group"},
	"field.joined":          {"medlem sedan", "joined"},
	"field.left":            {"utträde", "left"},
	"field.contact":         {"kontaktperson", "contact"},
	"field.email":           {"e-post", "e-mail"},
	"field.area":            {"område", "area"},
	"field.started":         {"start", "started"},
	"field.ended":           {"slut", "ended"},
	"field.member":          {"medlem", "member"},
	"field.service":         {"tjänst eller nätverk", "service or network"},
	"field.from":            {"från", "from"},
	"field.to":              {"till", "to"},
	"field.date":            {"datum", "date"},
	"field.format":          {"format", "format"},
	"field.role":            {"roll", "role"},
	"field.event":           {"evenemang", "event"},
	"field.attendees":       {"antal deltagare", "attendees"},
	"field.year":            {"år", "year"},
	"field.number":          {"nummer", "number"},
	"field.key":             {"nyckel", "key"},
	"field.text":            {"mål", "goal"},
	"field.metric":          {"mått", "metric"},
	"field.params":          {"parameter", "parameters"},
	"field.comparator":      {"jämförelse", "comparator"},
	"field.target":          {"målvärde", "target"},
	"field.upper_target":    {"övre målvärde", "upper target"},
	"field.due":             {"slutdatum", "due date"},
	"field.status":          {"status", "status"},
	"field.status_date":     {"statusdatum", "status date"},
	"field.comment":         {"kommentar", "comment"},
	"field.category":        {"kategori", "category"},
	"field.population_from": {"invånare från", "population from"},
	"field.population_to":   {"invånare till", "population to"},
	"field.contribution":    {"medlemsinsats", "contribution"},
	"field.annual_fee":      {"årsavgift", "annual fee"},
}

func init() {
	for key, texts := range fieldLabels {
		catalogue[key] = texts
	}
}
