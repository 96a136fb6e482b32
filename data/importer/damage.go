package importer

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html/charset"

	"malbild/analytics/locale"
)

// excelize's streaming row reader stops silently at the first token it
// cannot read: a worksheet cut off, holding garbage, an undefined entity or
// bytes that are not UTF-8 at row 103 reads as 102 good rows and nothing
// more, and its Error() stays nil. So before excelize reads a workbook,
// every worksheet is read strictly to its end here, straight from the zip;
// the first damage refuses the whole file with the sheet and the row where
// reading stopped, and nothing is imported.

// damage is a worksheet that cannot be read to its end.
type damage struct {
	row    int    // the sheet's row (1-based) where reading stopped
	detail string // "damage.*": what is wrong
}

// checkWorksheets reads every worksheet of the workbook strictly, in the
// workbook's order, and refuses the file at the first damaged one. A
// worksheet plainXML reads to its end is whole (issue 18: that takes a
// tenth of scanWorksheet's time); any other is scanned by scanWorksheet,
// which finds the damage and its row, or finds it whole but not plain. It
// returns the plain worksheets, by name, and whether any of them uses the
// shared strings.
func checkWorksheets(zr *zip.Reader, order []string, parts map[string]string, lang string) (map[string]bool, bool, error) {
	plain, usesSST := map[string]bool{}, false
	for _, name := range order {
		f := findPart(zr, parts[name])
		if f == nil {
			continue
		}
		if uses, err := walkPart(f); err == nil {
			plain[name], usesSST = true, usesSST || uses
			continue
		}
		if d := scanWorksheet(f); d != nil {
			e := fileError(lang, ReasonDamaged, name, d.row, locale.Text(lang, d.detail))
			e.Sheet, e.Row = name, d.row
			return nil, false, e
		}
	}
	return plain, usesSST, nil
}

// walkPart checks that a worksheet part is plain (walkSheet).
func walkPart(f *zip.File) (usesSST bool, err error) {
	rc, err := f.Open()
	if err != nil {
		return false, errNotPlain
	}
	defer rc.Close()
	return walkSheet(io.LimitReader(rc, MaxUnzipSize), nil, nil)
}

// scanWorksheet reads a worksheet part to its end with a strict XML decoder
// and says where it stopped, or nil when it is whole.
func scanWorksheet(f *zip.File) *damage {
	rc, err := f.Open()
	if err != nil {
		return &damage{row: 1, detail: "damage.zip"}
	}
	defer rc.Close()
	zr := &zipEntryReader{r: io.LimitReader(rc, MaxUnzipSize)}
	d := xml.NewDecoder(zr)
	d.Strict = true
	d.CharsetReader = charset.NewReaderLabel
	last, inRow := 0, false
	var open []xml.Name // the elements open, to match end tags to start tags
	done := false       // the root element has closed
	stopped := func(err error) *damage {
		row := last
		if !inRow {
			row++ // between rows: the row that could not be read is the next one
		}
		return &damage{row: max(row, 1), detail: damageDetail(err, zr.err)}
	}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			// RawToken does not match end tags to start tags; a sheet that
			// ends before </worksheet> is cut off.
			if !done {
				return stopped(io.ErrUnexpectedEOF)
			}
			return nil
		}
		if err != nil {
			return stopped(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if done {
				return stopped(errors.New("a second root element"))
			}
			open = append(open, t.Name)
			if t.Name.Local == "row" {
				last, inRow = rowNumber(t, last), true
			}
		case xml.EndElement:
			if len(open) == 0 || open[len(open)-1] != t.Name {
				return stopped(errors.New("an end tag that closes no open element"))
			}
			open = open[:len(open)-1]
			if t.Name.Local == "row" {
				inRow = false
			}
			done = len(open) == 0
		case xml.CharData:
			if done && len(strings.TrimSpace(string(t))) > 0 {
				return stopped(errors.New("text after the document"))
			}
		}
	}
}

// rowNumber is a <row>'s r attribute, or the row after the last one.
func rowNumber(t xml.StartElement, last int) int {
	for _, a := range t.Attr {
		if a.Name.Local == "r" {
			if n := atoi([]byte(a.Value)); n > 0 {
				return n
			}
		}
	}
	return last + 1
}

// zipEntryReader keeps the error of the zip entry under the decoder, which
// says the entry, not its XML, is damaged.
type zipEntryReader struct {
	r   io.Reader
	err error
}

func (c *zipEntryReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if err != nil && err != io.EOF {
		c.err = err
	}
	return n, err
}

// damageDetail names what stopped the reading, for the message.
func damageDetail(err, zipErr error) string {
	text := err.Error()
	switch {
	case zipErr != nil:
		return "damage.zip"
	case errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(text, "unexpected EOF"):
		return "damage.truncated"
	case strings.Contains(text, "UTF-8") || strings.Contains(text, "encoding") || strings.Contains(text, "charset"):
		return "damage.encoding"
	case strings.Contains(text, "entity"):
		return "damage.entity"
	}
	return "damage.syntax"
}
