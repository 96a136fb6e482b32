package export

import "github.com/xuri/excelize/v2"

// cellWriter sets single cells of a small sheet, keeping the first error.
// Strings go through SetCellStr: a name such as "=HYPERLINK(…)" stays text.
type cellWriter struct {
	f     *excelize.File
	sheet string
	plain int // the style of a value given none
	err   error
}

// cells is a cellWriter for sheet.
func (b *book) cells(sheet string) *cellWriter {
	return &cellWriter{f: b.f, sheet: sheet, plain: b.st.plain}
}

// set writes v (what cell accepts) at col, row (1-based) with style (0:
// the plain one); a value without content leaves the cell empty but styled.
func (w *cellWriter) set(col, row int, v any, style int) {
	if w.err != nil {
		return
	}
	ref := cellName(col, row)
	switch v := cell(v).(type) {
	case nil:
	case string:
		w.err = w.f.SetCellStr(w.sheet, ref, v)
	default:
		w.err = w.f.SetCellValue(w.sheet, ref, v)
	}
	if style == 0 {
		style = w.plain
	}
	if w.err == nil {
		w.err = w.f.SetCellStyle(w.sheet, ref, ref, style)
	}
}
