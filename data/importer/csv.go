package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"malbild/analytics/locale"
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
	sheet := filepath.Base(name)
	if sheet == "." || sheet == "/" || sheet == "" {
		sheet = "CSV"
	}
	if !utf8.Valid(data) {
		if line, mixed := mixedEncoding(data); mixed {
			e := fileError(lang, ReasonDamaged, sheet, line, locale.Text(lang, "damage.mixed_encoding"))
			e.Sheet, e.Row = sheet, line
			return nil, e
		}
		text = decodeWindows1252(data)
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
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				e := fileError(s.lang, ReasonDamaged, s.name, pe.StartLine, locale.Text(s.lang, "damage.csv"))
				e.Sheet, e.Row = s.name, pe.StartLine
				return e
			}
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

// mixedEncoding says whether data, which is not valid UTF-8, is UTF-8 text
// with bytes of another encoding inside (two files pasted together, or a
// cell typed into a UTF-8 file by a program writing Windows-1252): it holds
// UTF-8 sequences of non-ASCII characters and bytes that are not UTF-8.
// Read as Windows-1252, the UTF-8 part would turn into mojibake (Ã¥ for å)
// without a word, so the file is refused at the line of the first bad byte.
func mixedEncoding(data []byte) (line int, mixed bool) {
	utf8Seen, firstBad := false, -1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			if firstBad < 0 {
				firstBad = i
			}
		case size > 1:
			utf8Seen = true
		}
		i += max(size, 1)
	}
	if !utf8Seen || firstBad < 0 {
		return 0, false
	}
	return bytes.Count(data[:firstBad], []byte{'\n'}) + 1, true
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
