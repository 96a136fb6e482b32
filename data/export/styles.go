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
	header, title, section, bold int
	wrap, date, integer, decimal int
	percent, money, mark, text   int
	totalInt, totalMoney         int
	matrixHeader                 int
	status                       map[analytics.Status]int
	derived                      map[string]int // variants of styles, by variant and style
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

func newStyles(f *excelize.File) (*styles, error) {
	st := &styles{status: map[analytics.Status]int{}, derived: map[string]int{}}
	var err error
	add := func(dst *int, s *excelize.Style) {
		if err == nil {
			*dst, err = f.NewStyle(s)
		}
	}
	numFmt := func(format string) *excelize.Style { return &excelize.Style{CustomNumFmt: &format} }
	bottom := []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}
	top := []excelize.Border{{Type: "top", Color: "808080", Style: 1}}
	add(&st.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: bottom,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	add(&st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}})
	add(&st.section, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}})
	add(&st.bold, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: top})
	add(&st.wrap, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	add(&st.date, numFmt(fmtDate))
	add(&st.text, &excelize.Style{NumFmt: 49}) // "@": typed codes keep their leading zeros
	add(&st.integer, numFmt(fmtInt))
	add(&st.decimal, numFmt(fmtDecimal))
	add(&st.percent, numFmt(fmtPercent))
	add(&st.money, numFmt(fmtDecimal))
	add(&st.mark, &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}})
	fmtI, fmtM := fmtInt, fmtDecimal
	add(&st.totalInt, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: top, CustomNumFmt: &fmtI})
	add(&st.totalMoney, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: top, CustomNumFmt: &fmtM})
	add(&st.matrixHeader, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: bottom,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}},
		Alignment: &excelize.Alignment{TextRotation: 90, Horizontal: "center", Vertical: "bottom"}})
	for status, c := range statusColours {
		id := 0
		add(&id, &excelize.Style{Font: &excelize.Font{Bold: true, Color: c[1]},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c[0]}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
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

// exampleOf is style in the grey italics of the template's example rows.
func (b *book) exampleOf(style int) int {
	return b.derive("example", style, func(s *excelize.Style) {
		if s.Font == nil {
			s.Font = &excelize.Font{}
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
	s := &excelize.Style{}
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
