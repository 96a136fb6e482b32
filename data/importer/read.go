package importer

import (
	"bytes"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// Limits of what the import reads. A file beyond them is refused with a
// message that says which limit and what to do, before anything is parsed.
const (
	// MaxFileSize is the largest file accepted, in bytes (20 MiB).
	MaxFileSize = 20 << 20
	// MaxRows is the most rows one sheet may have, title and header rows
	// included.
	MaxRows = 200_000
	// MaxUnzipSize is the most bytes a workbook may unpack to (256 MiB);
	// more is treated as a zip bomb.
	MaxUnzipSize = 256 << 20
	// maxSheetInMemory is the size of a worksheet's XML above which excelize
	// streams it from a temporary file rather than holding it in memory.
	maxSheetInMemory = 16 << 20
	// maxTitleRows is how many rows at the top of a sheet are searched for
	// its header row.
	maxTitleRows = 20
)

// FileError is a file the import cannot read at all: nothing in it is
// imported. Reason is one of the Reason constants; Message says, in the
// language asked for, what is wrong and what to do. It unwraps to an
// *analytics.Error with code EInvalid.
type FileError struct {
	Reason  string
	Message string
	// Sheet and Row say where reading stopped in a damaged sheet
	// (ReasonDamaged): the sheet's name and its own 1-based row number.
	Sheet string
	Row   int
}

// Reasons for a FileError.
const (
	ReasonEmpty          = "empty"           // no bytes, or no sheet with anything in it
	ReasonHeaderOnly     = "header_only"     // headers but no rows to import
	ReasonOnlyExamples   = "only_examples"   // nothing but the template's example rows
	ReasonUnreadable     = "unreadable"      // a sheet or CSV file that cannot be parsed
	ReasonDamaged        = "damaged"         // a sheet that stops being readable at a row
	ReasonTooLarge       = "too_large"       // over MaxFileSize
	ReasonTooManyRows    = "too_many_rows"   // a sheet over MaxRows
	ReasonZipBomb        = "zip_bomb"        // unpacks to more than MaxUnzipSize
	ReasonOldExcel       = "xls"             // an Excel 97–2003 workbook or Excel 2003 XML
	ReasonOpenDocument   = "ods"             // a LibreOffice/OpenOffice spreadsheet
	ReasonEncrypted      = "encrypted"       // a password-protected workbook
	ReasonNotSpreadsheet = "not_spreadsheet" // anything else
)

func (e *FileError) Error() string { return e.Message }

// Unwrap lets analytics.ErrorCode see a FileError as EInvalid.
func (e *FileError) Unwrap() error {
	return &analytics.Error{Code: analytics.EInvalid, Message: e.Message}
}

// CheckSize refuses a file of size bytes over MaxFileSize, so that a caller
// can say so before reading it whole.
func CheckSize(size int64, lang string) error {
	if size > MaxFileSize {
		return fileError(locale.Lang(lang), ReasonTooLarge, mib(size), MaxFileSize>>20)
	}
	return nil
}

func fileError(lang, reason string, args ...any) *FileError {
	return &FileError{Reason: reason, Message: locale.Text(lang, "file."+reason, args...)}
}

// source is a file opened for reading: its sheets, each read row by row.
type source interface {
	// sheets lists the sheets in the file's order.
	sheets() []sheetInfo
	// rows calls fn with each row of the sheet, numbered from 1 as the sheet
	// shows them, blank rows included, until fn returns false. It fails
	// with a FileError when the sheet has more than MaxRows rows.
	rows(sheet string, fn func(row int, cells []Cell) bool) error
	close()
}

type sheetInfo struct {
	name   string
	hidden bool
}

var (
	zipSignature = []byte("PK\x03\x04")
	oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// encryptedPackage is the stream name, in UTF-16LE, that an encrypted
	// Office Open XML file keeps inside its OLE container.
	encryptedPackage = utf16le("EncryptedPackage")
)

// open recognises the file from its content, not its name, and opens it.
func open(name string, data []byte, lang string) (source, error) {
	switch {
	case len(data) == 0:
		return nil, fileError(lang, ReasonEmpty)
	case len(data) > MaxFileSize:
		return nil, CheckSize(int64(len(data)), lang)
	case bytes.HasPrefix(data, oleSignature):
		if bytes.Contains(data, encryptedPackage) {
			return nil, fileError(lang, ReasonEncrypted)
		}
		return nil, fileError(lang, ReasonOldExcel)
	case bytes.HasPrefix(data, zipSignature):
		if bytes.Contains(data[:min(len(data), 200)], []byte("application/vnd.oasis.opendocument")) {
			return nil, fileError(lang, ReasonOpenDocument)
		}
		return openXLSX(data, lang)
	case isExcelXML(data):
		return nil, fileError(lang, ReasonOldExcel)
	case isBinary(data):
		return nil, fileError(lang, ReasonNotSpreadsheet)
	}
	return openCSV(name, data, lang)
}

// isExcelXML recognises the Excel 2003 XML format and HTML tables saved
// with an .xls name, which Excel opens but which are not workbooks.
func isExcelXML(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 4096)])
	return bytes.Contains(head, []byte("urn:schemas-microsoft-com:office:spreadsheet")) ||
		bytes.Contains(head, []byte("urn:schemas-microsoft-com:office:excel"))
}

// isBinary says data is no text file: it has control characters in its
// first bytes, where binary formats keep their signatures, or many of them
// (more than one byte in 64). A text file with a stray control character
// in a cell is read as CSV, so that the cell is named (sheet.holdable).
func isBinary(data []byte) bool {
	sample := data[:min(len(data), 8192)]
	controls := 0
	for i, b := range sample {
		if b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1A) {
			if i < 16 {
				return true
			}
			controls++
		}
	}
	return controls*64 > len(sample)
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}

// mib writes a size in MiB with one decimal, for messages.
func mib(n int64) string {
	return formatDecimal(float64(n)/(1<<20), 1)
}
