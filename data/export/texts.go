package export

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"malbild/analytics"
)

// texts are the report's words in Swedish and English, by key; sheet names
// are among them ("sheet.*"), so an English report has English sheets.
var texts = map[string][2]string{
	"sheet.summary":     {"Sammanfattning", "Summary"},
	"sheet.charts":      {"Diagram", "Charts"},
	"sheet.members":     {"Medlemmar", "Members"},
	"sheet.services":    {"Tjänster", "Services"},
	"sheet.networks":    {"Nätverk", "Networks"},
	"sheet.matrix":      {"Matris", "Matrix"},
	"sheet.development": {"Utveckling", "Development"},
	"sheet.changes":     {"Nya och avslutade", "Joined and left"},
	"sheet.history":     {"Målhistorik", "Goal history"},
	"sheet.chartdata":   {"Diagramdata", "Chart data"},

	"title":                  {"Årsmötesrapport %d", "Annual meeting report %d"},
	"months":                 {"jan feb mar apr maj jun jul aug sep okt nov dec", "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"},
	"page":                   {"sida &P av &N", "page &P of &N"},
	"asof":                   {"Per dag", "As of"},
	"year":                   {"Verksamhetsår", "Year"},
	"keyfigures":             {"Nyckeltal", "Key figures"},
	"made":                   {"Framtagen", "Made"},
	"made.by":                {"av %s", "by %s"},
	"goals.counts":           {"Målen", "The goals"},
	"count.met":              {"uppnått|uppnådda", "met|met"},
	"count.on_track":         {"i fas|i fas", "on track|on track"},
	"count.at_risk":          {"risk|risk", "at risk|at risk"},
	"count.missed":           {"ej uppnått|ej uppnådda", "missed|missed"},
	"count.no_data":          {"utan data|utan data", "no data|no data"},
	"change.short":           {"Förändring", "Change"},
	"verdict":                {"Bedömning", "Verdict"},
	"verdict.meets":          {"når målet", "meets the target"},
	"verdict.short":          {"når inte målet", "falls short"},
	"statusdate":             {"Statusdatum", "Status date"},
	"left":                   {"Utträde", "Left"},
	"change.kind":            {"Händelse", "Event"},
	"change.joined":          {"ny medlem", "joined"},
	"change.left":            {"utträde", "left"},
	"changes.total":          {"%d nya, %d avslutade", "%d joined, %d left"},
	"matrix.others":          {"Övriga %d: antal", "Other %d: count"},
	"history.year":           {"År", "Year"},
	"history.change":         {"Ändring", "Change"},
	"history.terms":          {"Mått och målvärde", "Metric and target"},
	"history.before":         {"Tidigare", "Before"},
	"history.introduced":     {"nytt mål", "introduced"},
	"history.target_changed": {"nytt målvärde", "target changed"},
	"history.carried_over":   {"oförändrat", "carried over"},
	"history.removed":        {"borttaget", "removed"},
	"goals":                  {"Mål %d", "Goals %d"},
	"goals.none":             {"Verksamhetsplanen för året har inga mål.", "The business plan of the year has no goals."},
	"metric":                 {"Mått", "Metric"},
	"value":                  {"Värde", "Value"},
	"concerns":               {"Avser", "Concerns"},
	"number":                 {"Nr", "No"},
	"goal":                   {"Mål", "Goal"},
	"area":                   {"Område", "Area"},
	"comparator":             {"Jämförelse", "Comparator"},
	"target":                 {"Målvärde", "Target"},
	"upper":                  {"Övre målvärde", "Upper target"},
	"status":                 {"Status", "Status"},
	"forecast":               {"Prognos", "Forecast"},
	"due":                    {"Slutdatum", "Due"},
	"comment":                {"Kommentar", "Comment"},
	"manual":                 {"bedöms av styrelsen", "judged by the board"},
	"cmp.between":            {"mellan", "between"},

	"name":           {"Namn", "Name"},
	"kind":           {"Typ", "Kind"},
	"code":           {"Kod", "Code"},
	"county":         {"Län", "County"},
	"population":     {"Invånare", "Population"},
	"group":          {"Grupp", "Group"},
	"joined":         {"Medlem sedan", "Member since"},
	"services":       {"Tjänster", "Services"},
	"networks":       {"Nätverk", "Networks"},
	"fee":            {"Årsavgift %d", "Annual fee %d"},
	"contact":        {"Kontaktperson", "Contact"},
	"email":          {"E-post", "E-mail"},
	"total":          {"Summa", "Total"},
	"count":          {"Antal", "Count"},
	"member":         {"Medlem", "Member"},
	"service":        {"Tjänst", "Service"},
	"network":        {"Nätverk", "Network"},
	"participants":   {"Deltagare", "Participants"},
	"municipalities": {"Varav kommuner", "Of which municipalities"},
	"share":          {"Andel av medlemmarna", "Share of members"},
	"change":         {"Förändring sedan %s", "Change since %s"},
	"line.share":     {"Målnivå 75 %", "Target line 75%"},
	"line.network":   {"Målnivå 20 kommuner", "Target line 20 municipalities"},
	"date":           {"Datum", "Date"},
	"top.service":    {"Största tjänsten", "Top service"},
	"target.line":    {"Mål: %s", "Target: %s"},

	"chart.members":  {"Medlemmar över tid mot målet", "Members over time against the target"},
	"chart.coverage": {"Andel av medlemmarna per tjänst mot 75 %", "Share of members per service against 75%"},
	"chart.networks": {"Kommuner per nätverk mot 20", "Municipalities per network against 20"},
	"chart.month":    {"Månad", "Month"},
	"chart.others":   {"övriga (%d st, medel)", "others (%d, mean)"},
	"chart.alt":      {"Siffrorna finns på bladet %s.", "The numbers are on the sheet %s."},

	"kind.kommun":          {"kommun", "municipality"},
	"kind.region":          {"region", "region"},
	"kind.kommunalforbund": {"kommunalförbund", "association"},
	"kind.ovrig":           {"övrig", "other"},

	"status.met":      {"Uppnått", "Met"},
	"status.on_track": {"I fas", "On track"},
	"status.at_risk":  {"Risk", "At risk"},
	"status.missed":   {"Ej uppnått", "Missed"},
	"status.no_data":  {"Inga data", "No data"},

	"m.members":                   {"Medlemmar", "Members"},
	"m.members_joined":            {"Nya medlemmar under året", "Members joined this year"},
	"m.members_lost":              {"Förlorade medlemmar under året", "Members lost this year"},
	"m.services_per_member":       {"Tjänster per medlem", "Services per member"},
	"m.one_service_upgraded":      {"Kommuner med en tjänst som lagt till en", "Municipalities with one service that added one"},
	"m.unengaged_members":         {"Medlemmar utan tjänst eller nätverk", "Members with no service or network"},
	"m.unengaged_activated":       {"Kommuner utan tjänst som börjat med en", "Unengaged municipalities that started one"},
	"m.top_service_share":         {"Största tjänstens andel av medlemmarna", "Share of members in the top service"},
	"m.networks_min_participants": {"Nätverk med minst 20 kommuner", "Networks with at least 20 municipalities"},
	"m.digital_conferences":       {"Digitala konferenser under året", "Digital conferences this year"},
	"m.municipality_coverage":     {"Andel av landets kommuner", "Share of Sweden's municipalities"},
	"m.population_coverage":       {"Andel av landets invånare", "Share of Sweden's population"},
	"m.fee_income":                {"Avgiftsintäkter (kr)", "Fee income (SEK)"},
}

