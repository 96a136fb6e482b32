package export

import (
	"strconv"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
)

// Number formats. Dates carry an explicit ISO format: the built-in date
// format 14 prints US-style in LibreOffice.
const (
	fmtDate    = "yyyy-mm-dd"
	fmtInt     = "#,##0"
	fmtDecimal = "#,##0.00"
	fmtPercent = "0.0%"
)

// styles are the cell styles of one workbook, by what they are for.
type styles struct {
	plain, header, title, section int
	bold, label                   int
	wrap, date, integer, decimal  int
	percent, money, mark, text    int
	totalInt, totalMoney          int
	matrixHeader                  int
	status                        map[analytics.Status]int
	derived                       map[string]int // variants of styles, by variant and style
	headerAlign                   map[int]string // how a header aligns over a column of a style, by style
}

// statusColours are the fill and font colours of a goal's status: met green,
// on track light green, at risk amber, missed red, no data grey.
var statusColours = map[analytics.Status][2]string{
	analytics.StatusMet:     {"A9D08E", "1E4620"},
	analytics.StatusOnTrack: {"E2EFDA", "375623"},
	analytics.StatusAtRisk:  {"FFD966", "7F6000"},
	analytics.StatusMissed:  {"F4B6B6", "9C0006"},
	analytics.StatusNoData:  {"E7E6E6", "404040"},
}

// The one typeface of every workbook, and its sizes in points. Arial is on
// every office machine; LibreOffice draws it with the metric-compatible
// Liberation Sans. Every style names the family and the size: a font without
// them falls back to the reader's default (a serif face in LibreOffice).
const (
	fontFamily  = "Arial"
	fontSize    = 10
	titleSize   = 16
	sectionSize = 12
)

// font is the workbook's typeface at size, bold or not, in colour ("" for
// automatic).
func font(size float64, bold bool, colour string) *excelize.Font {
	return &excelize.Font{Family: fontFamily, Size: size, Bold: bold, Color: colour}
}

func newStyles(f *excelize.File) (*styles, error) {
	st := &styles{status: map[analytics.Status]int{}, derived: map[string]int{}, headerAlign: map[int]string{}}
	if err := f.SetDefaultFont(fontFamily); err != nil {
		return nil, err
	}
	// The default font's size sets the unit of every column width: at 10
	// points a page holds about a seventh more characters than at 11.
	if fonts := f.Styles.Fonts; fonts != nil && len(fonts.Font) > 0 && fonts.Font[0].Sz != nil && fonts.Font[0].Sz.Val != nil {
		*fonts.Font[0].Sz.Val = fontSize
	}
	var err error
	add := func(dst *int, s *excelize.Style) {
		if s.Font == nil {
			s.Font = font(fontSize, false, "")
		}
		if err == nil {
			*dst, err = f.NewStyle(s)
		}
	}
	numFmt := func(format string) *excelize.Style { return &excelize.Style{CustomNumFmt: &format} }
	bottom := []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}
	top := []excelize.Border{{Type: "top", Color: "808080", Style: 1}}
	add(&st.plain, &excelize.Style{})
	add(&st.header, &excelize.Style{Font: font(fontSize, true, ""), Border: bottom,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	add(&st.title, &excelize.Style{Font: font(titleSize, true, "")})
	add(&st.section, &excelize.Style{Font: font(sectionSize, true, "")})
	add(&st.bold, &excelize.Style{Font: font(fontSize, true, ""), Border: top})
	add(&st.label, &excelize.Style{Font: font(fontSize, true, ""), Alignment: &excelize.Alignment{Vertical: "top"}})
	add(&st.wrap, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	add(&st.date, numFmt(fmtDate))
	add(&st.text, &excelize.Style{NumFmt: 49}) // "@": typed codes keep their leading zeros
	add(&st.integer, numFmt(fmtInt))
	add(&st.decimal, numFmt(fmtDecimal))
	add(&st.percent, numFmt(fmtPercent))
	add(&st.money, numFmt(fmtDecimal))
	add(&st.mark, &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}})
	fmtI, fmtM := fmtInt, fmtDecimal
	add(&st.totalInt, &excelize.Style{Font: font(fontSize, true, ""), Border: top, CustomNumFmt: &fmtI})
	add(&st.totalMoney, &excelize.Style{Font: font(fontSize, true, ""), Border: top, CustomNumFmt: &fmtM})
	add(&st.matrixHeader, &excelize.Style{Font: font(fontSize, true, ""), Border: bottom,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}},
		Alignment: &excelize.Alignment{TextRotation: 90, Horizontal: "center", Vertical: "bottom"}})
	for status, c := range statusColours {
		id := 0
		add(&id, &excelize.Style{Font: font(fontSize, true, c[1]),
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c[0]}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}})
		st.status[status] = id
	}
	return st, err
}

