package demo

import (
	"time"

	"malbild/analytics"
)

// Goal areas (målområden) of the business plans.
const (
	areaMembers  = "Medlemmar"
	areaServices = "Tjänster"
	areaNetworks = "Nätverk"
	areaEvents   = "Konferenser"
)

// goals are the business plans from 2021 to the current year (DESIGN's goal
// table): the same keys across years, goal 3 dropped and goal 6 achieved after
// 2021, the network target raised from 2 to 4 in 2022, goal 10 new in 2022,
// goal 5 reached by its due date and removed after 2023. The plans after 2023
// carry the rest over, so that the board sees the goals of the year it is in.
// They are facts of the association, the same for every seed and size.
func goals(today time.Time) []analytics.Goal {
	var out []analytics.Goal
	for year := 2021; year <= max(2023, today.Year()); year++ {
		for _, gl := range planGoals(year) {
			gl.ID = int64(len(out) + 1)
			gl.Year = year
			out = append(out, gl)
		}
	}
	return out
}

func planGoals(year int) []analytics.Goal {
	networks := 4.0
	networksText := "Fyra kompetensnätverk ska ha minst 20 medlemskommuner vardera."
	if year == 2021 {
		networks = 2
		networksText = "Två kompetensnätverk ska ha minst 20 medlemskommuner vardera."
	}
	gs := []analytics.Goal{
		{Number: 1, Key: "members_125", Area: areaMembers, Metric: "members", Comparator: ">=", Target: num(125),
			Text: "Föreningen ska ha minst 125 medlemmar vid årets slut."},
		{Number: 2, Key: "second_service", Area: areaServices, Metric: "one_service_upgraded", Comparator: "=", Target: num(1),
			Text: "Varje medlemskommun som använder en tjänst ska börja använda ytterligare en."},
	}
	if year == 2021 {
		gs = append(gs, analytics.Goal{Number: 3, Key: "services_per_member", Area: areaServices,
			Metric: "services_per_member", Comparator: ">=", Target: num(1.5),
			Text:          "Medlemmarna ska i genomsnitt använda minst 1,5 samverkanstjänster.",
			RemovedReason: "Utgår: ersätts av mål 4"})
	}
	gs = append(gs, analytics.Goal{Number: 4, Key: "activate_unengaged", Area: areaServices, Metric: "unengaged_activated",
		Comparator: "=", Target: num(1),
		Text: "Medlemskommuner som inte använder någon tjänst ska börja använda en tjänst eller gå med i ett nätverk."})
	if year <= 2023 {
		g5 := analytics.Goal{Number: 5, Key: "top_service_75", Area: areaServices, Metric: "top_service_share",
			Comparator: ">", Target: num(0.75), DueOn: date(2023, time.December, 31),
			Text: "En digital tjänst ska användas av mer än tre fjärdedelar av alla medlemmar senast 2023."}
		if year == 2023 {
			g5.RemovedReason = "Uppnått 2023: Bibblix används av mer än tre fjärdedelar av medlemmarna"
		}
		gs = append(gs, g5)
	}
	if year == 2021 {
		gs = append(gs, analytics.Goal{Number: 6, Key: "municipality_coverage", Area: areaMembers,
			Metric: "municipality_coverage", Comparator: ">=", Target: num(0.45),
			Text:          "Minst 45 % av landets kommuner ska vara medlemmar.",
			RemovedReason: "Uppnått 2021"})
	}
	gs = append(gs, manualGoal(year),
		analytics.Goal{Number: 8, Key: "competence_networks", Area: areaNetworks, Metric: "networks_min_participants",
			Params: "n=20", Comparator: ">=", Target: num(networks), Text: networksText},
		analytics.Goal{Number: 9, Key: "digital_conferences", Area: areaEvents, Metric: "digital_conferences",
			Comparator: ">=", Target: num(1),
			Text: "Föreningen ska delta i eller arrangera en till två digitala konferenser per år."},
	)
	if year >= 2022 {
		gs = append(gs, analytics.Goal{Number: 10, Key: "no_members_lost", Area: areaMembers, Metric: "members_lost",
			Comparator: "=", Target: num(0), Text: "Föreningen ska inte förlora någon medlem under året."})
	}
	return gs
}

// manualGoal is goal 7, judged by the board: a status and a comment per year.
func manualGoal(year int) analytics.Goal {
	gl := analytics.Goal{Number: 7, Key: "experience_networks", Area: areaNetworks, Metric: "manual",
		Text: "Det ska finnas tydliga nätverk för erfarenhetsutbyte kring tjänsterna."}
	switch year {
	case 2021:
		gl.Status, gl.StatusSetOn = "on_track", date(2021, time.October, 12)
		gl.Comment = "Förvaltningsråd finns för Bibblix, Egil och FixaMinGata; ett nätverk för SS 12000 startar under hösten."
	case 2022:
		gl.Status, gl.StatusSetOn = "met", date(2022, time.November, 8)
		gl.Comment = "Alla tjänster har nu ett förvaltningsråd eller nätverk med minst två träffar per år."
	case 2023:
		gl.Status, gl.StatusSetOn = "at_risk", date(2023, time.September, 19)
		gl.Comment = "Nätverket för Multifråga har inte träffats sedan våren; styrelsen följer upp på nästa möte."
	default:
		gl.Status, gl.StatusSetOn = "on_track", date(year, time.March, 14)
		gl.Comment = "Nätverken träffas enligt plan; Multifråga har fått en ny sammankallande."
	}
	return gl
}

func num(v float64) *float64 { return &v }
