package export

import (
	"cmp"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// column is one column of a table sheet.
type column struct {
	header    string
	style     int     // the style of the values; 0: general
	width     float64 // 0: fitted to the header and the values
	headStyle int     // the header's style; 0: the ordinary header style
	// wrapAt, if not 0, caps a fitted width: longer texts wrap (give the
	// column a wrapping style) and their rows grow.
	wrapAt float64
}

// table is a sheet of one header row, the rows and optional footer rows
// (totals) below them, streamed row by row. Row i (0-based) is made by row,
// which may reuse dst; its values are what cell accepts, or an
// excelize.Cell whose style replaces the column's.
type table struct {
	sheet      string
	columns    []column
	rows       int
	row        func(i int, dst []any) []any
	footer     [][]any // outside the autofilter; values may be excelize.Cell
	freezeCols int     // columns kept in view when scrolling right
	headHeight float64 // the header row's height in points; 0: fitted to wrapped headers
	// rowHeight, if not nil, is row i's height in points (0: one line), for
	// columns of wrapped text.
	rowHeight func(i int) float64
	// decorate, if not nil, adds to the sheet (drop-down lists) before the
	// stream ends.
	decorate func(sheet string) error
}

// Widths of fitted columns, in characters.
const (
	minWidth = 6
	maxWidth = 60
)

// writeTable adds the table as a new sheet: frozen header row, autofilter
// over header and rows, fitted column widths, the header repeated on every
// printed page. Strings are written as text, never as formulas.
func (b *book) writeTable(t table) error {
	t.columns = append([]column(nil), t.columns...)
	for i := range t.columns {
		if t.columns[i].style == 0 {
			t.columns[i].style = b.st.plain
		}
	}
	if err := b.addSheet(t.sheet, "A1:"+cellName(len(t.columns), t.rows+1)); err != nil {
		return err
	}
	sw, err := b.f.NewStreamWriter(t.sheet)
	if err != nil {
		return err
	}
	widths := t.widths()
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(freezePanes(t.freezeCols)); err != nil {
		return err
	}
	if err := b.writeHeader(sw, t, widths); err != nil {
		return err
	}
	if err := t.writeRows(sw, widths); err != nil {
		return err
	}
	if err := b.writeFooter(sw, t); err != nil {
		return err
	}
	if err := b.repeatHeader(t.sheet, 1); err != nil {
		return err
	}
	if t.decorate != nil {
		if err := t.decorate(t.sheet); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// writeHeader writes the header row, tall enough for wrapped headers (bold
// takes more room), each right-aligned over numbers.
func (b *book) writeHeader(sw *excelize.StreamWriter, t table, widths []float64) error {
	height := t.headHeight
	if height == 0 {
		for i, c := range t.columns {
			height = max(height, headerHeight(c.header, widths[i]))
		}
	}
	header := make([]any, len(t.columns))
	for i, c := range t.columns {
		style := c.headStyle
		if style == 0 {
			style = b.headerOver(c.style)
		}
		header[i] = excelize.Cell{StyleID: style, Value: c.header}
	}
	return sw.SetRow("A1", header, excelize.RowOpts{Height: height})
}

// headerHeight is the height of a bold header row in a column width wide.
func headerHeight(header string, width float64) float64 {
	return wrappedHeight(header, width-2)
}

// writeRows writes the rows below the header, each value in its column's
// style unless it brings its own, tall enough for the wrapped texts.
func (t table) writeRows(sw *excelize.StreamWriter, widths []float64) error {
	var dst []any
	out := make([]any, len(t.columns))
	for i := 0; i < t.rows; i++ {
		dst = t.row(i, dst[:0])
		for j, c := range t.columns {
			out[j] = nil
			if j >= len(dst) {
				continue
			}
			style := c.style
			if own, ok := dst[j].(excelize.Cell); ok && own.StyleID != 0 {
				style = own.StyleID
			}
			if v := cell(dst[j]); v != nil {
				out[j] = excelize.Cell{StyleID: style, Value: v}
			}
		}
		height := 0.0
		if t.rowHeight != nil {
			height = t.rowHeight(i)
		}
		for j, c := range t.columns {
			if text, ok := cell(out[j]).(string); ok && c.wrapAt > 0 {
				height = max(height, wrappedHeight(text, widths[j]))
			}
		}
		var opts []excelize.RowOpts
		if height > 0 {
			opts = append(opts, excelize.RowOpts{Height: height})
		}
		if err := sw.SetRow(cellName(1, i+2), out, opts...); err != nil {
			return err
		}
	}
	return nil
}

// writeFooter writes the footer rows after a blank row, in bold unless a
// value brings its own style.
func (b *book) writeFooter(sw *excelize.StreamWriter, t table) error {
	for i, values := range t.footer {
		row := make([]any, len(values))
		for j, v := range values {
			if c, ok := v.(excelize.Cell); ok {
				row[j] = c
			} else if v = cell(v); v != nil {
				row[j] = excelize.Cell{StyleID: b.st.bold, Value: v}
			}
		}
		if err := sw.SetRow(cellName(1, t.rows+3+i), row); err != nil {
			return err
		}
	}
	return nil
}

// freezePanes keeps the header row, and cols columns, in view.
func freezePanes(cols int) *excelize.Panes {
	pane := "bottomLeft"
	if cols > 0 {
		pane = "bottomRight"
	}
	return &excelize.Panes{Freeze: true, XSplit: cols, YSplit: 1, TopLeftCell: cellName(cols+1, 2), ActivePane: pane}
}

// widths fits every column without a fixed width to its values, capped at
// its wrapAt (or maxWidth), and every column to its header: a header of a
// few letters on one line, a longer one wrapped at its spaces, never inside
// a word (bold takes a little more room).
func (t table) widths() []float64 {
	out := make([]float64, len(t.columns))
	fit := false
	for i, c := range t.columns {
		out[i] = c.width
		fit = fit || c.width == 0
	}
	if fit {
		var dst []any
		measure := func(values []any) {
			for j, v := range values {
				if j < len(t.columns) && t.columns[j].width == 0 {
					out[j] = max(out[j], float64(textWidth(v)))
				}
			}
		}
		for i := 0; i < t.rows; i++ {
			dst = t.row(i, dst[:0])
			measure(dst)
		}
		for _, values := range t.footer {
			// A footer's label may run on into the empty cells beside it.
			numbers := make([]any, len(values))
			for j, v := range values {
				if _, text := cell(v).(string); !text {
					numbers[j] = v
				}
			}
			measure(numbers)
		}
	}
	for i, c := range t.columns {
		if c.width == 0 {
			out[i] = min(max(out[i]+2, minWidth), cmp.Or(c.wrapAt, maxWidth))
		}
		if c.headStyle == 0 {
			out[i] = max(out[i], headerWidth(c.header))
		}
	}
	return out
}

// shortHeader is the length up to which a header stays on one line.
const shortHeader = 10

// headerWidth is the width a header needs: all of a short one, the longest
// word of a longer one.
func headerWidth(header string) float64 {
	n := utf8.RuneCountInString(header)
	if n > shortHeader {
		n = longestWord(header)
	}
	return float64(n) + 1.5
}

// cell turns a value of the domain into one a cell holds: nil for what has
// no value (an empty string, a nil pointer, the zero date).
func cell(v any) any {
	switch v := v.(type) {
	case string:
		if v == "" {
			return nil
		}
	case *float64:
		if v == nil {
			return nil
		}
		return *v
	case *int:
		if v == nil {
			return nil
		}
		return *v
	case time.Time:
		if v.IsZero() {
			return nil
		}
	case excelize.Cell:
		return cell(v.Value)
	}
	return v
}

// textWidth is about how many characters v takes when shown.
func textWidth(v any) int {
	switch v := cell(v).(type) {
	case nil:
		return 0
	case string:
		return utf8.RuneCountInString(v)
	case int:
		n := len(strconv.Itoa(v))
		return n + (n-1)/3
	case float64:
		n := len(strconv.FormatFloat(math.Abs(v), 'f', 0, 64))
		return n + (n-1)/3 + 3
	case time.Time:
		return len(fmtDate)
	}
	return 8
}
