package importer

import (
	"archive/zip"
	"bytes"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"malbild/analytics/locale"
)

// xlsxSource is a workbook read with excelize, and its plain worksheets
// (plainsheet.go) with plainXML. excelize's streaming row reader gives
// cells' raw values but not their number formats, so a second light pass
// over the same worksheet XML (dateCells) finds the number cells whose
// format shows a date; the plain reading gives both in one pass.
type xlsxSource struct {
	f        *excelize.File
	zip      *zip.Reader
	parts    map[string]string // sheet name → worksheet part in the zip
	plain    map[string]bool   // the worksheets read with plainXML
	sst      []string          // the shared strings, for the plain worksheets
	date1904 bool
	dateFmt  map[int]bool // style id → its number format shows a date
	lang     string
}

func openXLSX(data []byte, lang string) (_ source, err error) {
	defer notSpreadsheetOnPanic(lang, &err)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fileError(lang, ReasonNotSpreadsheet)
	}
	var unzipped uint64
	for _, f := range zr.File {
		if unzipped += f.UncompressedSize64; unzipped > MaxUnzipSize {
			return nil, fileError(lang, ReasonZipBomb, MaxUnzipSize>>20)
		}
	}
	// The worksheets are checked while excelize opens the workbook (issue
	// 18: on two cores the opening then costs no time beside the check); a
	// damaged sheet is still the answer before anything excelize says.
	checked := make(chan checkedWorkbook, 1)
	go func() {
		var c checkedWorkbook
		defer func() {
			if r := recover(); r != nil {
				c = checkedWorkbook{err: fileError(lang, ReasonNotSpreadsheet)}
			}
			checked <- c
		}()
		c = checkXLSX(zr, lang)
	}()
	f, openErr := openExcelize(data, lang)
	c := <-checked
	switch {
	case c.err != nil:
		if f != nil {
			f.Close()
		}
		return nil, c.err
	case openErr != nil:
		return nil, openErr
	}
	plain, sst := c.plain, c.sst
	parts, _, err := worksheetParts(zr)
	if err != nil || len(f.GetSheetList()) == 0 {
		f.Close()
		return nil, fileError(lang, ReasonNotSpreadsheet)
	}
	s := &xlsxSource{f: f, zip: zr, parts: parts, plain: plain, sst: sst, dateFmt: map[int]bool{}, lang: lang}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		s.date1904 = *props.Date1904
	}
	return s, nil
}

// checkedWorkbook is what checking a workbook's worksheets found.
type checkedWorkbook struct {
	plain map[string]bool // the plain worksheets
	sst   []string        // the shared strings, when plain worksheets use them
	err   error           // a damaged worksheet
}

// checkXLSX checks every worksheet (checkWorksheets) and reads the shared
// strings for the plain ones.
func checkXLSX(zr *zip.Reader, lang string) checkedWorkbook {
	var c checkedWorkbook
	parts, order, err := worksheetParts(zr)
	if err != nil {
		return c // excelize says what is wrong
	}
	var usesSST bool
	if c.plain, usesSST, c.err = checkWorksheets(zr, order, parts, lang); c.err != nil || !usesSST {
		return c
	}
	var ok bool
	if c.sst, ok = sharedStrings(zr); !ok {
		c.plain = nil // excelize reads the strings its own way
	}
	return c
}

// openExcelize opens the workbook with excelize, for its sheets, styles and
// properties, and the worksheets that are not plain.
func openExcelize(data []byte, lang string) (_ *excelize.File, err error) {
	defer notSpreadsheetOnPanic(lang, &err)
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    MaxUnzipSize,
		UnzipXMLSizeLimit: maxSheetInMemory,
		RawCellValue:      true,
	})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return nil, fileError(lang, ReasonZipBomb, MaxUnzipSize>>20)
		}
		return nil, fileError(lang, ReasonNotSpreadsheet)
	}
	return f, nil
}

func (s *xlsxSource) close() { s.f.Close() }

func (s *xlsxSource) sheets() []sheetInfo {
	var out []sheetInfo
	for _, name := range s.f.GetSheetList() {
		if _, ok := s.parts[name]; !ok {
			continue // a chart sheet or dialog sheet: no cells
		}
		visible, err := s.f.GetSheetVisible(name)
		out = append(out, sheetInfo{name: name, hidden: err == nil && !visible})
	}
	return out
}

