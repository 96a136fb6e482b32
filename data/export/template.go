package export

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
	"malbild/data/reference"
)

// listSheet is the template's hidden sheet of drop-down values: a list of
// service names can pass the 255 characters a list written into the
// validation itself may hold.
const listSheet = "Listor"

// templateRows is how many rows below the header get the drop-down lists.
const templateRows = 5000

// Template writes the import template to w: an instructions sheet in Swedish
// and English, then every sheet of the import's format with its headers, an
// example row in grey italics and drop-down lists (kinds, formats, roles,
// metrics, comparators, statuses, categories, counties, and the names of the
// services and networks in s) that warn on other values but accept them, so
// that English words and services new in the same file still go in.
func Template(ctx context.Context, s *analytics.Store, w io.Writer) error {
	services, err := s.AllServices(ctx)
	if err != nil {
		return err
	}
	lists := templateLists(services)
	b, err := storeBook(ctx, s, "Målbild – importmall", locale.Sv, time.Time{})
	if err != nil {
		return err
	}
	if err := b.instructionsSheet(); err != nil {
		b.f.Close()
		return err
	}
	for _, format := range importFormat {
		if err := b.writeTable(b.templateTable(format, lists)); err != nil {
			b.f.Close()
			return err
		}
	}
	if err := b.listsSheet(lists); err != nil {
		b.f.Close()
		return err
	}
	return writeAndClose(b.f, w)
}

// dropList is one drop-down list: its values and where they are written on
// the list sheet.
type dropList struct {
	values []string
	column int
}

// templateLists are the drop-down lists by key (importColumn.list).
func templateLists(services []analytics.Service) map[string]*dropList {
	var metrics, counties, names []string
	for _, m := range analytics.MetricCatalog() {
		metrics = append(metrics, m.Key)
	}
	for _, c := range reference.Counties() {
		counties = append(counties, c.Name)
	}
	for _, s := range services {
		names = append(names, s.Name)
	}
	values := [][2]any{
		{"member_kinds", []string{"kommun", "region", "kommunalförbund", "övrig"}},
		{"service_kinds", []string{"tjänst", "nätverk"}},
		{"formats", []string{"digital", "fysisk", "hybrid"}},
		{"roles", []string{"värd", "deltagare"}},
		{"metrics", append(metrics, "manuell")},
		{"comparators", []string{">=", ">", "<=", "<", "=", "mellan"}},
		{"statuses", []string{"uppnått", "i fas", "i riskzonen", "ej uppnått"}},
		{"categories", []string{"kommun", "övrig"}},
		{"counties", counties},
		{"services", names},
		{"budget_kinds", []string{"investering", "drift"}},
	}
	values = append(values, benefitLists...)
	out := map[string]*dropList{}
	for i, v := range values {
		out[v[0].(string)] = &dropList{values: v[1].([]string), column: i + 1}
	}
	return out
}

// examplePrefix starts the first cell of every example row: the import
// (importer.ExamplePrefix) skips such a row and reports it, so importing the
// template as it comes changes nothing, whatever its example values are.
const examplePrefix = "Exempel: "

// templateTable is an import sheet with its example row and drop-downs.
func (b *book) templateTable(format importSheet, lists map[string]*dropList) table {
	// Texts wrap, so that the goal sheet's long example keeps the sheet a
	// page wide.
	const textWidth = 24
	styleOf := func(c importColumn) int {
		if c.kind == kindText {
			return b.top(b.st.wrap)
		}
		return b.top(b.st.kindStyle(c.kind))
	}
	t := b.importTable(format, true, 1, func(_ int, dst []any) []any {
		for i, c := range format.columns {
			style, value := b.exampleOf(styleOf(c)), c.example
			if i == 0 {
				style, value = b.exampleOf(b.top(b.st.text)), examplePrefix+fmt.Sprint(c.example)
			}
			dst = append(dst, excelize.Cell{StyleID: style, Value: value})
		}
		return dst
	})
	for i, c := range format.columns {
		if c.kind == kindText {
			t.columns[i].wrapAt = textWidth
		}
	}
	t.decorate = func(sheet string) error {
		for i, c := range format.columns {
			l := lists[c.list]
			if l == nil || len(l.values) == 0 {
				continue
			}
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(cellName(i+1, 2) + ":" + cellName(i+1, templateRows+1))
			dv.SetSqrefDropList(absRange(listSheet, l.column, 2, len(l.values)+1))
			dv.SetError(excelize.DataValidationErrorStyleWarning, "Målbild",
				"Värdet finns inte i listan. Det går att importera om importen känner igen det. / "+
					"The value is not in the list. It imports if the import recognises it.")
			if err := b.f.AddDataValidation(sheet, dv); err != nil {
				return err
			}
		}
		return nil
	}
	return t
}

// listsSheet writes the drop-down values, a column per list under its key,
// and hides the sheet.
func (b *book) listsSheet(lists map[string]*dropList) error {
	if err := b.addSheet(listSheet, ""); err != nil {
		return err
	}
	w := b.cells(listSheet)
	for key, l := range lists {
		w.set(l.column, 1, key, b.st.header)
		for i, v := range l.values {
			w.set(l.column, i+2, v, 0)
		}
	}
	if w.err != nil {
		return w.err
	}
	return b.f.SetSheetVisible(listSheet, false)
}
