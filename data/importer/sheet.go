package importer

import (
	"fmt"
	"strings"

	"malbild/analytics/locale"
)

// read reads the sheet's rows into the registry, by its kind.
func (s *sheet) read() error {
	switch s.kind() {
	case KindMembers:
		return s.readMembers()
	case KindServices:
		return s.readServices()
	case KindParticipation:
		return s.readParticipations()
	case KindEvents:
		return s.readEvents()
	case KindAttendance:
		return s.readAttendance()
	case KindGoals:
		return s.readGoals()
	case KindFees:
		return s.readFees()
	case KindBenefits:
		return s.readBenefits()
	case KindBenefitMeasurements:
		return s.readBenefitMeasurements()
	case KindBudget:
		return s.readBudget()
	case KindBudgetFollowups:
		return s.readBudgetFollowups()
	case KindPriceBase:
		return s.readPriceBase()
	}
	return s.readWide()
}

// describe records the sheet's kind and the columns the import understood.
func (s *sheet) describe(kind Kind, headerRow int) {
	s.plan.Kind, s.plan.KindLabel, s.plan.HeaderRow = kind, locale.Text(s.b.lang, "kind."+string(kind)), headerRow
	if s.head == nil {
		return
	}
	for _, fs := range s.head.spec.fields {
		if col, ok := s.head.columns[fs.field]; ok {
			s.plan.Columns = append(s.plan.Columns, Column{Header: s.head.names[col], Field: string(fs.field),
				Label: locale.Text(s.b.lang, "field."+string(fs.field))})
		}
	}
	for _, col := range s.head.ignored {
		s.plan.Ignored = append(s.plan.Ignored, s.head.names[col])
	}
	for _, d := range s.head.dup {
		s.plan.Ignored = append(s.plan.Ignored, s.head.names[d[1]])
		s.warn(headerRow, s.head.names[d[1]], Cell{}, "sheet.duplicate_column", s.head.names[d[1]], s.head.names[d[0]])
	}
}

// unknownKind reports a sheet whose headers match no kind, with the headers
// each kind expects.
func (s *sheet) unknownKind(row int) {
	s.plan.HeaderRow = row
	s.failAt(row, "", "", "sheet.unknown_kind", locale.Text(s.b.lang, "sheet.expected"))
}

// each calls fn with every non-empty row below the header but the
// template's example rows, which it reports as skipped.
func (s *sheet) each(headerRow int, fn func(row int, cells []Cell)) error {
	return s.b.src.rows(s.plan.Name, func(row int, cells []Cell) bool {
		if row <= headerRow || allEmpty(cells) {
			return true
		}
		if col, ok := exampleRow(cells); ok {
			s.exampleRows++
			s.plan.SkippedRows = append(s.plan.SkippedRows, row)
			s.warn(row, s.columnName(col), cells[col], "row.example", strings.TrimSpace(ExamplePrefix))
			return true
		}
		s.dataRows++
		if !s.holdable(row, cells) {
			return true
		}
		fn(row, cells)
		return true
	})
}

// ExamplePrefix starts the first cell of the import template's example
// rows (data/export): a row whose first non-empty cell starts with it, or
// with its English form "Example:", is never imported, only reported as
// skipped. Overwriting the cell makes the row data.
const ExamplePrefix = "Exempel: "

// exampleRow says whether cells are an example row, and which column holds
// the mark.
func exampleRow(cells []Cell) (int, bool) {
	for i, c := range cells {
		if c.Empty() {
			continue
		}
		t := fold(strings.TrimSpace(c.Text()))
		return i, strings.HasPrefix(t, "exempel:") || strings.HasPrefix(t, "example:")
	}
	return 0, false
}

// columnName is the header of column col as written.
func (s *sheet) columnName(col int) string {
	switch {
	case s.head != nil && col < len(s.head.names):
		return s.head.names[col]
	case s.head == nil && col < len(s.wideHead):
		return s.wideHead[col].Text()
	}
	return ""
}

// MaxCellChars is the most characters (UTF-16 code units, as Excel counts
// them) a cell of a workbook holds.
const MaxCellChars = 32_767

// holdable checks that every cell the sheet reads holds a value a workbook
// can hold, so that what is imported exports and imports again unchanged:
// at most MaxCellChars characters, and no control character but tab, line
// feed and carriage return (NUL included, whether typed raw in a CSV file
// or escaped as _x0000_ in a workbook). A cell that cannot is an error at
// its place, and the row is not read further.
func (s *sheet) holdable(row int, cells []Cell) bool {
	ok := true
	for col, c := range cells {
		if c.Raw == "" || !s.reads(col) {
			continue
		}
		if n := utf16Len(c.Raw); n > MaxCellChars {
			s.failAt(row, s.columnName(col), shorten(c.Raw), "value.too_long", shorten(c.Raw), n, MaxCellChars)
			ok = false
			continue
		}
		for _, r := range c.Raw {
			if isForbiddenControl(r) {
				shown := shorten(c.Raw)
				s.failAt(row, s.columnName(col), shown, "value.control", shown, fmt.Sprintf("U+%04X", r))
				ok = false
				break
			}
		}
	}
	return ok
}

