package dashboard

import (
	"encoding/json"
)

// chartPalette are the series colours, in order: each at least 3:1 against
// the white panel (WCAG 1.4.11; the test computes it), unlike ECharts'
// default of 1,6–2,5:1.
var chartPalette = []string{"#1f5fa8", "#b34700", "#2e7d32", "#7b3fa0", "#c0392b", "#00707a", "#6d5d00", "#5b6475"}

// lineDashes and lineSymbols tell the lines of a chart apart without their
// colour (WCAG 1.4.1): the n-th line has the n-th dash and marker.
var (
	lineDashes  = []any{"solid", "dashed", "dotted", []int{12, 4, 2, 4}}
	lineSymbols = []string{"circle", "triangle", "rect", "diamond", "pin", "arrow"}
)

// accessibleOption is a chart's ECharts option with the palette and a second
// cue besides colour: bars get ECharts' decal patterns, lines a dash and a
// marker of their own unless the chart chose them, and reference lines
// their label inside the grid, where it is not clipped ("Mål 125", "75 %").
func accessibleOption(option map[string]any) map[string]any {
	raw, err := json.Marshal(option)
	if err != nil {
		return option
	}
	var o map[string]any
	if err := json.Unmarshal(raw, &o); err != nil {
		return option
	}
	o["color"] = chartPalette
	aria, _ := o["aria"].(map[string]any)
	if aria == nil {
		aria = map[string]any{}
	}
	aria["enabled"] = true
	aria["decal"] = map[string]any{"show": true}
	o["aria"] = aria
	series, _ := o["series"].([]any)
	lines := 0
	for _, s := range series {
		sm, ok := s.(map[string]any)
		if !ok {
			continue
		}
		if ml, ok := sm["markLine"].(map[string]any); ok {
			label, _ := ml["label"].(map[string]any)
			if label == nil {
				label = map[string]any{}
			}
			label["position"] = "insideEndTop"
			ml["label"] = label
		}
		if sm["type"] == "map" {
			// A choropleth is read by its shades: no pattern over them.
			aria["decal"] = map[string]any{"show": false}
		}
		if sm["type"] != "line" {
			continue
		}
		style, _ := sm["lineStyle"].(map[string]any)
		if style == nil {
			style = map[string]any{}
		}
		if _, chosen := style["type"]; !chosen {
			style["type"] = lineDashes[lines%len(lineDashes)]
		}
		if _, chosen := style["width"]; !chosen {
			style["width"] = 2
		}
		sm["lineStyle"] = style
		if _, chosen := sm["symbol"]; !chosen {
			sm["symbol"] = lineSymbols[lines%len(lineSymbols)]
			sm["symbolSize"] = 7
		}
		lines++
	}
	return o
}

// accessible is the block with its option made accessible.
func (b chartBlock) accessible() chartBlock {
	b.Option = accessibleOption(b.Option)
	return b
}
