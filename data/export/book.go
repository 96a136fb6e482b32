package export

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"malbild/analytics/locale"
)

// book is a workbook being written: the file, its styles, how many sheets
// it has so far and what its printed pages say in their header and footer.
type book struct {
	f      *excelize.File
	st     *styles
	sheets int
	info   bookInfo
}

// bookInfo is what a workbook says about itself: in its document
// properties and in the header and footer of every printed page.
type bookInfo struct {
	title   string    // the document's title, left in every page header
	author  string    // who it is from: the association
	lang    string    // locale.Sv or locale.En
	asOf    time.Time // the day its numbers are taken on, right in every page header
	created time.Time // when it was made, by the store's clock
}

// newBook starts a workbook whose properties name what it is, who it is
// from and when it was made (without them the file says 2006).
func newBook(info bookInfo) (*book, error) {
	f := excelize.NewFile()
	st, err := newStyles(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	created := info.created.UTC().Format(time.RFC3339)
	err = f.SetDocProps(&excelize.DocProperties{
		Title: info.title, Subject: info.title, Creator: info.author, LastModifiedBy: info.author,
		Created: created, Modified: created, Language: info.lang,
	})
	if err != nil {
		f.Close()
		return nil, err
	}
	return &book{f: f, st: st, info: info}, nil
}

// headerFooter is what every printed page says: the workbook's title and
// its as-of date in the header, "sida N av M" in the footer, in the
// workbook's typeface.
func (b *book) headerFooter() *excelize.HeaderFooterOptions {
	typeface := func(style string) string { return fmt.Sprintf("&\"%s,%s\"&%d", fontFamily, style, fontSize) }
	escape := func(s string) string { return strings.ReplaceAll(s, "&", "&&") }
	header := "&L" + typeface("Bold") + escape(b.info.title)
	if !b.info.asOf.IsZero() {
		header += "&R" + typeface("Regular") + escape(locale.Text(b.info.lang, "asof")+" "+b.info.asOf.Format(time.DateOnly))
	}
	footer := "&C" + typeface("Regular") + locale.Text(b.info.lang, "page")
	return &excelize.HeaderFooterOptions{OddHeader: header, OddFooter: footer}
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
	err = b.f.SetPageLayout(name, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, FitToWidth: &oneWide, FitToHeight: &anyHigh,
	})
	if err != nil {
		return err
	}
	if err := b.f.SetPageMargins(name, pageMargins()); err != nil {
		return err
	}
	return b.f.SetHeaderFooter(name, b.headerFooter())
}

// Page margins in inches: narrow at the sides, room for the header and
// footer above and below. Within them A4 landscape holds about 140 column
// width units at full size (LibreOffice, Arial 10 as the default font); a
// sheet at most pageWidth wide is fitted to at least 0.93 of full size, so
// that 10 points print at 9 or more.
const (
	sideMargin = 0.4
	pageWidth  = 150
)

func pageMargins() *excelize.PageLayoutMarginsOptions {
	side, edge, band := sideMargin, 0.6, 0.25
	return &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &edge, Bottom: &edge, Header: &band, Footer: &band}
}

// lineHeight is the height in points of a row of one line of text.
const lineHeight = 15

// wrappedHeight is the height a row needs to show text wrapped in a column
// width characters wide, broken at spaces as a spreadsheet program does; 0
// when one line does. It is the one place row heights are computed. A width
// counts digits: text in a proportional face fits about a sixth more letters.
// It is never more than Excel allows (excelize.MaxRowHeight, 409 points): a
// longer text shows its beginning in the row and the whole in the cell.
func wrappedHeight(text string, width float64) float64 {
	perLine := max(int((width-1)*1.15), 1)
	lines := 0
	for _, paragraph := range strings.Split(text, "\n") {
		lines++
		used := 0
		for _, word := range strings.Fields(paragraph) {
			n := utf8.RuneCountInString(word)
			switch {
			case used == 0:
				used = n
			case used+1+n <= perLine:
				used += 1 + n
			default:
				lines++
				used = n
			}
			for used > perLine { // a word longer than the line breaks inside
				lines++
				used -= perLine
			}
		}
	}
	if lines <= 1 {
		return 0
	}
	return min(float64(lines*lineHeight), excelize.MaxRowHeight)
}

// longestWord is the length of the longest word of text: a column of wrapped
// text narrower than that breaks the word.
func longestWord(text string) int {
	n := 0
	for _, word := range strings.Fields(text) {
		n = max(n, utf8.RuneCountInString(word))
	}
	return n
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

// rowRange is an absolute range along row of a sheet, for a chart:
// 'Sheet'!$B$2:$M$2.
func rowRange(sheet string, row, fromCol, toCol int) string {
	from, _ := excelize.ColumnNumberToName(fromCol)
	to, _ := excelize.ColumnNumberToName(toCol)
	return fmt.Sprintf("%s!$%s$%d:$%s$%d", quoteSheet(sheet), from, row, to, row)
}