// top is style aligned to the top of its cell, for rows of wrapped text.
func (b *book) top(style int) int {
	return b.derive("top", style, func(s *excelize.Style) {
		if s.Alignment == nil {
			s.Alignment = &excelize.Alignment{}
		}
		s.Alignment.Vertical = "top"
	})
}

// left is style aligned to the left of its cell, for numbers among text.
func (b *book) left(style int) int {
	return b.derive("left", style, func(s *excelize.Style) {
		if s.Alignment == nil {
			s.Alignment = &excelize.Alignment{}
		}
		s.Alignment.Horizontal = "left"
	})
}

// headerOver is the header style for a column of style: centred over
// centred values, right-aligned over numbers and dates, as they are.
func (b *book) headerOver(style int) int {
	align, ok := b.st.headerAlign[style]
	if !ok {
		if s, err := b.f.GetStyle(style); err == nil {
			switch {
			case s.Alignment != nil && s.Alignment.Horizontal == "center":
				align = "center"
			case s.Alignment != nil && s.Alignment.Horizontal != "":
			case s.CustomNumFmt != nil || s.NumFmt != 0 && s.NumFmt != 49:
				align = "right"
			}
		}
		b.st.headerAlign[style] = align
	}
	switch align {
	case "center":
		return b.centred(b.st.header)
	case "right":
		return b.derive("right", b.st.header, func(s *excelize.Style) { s.Alignment.Horizontal = "right" })
	}
	return b.st.header
}

// indented is style aligned left with a space before it, for a text column
// after numbers.
func (b *book) indented(style int) int {
	return b.derive("indented", style, func(s *excelize.Style) {
		if s.Alignment == nil {
			s.Alignment = &excelize.Alignment{}
		}
		s.Alignment.Horizontal, s.Alignment.Indent = "left", 1
	})
}

// centred is style centred in its cell.
func (b *book) centred(style int) int {
	return b.derive("centred", style, func(s *excelize.Style) {
		if s.Alignment == nil {
			s.Alignment = &excelize.Alignment{}
		}
		s.Alignment.Horizontal = "center"
	})
}

// exampleOf is style in the grey italics of the template's example rows.
func (b *book) exampleOf(style int) int {
	return b.derive("example", style, func(s *excelize.Style) {
		if s.Font == nil {
			s.Font = font(fontSize, false, "")
		}
		s.Font.Italic, s.Font.Color = true, "7F7F7F"
	})
}

// derive is style changed by change, made once per variant and style; on
// a failure the style is used unchanged.
func (b *book) derive(variant string, style int, change func(*excelize.Style)) int {
	key := variant + "/" + strconv.Itoa(style)
	if id, ok := b.st.derived[key]; ok {
		return id
	}
	s := &excelize.Style{Font: font(fontSize, false, "")}
	if style != 0 {
		var err error
		if s, err = b.f.GetStyle(style); err != nil {
			return style
		}
	}
	change(s)
	id, err := b.f.NewStyle(s)
	if err != nil {
		return style
	}
	b.st.derived[key] = id
	return id
}

// metricStyle is the value style of a metric: a percentage for shares, an
// amount for money, two decimals for services per member, else a count.
func (st *styles) metricStyle(key string) int {
	m, _ := analytics.LookupMetric(key)
	switch {
	case m.Share:
		return st.percent
	case m.Money:
		return st.money
	case key == "services_per_member":
		return st.decimal
	}
	return st.integer
}

// metricFormat is the number format of metricStyle.
func metricFormat(key string) string {
	m, _ := analytics.LookupMetric(key)
	switch {
	case m.Share:
		return fmtPercent
	case m.Money, key == "services_per_member":
		return fmtDecimal
	}
	return fmtInt
}

// boundStyle shows a goal's target (upper: its upper target) in the
// metric's format with the comparator before it, "≥ 125", so that the
// number stays a number.
func (b *book) boundStyle(g analytics.GoalResult, upper bool) int {
	prefix := g.Comparator
	switch {
	case upper:
		prefix = "≤"
	case g.Comparator == analytics.CmpAtLeast, g.Comparator == analytics.CmpBetween:
		prefix = "≥"
	case g.Comparator == analytics.CmpAtMost:
		prefix = "≤"
	}
	base := b.st.metricStyle(g.Metric)
	if prefix == "" || g.Manual {
		return base
	}
	format := `"` + prefix + ` "` + metricFormat(g.Metric)
	return b.derive("bound"+prefix, base, func(s *excelize.Style) { s.NumFmt, s.CustomNumFmt = 0, &format })
}

// signed is style with a plus sign before a rise: "+3", "−1.5%".
func (b *book) signed(style int) int {
	return b.derive("signed", style, func(s *excelize.Style) {
		if s.CustomNumFmt == nil {
			return
		}
		format := "+" + *s.CustomNumFmt + ";−" + *s.CustomNumFmt + ";0"
		s.CustomNumFmt = &format
	})
}
