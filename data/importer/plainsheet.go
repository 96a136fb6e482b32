package importer

import (
	"bytes"
	"io"
	"strconv"
)

// A plain worksheet is read with plainXML in one pass, instead of
// excelize's row reader beside dateScan (issue 18: excelize decodes every
// cell with encoding/xml's reflection, seconds at 100 000 rows). It gives
// each row's cells exactly as excelize's reader with RawCellValue does, for
// the worksheets whose shape the walk knows: rows in sheetData, numbered
// upwards; cells in rows, their columns upwards, each with a plain cell
// reference; in a cell at most one value, formula and inline string, and
// an inline string of text and runs of text without formatting. A worksheet
// of any other shape is no error, only not plain: it is checked and read
// the careful way, as before.

// frameKind is where an element sits in a worksheet.
type frameKind int

const (
	frameOther     frameKind = iota // outside sheetData
	frameSheetData                  // worksheet > sheetData
	frameRow                        // sheetData > row
	frameCell                       // row > c
	frameValue                      // c > v
	frameFormula                    // c > f
	frameInline                     // c > is
	frameInlineT                    // is > t
	frameRun                        // is > r
	frameRunT                       // r > t
)

const (
	maxExcelRows    = 1_048_576 // excelize.TotalRows
	maxExcelColumns = 16_384    // excelize.MaxColumns
)

// rowSink receives a worksheet's rows, numbered from 1, blank rows
// included: the values as excelize gives them, and the number cells'
// styles by column (0-based), as dateScan gives them. It returns false to
// stop.
type rowSink func(row int, values []string, numbers []numberCell) bool

type numberCell struct{ col, style int }

// sheetWalk is one reading of a worksheet.
type sheetWalk struct {
	x       *plainXML
	sst     []string
	sink    rowSink
	stack   []frameKind
	names   []byte // the open elements' names, one after another, to match end tags
	ends    []int  // where each open element's name ends in names
	closed  bool   // the root element has closed
	seenSD  bool   // sheetData seen
	usesSST bool
	stopped bool // the sink said stop

	last    int // the last row given
	col     int // the last cell's column (1-based) in the row
	values  []string
	numbers []numberCell
	cell    plainCell
}

// plainCell is the cell being read.
type plainCell struct {
	col     int // 1-based
	style   int
	typ     string
	value   []byte
	text    []byte // is > t
	runs    []byte // is > r > t, in order
	formula bool
	inline  bool
	seen    [3]bool // v, f, is
	seenT   bool    // is > t
	runT    bool    // the current run's t
}

// walkSheet reads a worksheet with plainXML, checking its shape, and gives
// its rows to sink when sink is not nil (sst then holds the shared strings
// if the sheet uses them). It says whether the sheet has shared-string
// cells; errNotPlain when the worksheet is not plain.
func walkSheet(r io.Reader, sst []string, sink rowSink) (usesSST bool, err error) {
	w := &sheetWalk{x: newPlainXML(r), sst: sst, sink: sink}
	for !w.stopped {
		t, err := w.x.next()
		if err == io.EOF {
			if !w.closed {
				return false, errNotPlain // cut off
			}
			break
		}
		if err != nil {
			return false, err
		}
		switch t.kind {
		case tokText:
			if err := w.text(t.text); err != nil {
				return false, err
			}
		case tokStart:
			kind, err := w.start(t.name)
			if err != nil {
				return false, err
			}
			w.stack = append(w.stack, kind)
			w.names = append(w.names, t.name...)
			w.ends = append(w.ends, len(w.names))
			if t.empty {
				w.end()
			}
		case tokEnd:
			if len(w.stack) == 0 || !bytes.Equal(t.name, w.names[w.openedAt():]) {
				return false, errNotPlain
			}
			w.end()
		}
	}
	return w.usesSST, nil
}

// openedAt is where the innermost open element's name starts in names.
func (w *sheetWalk) openedAt() int {
	if len(w.ends) < 2 {
		return 0
	}
	return w.ends[len(w.ends)-2]
}

func (w *sheetWalk) parent() frameKind {
	if len(w.stack) == 0 {
		return frameOther
	}
	return w.stack[len(w.stack)-1]
}

// text keeps the text of a value or an inline string; text elsewhere is
// only white space outside the root element.
func (w *sheetWalk) text(raw []byte) error {
	if len(w.stack) == 0 {
		if len(skipSpace(raw)) > 0 {
			return errNotPlain
		}
		return nil
	}
	if w.sink == nil {
		return nil
	}
	switch w.parent() {
	case frameValue:
		w.cell.value = append(w.cell.value, decodeText(raw)...)
	case frameInlineT:
		w.cell.text = append(w.cell.text, decodeText(raw)...)
	case frameRunT:
		w.cell.runs = append(w.cell.runs, decodeText(raw)...)
	}
	return nil
}

