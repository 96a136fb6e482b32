package dashboard

import (
	"math"
	"net/url"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// mapArea is one county of a map chart: Value colours it, Tooltip is the
// text its tooltip shows (already in the page's language and number format,
// which ECharts' own templates cannot do), Link where a click leads.
type mapArea struct {
	Name    string
	Value   float64
	Tooltip string
	Link    string
}

// mapSeries is the series of a map chart. go-echarts' own series type has
// no aspectScale and no per-area tooltip, so the map's series is written
// here (ShowLegendSymbol stays false: no dot on every county); the rest of
// the option still comes from go-echarts.
type mapSeries struct {
	Type             string         `json:"type"`
	Name             string         `json:"name"`
	Map              string         `json:"map"`
	AspectScale      float64        `json:"aspectScale"`
	Roam             bool           `json:"roam"`
	ShowLegendSymbol bool           `json:"showLegendSymbol"`
	SelectedMode     bool           `json:"selectedMode"`
	Data             []mapDatum     `json:"data"`
	Emphasis         mapEmphasis    `json:"emphasis"`
	Label            map[string]any `json:"label"`
}

type mapDatum struct {
	Name    string         `json:"name"`
	Value   float64        `json:"value"`
	Tooltip map[string]any `json:"tooltip"`
}

type mapEmphasis struct {
	Label     map[string]any `json:"label"`
	ItemStyle map[string]any `json:"itemStyle"`
}

// swedenAspect squeezes longitude against latitude: at Sweden's latitudes
// (about 62° N) a degree of longitude is half as long as one of latitude.
const swedenAspect = 0.5

// countyMapChart colours Sweden's counties, whose boundaries charts.js
// loads from mapURL, by value on a scale from 0 to max with its ends
// labelled low and high; clicking a county follows its Link.
func countyMapChart(mapURL, name string, areas []mapArea, max float64, low, high string) chartBlock {
	m := charts.NewMap()
	m.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithVisualMapOpts(opts.VisualMap{Type: "continuous", Max: float32(max), Text: []string{high, low},
			Left: "0", Bottom: "8", InRange: &opts.VisualMapInRange{Color: []string{"#eef2f8", "#1f5fa8"}}}),
		charts.WithAnimation(false),
	)
	option := optionsOf(m)
	s := mapSeries{Type: "map", Name: name, Map: countyMap, AspectScale: swedenAspect, Data: make([]mapDatum, len(areas)),
		Label:    map[string]any{"show": false},
		Emphasis: mapEmphasis{Label: map[string]any{"show": false}, ItemStyle: map[string]any{"areaColor": "#f0b429"}}}
	links := make([]string, len(areas))
	for i, a := range areas {
		s.Data[i] = mapDatum{Name: a.Name, Value: a.Value, Tooltip: map[string]any{"formatter": a.Tooltip}}
		links[i] = a.Link
	}
	option["series"] = []mapSeries{s}
	return chartBlock{Option: option, Links: links, MapURL: mapURL, MapName: countyMap}
}

// coverageView is the coverage by county: the map, and the table with
// Sweden's totals below it.
type coverageView struct {
	Rows                                 []countyCoverageRow
	MemberMunicipalities, Municipalities int
	MemberPopulation, Population         int
	MunicipalityShare, PopulationShare   float64
	Chart                                chartBlock
}

type countyCoverageRow struct {
	analytics.CountyCoverage
	SwedenShare float64 // the county's member population ÷ Sweden's
	Link        string  // the member list of the county
}

// newCoverageView adds up the counties and colours the map by the share of
// each county's municipalities that are members; link carries the as-of
// date into the map's links.
func newCoverageView(l string, counties []analytics.CountyCoverage, mapURL string, link func(string) string) coverageView {
	v := coverageView{Municipalities: analytics.SwedenMunicipalities, Population: analytics.SwedenPopulation}
	var areas []mapArea
	for _, c := range counties {
		row := countyCoverageRow{CountyCoverage: c, Link: "/members?county=" + url.QueryEscape(c.Code)}
		row.SwedenShare = float64(c.MemberPopulation) / float64(v.Population)
		v.Rows = append(v.Rows, row)
		v.MemberMunicipalities += c.MemberMunicipalities
		v.MemberPopulation += c.MemberPopulation
		if c.Name == "" || c.MunicipalityShare == nil {
			continue // a code the reference data does not know has no area
		}
		areas = append(areas, mapArea{Name: c.Name, Value: math.Round(*c.MunicipalityShare*1000) / 10, Link: link(row.Link),
			Tooltip: locale.Text(l, "members.coverage.tooltip", c.Name, c.MemberMunicipalities, c.Municipalities,
				formatPercent(l, *c.MunicipalityShare))})
	}
	v.MunicipalityShare = float64(v.MemberMunicipalities) / float64(v.Municipalities)
	v.PopulationShare = float64(v.MemberPopulation) / float64(v.Population)
	v.Chart = countyMapChart(mapURL, locale.Text(l, "members.coverage.municipalities"), areas, 100,
		formatPercent(l, 0), formatPercent(l, 1))
	return v
}
