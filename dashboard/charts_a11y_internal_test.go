package dashboard

import (
	"math"
	"regexp"
	"strconv"
	"testing"
)

// contrast is the WCAG contrast ratio of two colours written #rrggbb.
func contrast(a, b string) float64 {
	lum := func(hex string) float64 {
		var c [3]float64
		for i := range c {
			v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
			s := float64(v) / 255
			if s <= 0.04045 {
				c[i] = s / 12.92
			} else {
				c[i] = math.Pow((s+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	}
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func TestChartColoursStandOutFromThePanel(t *testing.T) {
	for _, c := range chartPalette {
		if r := contrast(c, "#ffffff"); r < 3 {
			t.Errorf("series colour %s: %.2f:1 against white, want at least 3:1", c, r)
		}
	}
	// The matrix's ✓ is text: 4,5:1.
	css, err := static.ReadFile("static/app.css")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`table\.matrix td\.cell \{[^}]*color: (#[0-9a-fA-F]{6})`).FindSubmatch(css)
	if m == nil {
		t.Fatal("no colour for the matrix's ✓ in app.css")
	}
	if matrixTick := string(m[1]); contrast(matrixTick, "#ffffff") < 4.5 {
		t.Errorf("the matrix's ✓ %s: %.2f:1, want at least 4,5:1", matrixTick, contrast(matrixTick, "#ffffff"))
	}
}

func TestLinesDifferInMoreThanColourAndBarsCarryPatterns(t *testing.T) {
	b := lineChart([]string{"2021", "2022"}, []series{{Name: "a", Values: floats([]int{1, 2})}, {Name: "b", Values: floats([]int{2, 3})},
		{Name: "c", Values: floats([]int{3, 4})}}, []refLine{{Label: "Mål 125", Value: 125}}, 0).accessible()
	seen := map[string]bool{}
	for _, s := range b.Option["series"].([]any) {
		sm := s.(map[string]any)
		cue := fmtAny(sm["lineStyle"].(map[string]any)["type"]) + "/" + fmtAny(sm["symbol"])
		if seen[cue] {
			t.Errorf("two lines look alike but for colour: %s", cue)
		}
		seen[cue] = true
	}
	first := b.Option["series"].([]any)[0].(map[string]any)
	if pos := first["markLine"].(map[string]any)["label"].(map[string]any)["position"]; pos != "insideEndTop" {
		t.Errorf("the target's label sits at %v, where the grid clips it", pos)
	}
	if decal := b.Option["aria"].(map[string]any)["decal"].(map[string]any)["show"]; decal != true {
		t.Error("bars carry no pattern")
	}
}

func fmtAny(v any) string { return strconv.Quote(fmtString(v)) }

func fmtString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	default:
		return "other"
	}
}