func (s *xlsxSource) rows(sheet string, fn func(row int, cells []Cell) bool) (err error) {
	if s.plain[sheet] {
		return s.plainRows(sheet, fn)
	}
	inFn := false
	defer func() {
		if inFn {
			return // a panic of the caller's own code is a defect, not the file's
		}
		if r := recover(); r != nil {
			err = fileError(s.lang, ReasonUnreadable, sheet)
		}
	}()
	rows, err := s.f.Rows(sheet)
	if err != nil {
		return fileError(s.lang, ReasonUnreadable, sheet)
	}
	defer rows.Close()
	dates, err := s.dateCells(sheet)
	if err != nil {
		return fileError(s.lang, ReasonUnreadable, sheet)
	}
	defer dates.close()
	row := 0
	for rows.Next() {
		row++
		if row > MaxRows {
			return fileError(s.lang, ReasonTooManyRows, sheet, MaxRows)
		}
		values, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return s.damaged(sheet, row)
		}
		numbers := dates.row(row)
		cells := make([]Cell, len(values))
		for col, v := range values {
			cells[col] = Cell{Raw: v}
			if style, ok := numbers[col]; ok {
				cells[col] = s.numberCell(v, style)
			}
		}
		inFn = true
		more := fn(row, cells)
		inFn = false
		if !more {
			return nil
		}
	}
	// The scan at open (checkWorksheets) has read every sheet strictly;
	// whatever the row reader still fails on stops the file all the same.
	if err := rows.Error(); err != nil {
		if err == excelize.ErrMaxRows {
			return fileError(s.lang, ReasonTooManyRows, sheet, MaxRows)
		}
		return s.damaged(sheet, row+1)
	}
	if err := rows.Close(); err != nil {
		return s.damaged(sheet, row+1)
	}
	return nil
}

// damaged is the FileError of a sheet that stopped being readable at row.
func (s *xlsxSource) damaged(sheet string, row int) error {
	e := fileError(s.lang, ReasonDamaged, sheet, row, locale.Text(s.lang, "damage.syntax"))
	e.Sheet, e.Row = sheet, row
	return e
}

// notSpreadsheetOnPanic, deferred, turns a panic of the workbook parser on
// a file made to trip it into the message that the file cannot be read.
func notSpreadsheetOnPanic(lang string, err *error) {
	if r := recover(); r != nil {
		*err = fileError(lang, ReasonNotSpreadsheet)
	}
}

// numberCell is a number cell with its style; a date format makes it a date.
func (s *xlsxSource) numberCell(raw string, style int) Cell {
	c := Cell{Raw: raw, Number: true}
	if style == 0 || !s.isDateStyle(style) {
		return c
	}
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil || serial < 1 {
		return c
	}
	t, err := excelize.ExcelDateToTime(math.Floor(serial), s.date1904)
	if err == nil {
		c.Date = t.UTC().Truncate(24 * 60 * 60 * 1e9)
	}
	return c
}

// isDateStyle says whether the cell style's number format shows a date: a
// built-in date or time format (14–22, 45–47) or a custom format with d, m
// or y outside quotes, brackets and escapes.
func (s *xlsxSource) isDateStyle(style int) bool {
	if d, ok := s.dateFmt[style]; ok {
		return d
	}
	d := false
	if st, err := s.f.GetStyle(style); err == nil {
		switch {
		case st.CustomNumFmt != nil:
			d = isDateFormatCode(*st.CustomNumFmt)
		default:
			d = (st.NumFmt >= 14 && st.NumFmt <= 22) || (st.NumFmt >= 45 && st.NumFmt <= 47)
		}
	}
	s.dateFmt[style] = d
	return d
}

// isDateFormatCode reads a number format code such as `yyyy\-mm\-dd`,
// `[$-41D]d mmm yyyy` or `#,##0 "kr"`.
func isDateFormatCode(code string) bool {
	quoted, bracket, escaped := false, false, false
	for _, r := range code {
		switch {
		case escaped:
			escaped = false
		case r == '\\' && !quoted:
			escaped = true
		case r == '"':
			quoted = !quoted
		case quoted:
		case r == '[':
			bracket = true
		case r == ']':
			bracket = false
		case bracket:
		case r == '_' || r == '*':
			escaped = true // the next character is padding
		case strings.ContainsRune("dDmMyY", r):
			return true
		}
	}
	return false
}