// reads says whether the sheet reads column col: a column understood, or
// any column of a wide sheet.
func (s *sheet) reads(col int) bool {
	if s.head == nil {
		return true
	}
	for _, c := range s.head.columns {
		if c == col {
			return true
		}
	}
	return false
}

// isForbiddenControl says whether r is a control character a workbook
// cannot hold: C0 controls but tab, LF and CR, DEL, the C1 controls, and
// the non-characters U+FFFE and U+FFFF.
func isForbiddenControl(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r == 0x7F, r >= 0x80 && r <= 0x9F, r == 0xFFFE, r == 0xFFFF:
		return true
	}
	return false
}

// utf16Len is the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}

// shorten is a value as a problem shows it: control characters written as
// escapes, and at most 60 characters.
func shorten(v string) string {
	var b strings.Builder
	n := 0
	for _, r := range v {
		if n == 60 {
			b.WriteString("…")
			break
		}
		if isForbiddenControl(r) {
			fmt.Fprintf(&b, "\\x%02X", r)
		} else {
			b.WriteRune(r)
		}
		n++
	}
	return b.String()
}

// has says whether the sheet has a column for f.
func (s *sheet) has(f field) bool {
	_, ok := s.head.columns[f]
	return ok
}

// cell is the row's cell in f's column; an empty cell if there is none.
func (s *sheet) cell(cells []Cell, f field) Cell {
	col, ok := s.head.columns[f]
	if !ok || col >= len(cells) {
		return Cell{}
	}
	return cells[col]
}

// given says whether the sheet has f's column and the row's cell holds something.
func (s *sheet) given(cells []Cell, f field) bool { return s.has(f) && !s.cell(cells, f).Empty() }

// header is f's column header as written.
func (s *sheet) header(f field) string {
	if col, ok := s.head.columns[f]; ok {
		return s.head.names[col]
	}
	return locale.Text(s.b.lang, "field."+string(f))
}

// errorf and warnf record a problem with the value in f's column of row;
// the message gets the value as its first argument, then args.
func (s *sheet) errorf(row int, f field, c Cell, code string, args ...any) {
	s.fail(row, s.header(f), c, code, args...)
}

func (s *sheet) warnf(row int, f field, c Cell, code string, args ...any) {
	s.problem(SeverityWarning, row, s.header(f), c, code, args...)
}

func (s *sheet) fail(row int, column string, c Cell, code string, args ...any) {
	s.problem(SeverityError, row, column, c, code, args...)
}

func (s *sheet) warn(row int, column string, c Cell, code string, args ...any) {
	s.problem(SeverityWarning, row, column, c, code, args...)
}

func (s *sheet) failAt(row int, column, value, code string, args ...any) {
	s.plan.Problems = append(s.plan.Problems, Problem{Sheet: s.plan.Name, Row: row, Column: column, Value: value,
		Severity: SeverityError, Code: code, Message: locale.Text(s.b.lang, code, args...)})
}

func (s *sheet) problem(severity string, row int, column string, c Cell, code string, args ...any) {
	value := c.Text()
	s.plan.Problems = append(s.plan.Problems, Problem{Sheet: s.plan.Name, Row: row, Column: column, Value: value,
		Severity: severity, Code: code, Message: locale.Text(s.b.lang, code, append([]any{value}, args...)...)})
}

// added, changed and unchanged record what a row does to a table.
func (s *sheet) added(row int, table, label string) {
	s.plan.New++
	s.b.plan.Counts[table].New++
	s.list(RowChange{Row: row, Change: "new", Table: table, Label: label})
}

func (s *sheet) changed(row int, table, label string, d *diff) {
	s.plan.Changed++
	s.b.plan.Counts[table].Changed++
	s.list(RowChange{Row: row, Change: "changed", Table: table, Label: label, Fields: d.fields})
}

// list adds a row to the sheet's plan, or counts it among the omitted once
// the plan lists as many as its limit.
func (s *sheet) list(rc RowChange) {
	if limit := s.b.rowLimit; limit >= 0 && len(s.plan.Rows) >= limit {
		s.plan.RowsOmitted++
		return
	}
	s.plan.Rows = append(s.plan.Rows, rc)
}

func (s *sheet) unchanged(table string) {
	s.plan.Unchanged++
	s.b.plan.Counts[table].Unchanged++
}

// diff collects the fields a row changes, old → new, as the plan shows them.
type diff struct {
	lang   string
	fields []FieldChange
}

func (s *sheet) diff() *diff { return &diff{lang: s.b.lang} }

func (d *diff) add(f field, old, new any) {
	o, n := display(old), display(new)
	if o != n {
		d.fields = append(d.fields, FieldChange{Field: string(f), Label: locale.Text(d.lang, "field."+string(f)), Old: o, New: n})
	}
}

func (d *diff) empty() bool { return len(d.fields) == 0 }

// label joins the non-empty parts that name a row in the plan.
func label(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ", ")
}
