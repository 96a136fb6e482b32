package export

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// book is a workbook being written: the file, its styles and how many sheets
// it has so far.
type book struct {
	f      *excelize.File
	st     *styles
	sheets int
}

// newBook starts a workbook whose properties name what it is.
func newBook(title, language string) (*book, error) {
	f := excelize.NewFile()
	st, err := newStyles(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	err = f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "Målbild", Language: language})
	if err != nil {
		f.Close()
		return nil, err
	}
	return &book{f: f, st: st}, nil
}

// addSheet adds a sheet after the others (the first takes the place of the
// new file's "Sheet1"), with an autofilter over filterRef ("" for none),
// set up to print on A4 landscape, one page wide. It must come before a
// StreamWriter for the sheet, which writes the sheet's properties when it
// starts.
func (b *book) addSheet(name, filterRef string) error {
	var err error
	if b.sheets == 0 {
		err = b.f.SetSheetName(b.f.GetSheetName(0), name)
	} else {
		_, err = b.f.NewSheet(name)
	}
	if err != nil {
		return fmt.Errorf("sheet %s: %w", name, err)
	}
	b.sheets++
	// AutoFilter replaces the sheet's properties: it goes first.
	if filterRef != "" {
		if err := b.f.AutoFilter(name, filterRef, nil); err != nil {
			return err
		}
	}
	fit := true
	if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	a4, landscape, oneWide, anyHigh := 9, "landscape", 1, 0
	return b.f.SetPageLayout(name, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, FitToWidth: &oneWide, FitToHeight: &anyHigh,
	})
}

// lineHeight is the height in points of a row of one line of text.
const lineHeight = 15

// wrappedHeight is the height a row needs to show text wrapped in a column
// width characters wide; 0 when one line does. It is never more than Excel
// allows (excelize.MaxRowHeight, 409 points): a longer text shows its
// beginning in the row and the whole in the cell.
func wrappedHeight(text string, width float64) float64 {
	perLine := max(int(width)-1, 1)
	lines := (utf8.RuneCountInString(text) + perLine - 1) / perLine
	if lines <= 1 {
		return 0
	}
	return min(float64(lines*lineHeight), excelize.MaxRowHeight)
}

// repeatHeader prints the header row at row on top of every page.
func (b *book) repeatHeader(sheet string, row int) error {
	return b.f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("%s!$%d:$%d", quoteSheet(sheet), row, row),
		Scope:    sheet,
	})
}

// quoteSheet quotes a sheet name for a reference such as 'Tjänster'!$A$1.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// cellName is the reference of column col and row (both 1-based), "B7".
func cellName(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		panic(err) // columns and rows come from the code's own layouts
	}
	return name
}

// absRange is an absolute range on a sheet for charts and drop-downs:
// 'Sheet'!$B$2:$B$13.
func absRange(sheet string, col, fromRow, toRow int) string {
	c, _ := excelize.ColumnNumberToName(col)
	return fmt.Sprintf("%s!$%s$%d:$%s$%d", quoteSheet(sheet), c, fromRow, c, toRow)
}
