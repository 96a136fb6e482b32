package export

import "github.com/xuri/excelize/v2"

// cellWriter sets single cells of a small sheet, keeping the first error.
// Strings go through SetCellStr: a name such as "=HYPERLINK(…)" stays text.
type cellWriter struct {
	f     *excelize.File
	sheet string
	err   error
}

// set writes v (what cell accepts) at col, row (1-based) with style (0:
// none); a value without content leaves the cell empty but styled.
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
	if w.err == nil && style != 0 {
		w.err = w.f.SetCellStyle(w.sheet, ref, ref, style)
	}
}
