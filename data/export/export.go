// Package export writes Målbild's workbooks (DESIGN "Export"): the annual
// meeting report with native charts, the data in the import's own format,
// the import template and the fee list for invoicing.
//
// Every workbook follows the same rules:
//   - text is written as text: a value starting with "=", "+", "-" or "@" is a
//     string cell, never a formula (no function of this package writes a
//     formula);
//   - numbers are numbers, dates are dates with the format yyyy-mm-dd, shares
//     are fractions with a percentage format;
//   - personal data (contact name and e-mail) is written only when the caller
//     asks for it: without it the columns are absent, not hidden;
//   - every sheet has a frozen header row and an autofilter, and prints on A4
//     landscape, fitted to the page width.
//
// Large sheets go through excelize's StreamWriter, so memory stays bounded
// by the rows one sheet holds in the domain's own types.
package export

import (
	"context"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
)

// ContentType is the media type of every workbook this package writes.
const ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// writeAndClose writes f to w and releases its temporary files.
func writeAndClose(f *excelize.File, w io.Writer) error {
	_, err := f.WriteTo(w)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Association is the association's name on every report and printed page:
// the admin's setting (DESIGN "Export"), else fallback, else
// DefaultAssociation.
func Association(ctx context.Context, s *analytics.Store, fallback string) (string, error) {
	name, err := s.Setting(ctx, analytics.SettingAssociation)
	switch {
	case err != nil:
		return "", err
	case name != "":
		return name, nil
	case fallback != "":
		return fallback, nil
	}
	return DefaultAssociation, nil
}

// storeBook starts a workbook of s titled title, from the association,
// made now by the store's clock; asOf (zero: none) goes in its page headers.
func storeBook(ctx context.Context, s *analytics.Store, title, lang string, asOf time.Time) (*book, error) {
	author, err := Association(ctx, s, "")
	if err != nil {
		return nil, err
	}
	return newBook(bookInfo{title: title, author: author, lang: lang, asOf: asOf, created: s.Now()})
}
