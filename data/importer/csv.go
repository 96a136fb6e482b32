package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// csvSource is a CSV file: one sheet, named after the file.
type csvSource struct {
	name  string
	text  string
	comma rune
	lang  string
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// openCSV decodes a CSV file (UTF-8 with or without a byte order mark, else
// Windows-1252, which is what Excel writes on Swedish Windows) and guesses
// its separator.
func openCSV(name string, data []byte, lang string) (source, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	text := string(data)
	if !utf8.Valid(data) {
		text = decodeWindows1252(data)
	}
	sheet := filepath.Base(name)
	if sheet == "." || sheet == "/" || sheet == "" {
		sheet = "CSV"
	}
	return &csvSource{name: sheet, text: text, comma: sniffSeparator(text), lang: lang}, nil
}

func (s *csvSource) sheets() []sheetInfo { return []sheetInfo{{name: s.name}} }
func (s *csvSource) close()              {}

func (s *csvSource) rows(_ string, fn func(row int, cells []Cell) bool) error {
	r := csv.NewReader(strings.NewReader(s.text))
	r.Comma = s.comma
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	for {
		record, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fileError(s.lang, ReasonUnreadable, s.name)
		}
		line, _ := r.FieldPos(0)
		if line > MaxRows {
			return fileError(s.lang, ReasonTooManyRows, s.name, MaxRows)
		}
		cells := make([]Cell, len(record))
		for i, v := range record {
			cells[i] = Cell{Raw: v}
		}
		if !fn(line, cells) {
			return nil
		}
	}
}

// sniffSeparator picks ";", "," or a tab: whichever occurs most, outside
// quotes, in the first lines; ";" on a tie, as Excel writes in Sweden.
func sniffSeparator(text string) rune {
	counts := map[rune]int{}
	quoted, lines := false, 0
	for _, r := range text {
		switch {
		case r == '"':
			quoted = !quoted
		case r == '\n' && !quoted:
			lines++
		case !quoted && (r == ';' || r == ',' || r == '\t'):
			counts[r]++
		}
		if lines == 10 {
			break
		}
	}
	best := ';'
	for _, r := range []rune{',', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// windows1252 holds the characters of bytes 0x80–0x9F; the other bytes
// above 0x7F are the Latin-1 characters of the same number. The five
// undefined bytes are kept as the C1 controls Windows maps them to.
var windows1252 = [32]rune{
	'€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
	'\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
}

func decodeWindows1252(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(windows1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}
