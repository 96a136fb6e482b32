package dashboard

import (
	"fmt"
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
	Name      string         `json:"name"`
	Value     float64        `json:"value"`
	ItemStyle map[string]any `json:"itemStyle"`
	Tooltip   map[string]any `json:"tooltip"`
}

type mapEmphasis struct {
	Label     map[string]any `json:"label"`
	ItemStyle map[string]any `json:"itemStyle"`
}

// swedenAspect squeezes longitude against latitude: at Sweden's latitudes
// (about 62° N) a degree of longitude is half as long as one of latitude.
const swedenAspect = 0.5

// mapLow and mapHigh are the ends of the map's colour scale, pale for 0
// and the palette's blue for the largest value.
const (
	mapLow  = "#eef2f8"
	mapHigh = "#1f5fa8"
)

// mapLegend is the map's colour scale under it: the colours of its ends and
// their labels.
type mapLegend struct {
	Low, High             string // labels, such as "0 %" and "100 %"
	LowColour, HighColour string
}

// countyMapChart colours Sweden's counties, whose boundaries charts.js
// loads from mapURL, by value on a scale from 0 to max (mapColour);
// clicking a county follows its Link. The colours are set here, not by
// ECharts' visualMap, whose code would add a third to the map's.
func countyMapChart(mapURL, name string, areas []mapArea, max float64) chartBlock {
	m := charts.NewMap()
	m.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithAnimation(false),
	)
	option := optionsOf(m)
	s := mapSeries{Type: "map", Name: name, Map: countyMap, AspectScale: swedenAspect, Data: make([]mapDatum, len(areas)),
		Label:    map[string]any{"show": false},
		Emphasis: mapEmphasis{Label: map[string]any{"show": false}, ItemStyle: map[string]any{"areaColor": "#f0b429"}}}
	links := make([]string, len(areas))
	for i, a := range areas {
		s.Data[i] = mapDatum{Name: a.Name, Value: a.Value, ItemStyle: map[string]any{"areaColor": mapColour(a.Value, max)},
			Tooltip: map[string]any{"formatter": a.Tooltip}}
		links[i] = a.Link
	}
	option["series"] = []mapSeries{s}
	return chartBlock{Option: option, Links: links, MapURL: mapURL, MapName: countyMap}
}

// mapColour is value's colour on the scale from mapLow at 0 to mapHigh at
// max, each channel in proportion, as ECharts' continuous visualMap mixes
// them.
func mapColour(value, max float64) string {
	t := 0.0
	if max > 0 {
		t = math.Min(1, math.Max(0, value/max))
	}
	var low, high [3]int
	fmt.Sscanf(mapLow, "#%02x%02x%02x", &low[0], &low[1], &low[2])
	fmt.Sscanf(mapHigh, "#%02x%02x%02x", &high[0], &high[1], &high[2])
	var mixed [3]int
	for i := range mixed {
		mixed[i] = int(math.Round(float64(low[i]) + (float64(high[i])-float64(low[i]))*t))
	}
	return fmt.Sprintf("#%02x%02x%02x", mixed[0], mixed[1], mixed[2])
}

// coverageView is the coverage by county: the map, and the table with
// Sweden's totals below it.
type coverageView struct {
	Rows                                 []countyCoverageRow
	MemberMunicipalities, Municipalities int
	MemberPopulation, Population         int
	MunicipalityShare, PopulationShare   float64
	Chart                                chartBlock
	Legend                               mapLegend
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
	v.Chart = countyMapChart(mapURL, locale.Text(l, "members.coverage.municipalities"), areas, 100)
	v.Legend = mapLegend{Low: formatPercent(l, 0), High: formatPercent(l, 1), LowColour: mapLow, HighColour: mapHigh}
	return v
}
