package importer

import (
	"fmt"
	"strconv"
	"time"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// Plan is what importing a file would do, shown before anything is written:
// per sheet the kind, the columns understood and ignored, the rows that are
// new, changed or unchanged, and every problem. A Plan with errors cannot
// be committed.
type Plan struct {
	File   string       `json:"file"`
	SHA256 string       `json:"sha256"`
	Sheets []*SheetPlan `json:"sheets"`
	// Counts are the rows new, changed and unchanged per table.
	Counts   map[string]*Count `json:"counts"`
	Errors   int               `json:"errors"`
	Warnings int               `json:"warnings"`
	// Fingerprint identifies the changes: Commit with Options.Fingerprint
	// refuses if the data changed since the preview so that they differ.
	Fingerprint string `json:"fingerprint"`
}

// SheetPlan is the part of a Plan for one sheet.
type SheetPlan struct {
	Name string `json:"name"`
	// Kind is empty when the sheet was not recognised or is skipped.
	Kind      Kind   `json:"kind,omitempty"`
	KindLabel string `json:"kind_label,omitempty"`
	// HeaderRow is the row of the headers (1-based), 0 if none was found.
	HeaderRow int `json:"header_row,omitempty"`
	// Day is the day a wide participation sheet pictures.
	Day     string   `json:"day,omitempty"`
	Columns []Column `json:"columns,omitempty"`
	// Ignored are the headers, as written, that the import does not use.
	Ignored   []string `json:"ignored_columns,omitempty"`
	New       int      `json:"new"`
	Changed   int      `json:"changed"`
	Unchanged int      `json:"unchanged"`
	// Rows are the rows that add or change a row, in sheet order, up to
	// the Options.RowLimit; RowsOmitted counts the ones after them.
	Rows        []RowChange `json:"rows,omitempty"`
	RowsOmitted int         `json:"rows_omitted,omitempty"`
	// Ended are the participations a wide sheet ends: active in the
	// database on its day, empty in the sheet.
	Ended    []Ending  `json:"ended,omitempty"`
	Problems []Problem `json:"problems,omitempty"`
	// Skipped says why a sheet is not read at all (hidden, empty).
	Skipped string `json:"skipped,omitempty"`
	// SkippedRows are the rows not read: the template's example rows.
	SkippedRows []int `json:"skipped_rows,omitempty"`
}

// Column is a header the import understood.
type Column struct {
	Header string `json:"header"` // as written
	Field  string `json:"field"`
	Label  string `json:"label"` // the field in the plan's language
}

// RowChange is a row of a sheet that adds or changes a row of a table.
type RowChange struct {
	Row    int           `json:"row"`
	Change string        `json:"change"` // "new" or "changed"
	Table  string        `json:"table"`
	Label  string        `json:"label"` // which member, service, goal …
	Fields []FieldChange `json:"fields,omitempty"`
}

// FieldChange is one value a changed row changes, old → new.
type FieldChange struct {
	Field string `json:"field"`
	Label string `json:"label"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// Ending is a participation a wide sheet ends.
type Ending struct {
	Row    int    `json:"row"`
	Column string `json:"column"`
	Label  string `json:"label"`
	From   string `json:"from"`
	To     string `json:"to"`
}

// Severity of a Problem: an error blocks the import, a warning does not.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// Problem is something wrong in a file, at its place: the sheet, the
// sheet's own row number (1-based; 0 for the sheet as a whole), the column's
// header as written and the value.
type Problem struct {
	Sheet    string `json:"sheet"`
	Row      int    `json:"row,omitempty"`
	Column   string `json:"column,omitempty"`
	Value    string `json:"value,omitempty"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
}

// Count is what a file does to one table.
type Count = analytics.ImportCount

// Tables in the order the import writes them.
var tables = []string{"members", "services", "events", "goals", "fee_bands", "participations", "attendance",
	"benefits", "benefit_measurements"}

// HasErrors says whether anything blocks the import.
func (p *Plan) HasErrors() bool { return p.Errors > 0 }

// Changes is the number of rows the import would add or change.
func (p *Plan) Changes() int {
	n := 0
	for _, c := range p.Counts {
		n += c.New + c.Changed
	}
	return n
}

// Problems lists every problem of every sheet, in sheet order.
func (p *Plan) Problems() []Problem {
	var out []Problem
	for _, s := range p.Sheets {
		out = append(out, s.Problems...)
	}
	return out
}

// Place writes where a problem is, in the language given.
func (pr Problem) Place(lang string) string {
	s := pr.Sheet
	if pr.Row > 0 {
		s += ", " + locale.Text(lang, "place.row", pr.Row)
	}
	if pr.Column != "" {
		s += ", " + locale.Text(lang, "place.column", pr.Column)
	}
	return s
}

// display writes a value for the plan: dates as ISO dates, empty as "–".
func display(v any) string {
	switch x := v.(type) {
	case nil:
		return "–"
	case string:
		if x == "" {
			return "–"
		}
		return x
	case int:
		if x == 0 {
			return "–"
		}
		return strconv.Itoa(x)
	case time.Time:
		if x.IsZero() {
			return "–"
		}
		return x.Format(time.DateOnly)
	case float64:
		return formatDecimal(x, -1)
	case *float64:
		if x == nil {
			return "–"
		}
		return formatDecimal(*x, -1)
	}
	return fmt.Sprint(v)
}

// formatDecimal writes f with prec decimals (-1: as many as needed).
func formatDecimal(f float64, prec int) string {
	return strconv.FormatFloat(f, 'f', prec, 64)
}