// tr is the text of key in lang (LangEn or else Swedish), formatted with
// args; an unknown key is a defect that TestTextsAreComplete finds.
func tr(lang, key string, args ...any) string {
	pair, ok := texts[key]
	if !ok {
		return "[" + key + "]"
	}
	text := pair[0]
	if lang == LangEn {
		text = pair[1]
	}
	if len(args) > 0 {
		return fmt.Sprintf(text, args...)
	}
	return text
}

// formatNumber writes v with decimals as the language does: Swedish
// "1 234,5", English "1,234.5".
func formatNumber(lang string, v float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	sep, point := " ", ","
	if lang == LangEn {
		sep, point = ",", "."
	}
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString("−")
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(point + frac)
	}
	return b.String()
}

// metricLabel names a metric; an unknown key is shown as it is.
func metricLabel(lang, key string) string {
	if _, ok := texts["m."+key]; ok {
		return tr(lang, "m."+key)
	}
	return key
}

// statusLabel names a goal's status.
func statusLabel(lang string, s analytics.Status) string {
	if _, ok := texts["status."+string(s)]; ok {
		return tr(lang, "status."+string(s))
	}
	return string(s)
}

// kindLabel names a member kind as the import reads it.
func kindLabel(lang, kind string) string {
	if _, ok := texts["kind."+kind]; ok {
		return tr(lang, "kind."+kind)
	}
	return kind
}