// start opens an element and says its kind; errNotPlain where the shape is
// not the one the walk knows.
func (w *sheetWalk) start(name []byte) (frameKind, error) {
	if w.closed {
		return 0, errNotPlain // a second root element
	}
	local := localName(name)
	c := &w.cell
	ok := true
	switch w.parent() {
	case frameOther:
		switch {
		case string(local) == "sheetData" && len(w.stack) == 1 && !w.seenSD:
			w.seenSD = true
			return frameSheetData, nil
		case string(local) == "sheetData" || string(local) == "row" || string(local) == "c":
			return 0, errNotPlain
		}
		return frameOther, nil
	case frameSheetData:
		if string(local) != "row" {
			return 0, errNotPlain
		}
		row, ok := w.rowNumber()
		if !ok {
			return 0, errNotPlain
		}
		for w.last < row-1 && !w.stopped && w.sink != nil {
			w.last++
			w.stopped = !w.sink(w.last, nil, nil)
		}
		w.last, w.col = row-1, 0
		w.values, w.numbers = w.values[:0], w.numbers[:0]
		return frameRow, nil
	case frameRow:
		if string(local) != "c" {
			return 0, errNotPlain
		}
		*c = plainCell{value: c.value[:0], text: c.text[:0], runs: c.runs[:0]}
		if !w.cellAttrs() {
			return 0, errNotPlain
		}
		w.col = c.col
		w.usesSST = w.usesSST || c.typ == "s"
		return frameCell, nil
	case frameCell:
		var slot int
		var kind frameKind
		switch string(local) {
		case "v":
			slot, kind = 0, frameValue
		case "f":
			slot, kind, c.formula = 1, frameFormula, true
		case "is":
			slot, kind, c.inline = 2, frameInline, true
		default:
			return 0, errNotPlain
		}
		if c.seen[slot] {
			return 0, errNotPlain
		}
		c.seen[slot] = true
		return kind, nil
	case frameInline:
		switch string(local) {
		case "t":
			ok, c.seenT = !c.seenT, true
			if ok {
				return frameInlineT, nil
			}
		case "r":
			c.runT = false
			return frameRun, nil
		}
	case frameRun:
		if string(local) == "t" && !c.runT {
			c.runT = true
			return frameRunT, nil
		}
	}
	// inside v, f or t, or formatting in an inline string
	return 0, errNotPlain
}

// end closes the innermost element. The rows are counted alike whether
// or not they go to a sink, so that the check and the reading agree.
func (w *sheetWalk) end() {
	kind := w.stack[len(w.stack)-1]
	w.names = w.names[:w.openedAt()]
	w.stack, w.ends = w.stack[:len(w.stack)-1], w.ends[:len(w.ends)-1]
	w.closed = len(w.stack) == 0
	switch {
	case kind == frameRow:
		w.last++
		if w.sink != nil {
			w.stopped = !w.sink(w.last, w.values, w.numbers)
		}
	case kind == frameCell && w.sink != nil:
		w.endCell()
	}
}

// endCell puts the cell's value where excelize's row reader does: at its
// column, after blanks, when it is not empty or has a formula.
func (w *sheetWalk) endCell() {
	c := &w.cell
	if c.typ == "" || c.typ == "n" {
		w.numbers = append(w.numbers, numberCell{col: c.col - 1, style: c.style})
	}
	var v string
	switch {
	case c.typ == "s" && len(c.value) > 0:
		// excelize: an index that does not read is 0; one outside the
		// table gives an error, which its row reader takes as empty.
		i, _ := strconv.Atoi(string(bytes.TrimSpace(c.value)))
		if i >= 0 && i < len(w.sst) {
			v = w.sst[i]
		}
	case c.typ == "inlineStr" && c.inline:
		v = bstrUnmarshal(string(c.text) + string(c.runs))
	default:
		v = string(c.value)
	}
	if v == "" && !c.formula {
		return
	}
	for len(w.values) < c.col-1 {
		w.values = append(w.values, "")
	}
	w.values = append(w.values, v)
}

// rowNumber is the row's r attribute, or the row after the last; false
// when it does not read as a row after the last one.
func (w *sheetWalk) rowNumber() (int, bool) {
	r, given := w.x.attr("r")
	if !given {
		return w.last + 1, w.last+1 <= maxExcelRows
	}
	n, ok := digits(r)
	return n, ok && n > w.last && n <= maxExcelRows
}

// cellAttrs reads a cell's reference, style and type; false when the
// reference is not a plain one after the row's last cell, or the style not
// a plain number.
func (w *sheetWalk) cellAttrs() bool {
	c := &w.cell
	c.col = w.col + 1
	if ref, given := w.x.attr("r"); given {
		col, ok := cellColumn(ref)
		if !ok || col <= w.col {
			return false
		}
		c.col = col
	}
	if s, given := w.x.attr("s"); given {
		style, ok := digits(s)
		if !ok {
			return false
		}
		c.style = style
	}
	t, _ := w.x.attr("t")
	c.typ = cellType(t)
	return true
}

// cellType is a cell's t attribute; the usual ones without allocating.
func cellType(t []byte) string {
	for _, known := range []string{"", "s", "n", "str", "inlineStr", "b", "e", "d"} {
		if string(t) == known {
			return known
		}
	}
	return string(t)
}

// digits reads one to nine decimal digits.
func digits(s []byte) (int, bool) {
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// cellColumn reads the column of a reference such as "AB12": one to three
// capital letters, then a row number from 1 without leading zeros.
func cellColumn(ref []byte) (int, bool) {
	i, col := 0, 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A') + 1
	}
	if i == 0 || i > 3 || col > maxExcelColumns || i == len(ref) || ref[i] == '0' {
		return 0, false
	}
	row, ok := digits(ref[i:])
	return col, ok && row >= 1 && row <= maxExcelRows
}
