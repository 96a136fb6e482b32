package importer

import (
	"strconv"
	"strings"
)

// A workbook holds 15 significant digits of a number. The benefit sheets
// store what they read to that precision, and count a stored number as
// unchanged when the data export writes it as the number read, so that
// export → import changes nothing even for a number that came in another
// way (the demo, an edit) with more digits.

// significantDigits is how many digits of a number a workbook holds.
const significantDigits = 15

// workbookPrecision is v to 15 significant digits, rounded: a number as the
// import stores it.
func workbookPrecision(v float64) float64 {
	f, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', significantDigits, 64), 64)
	if err != nil {
		return v
	}
	return f
}

// asExported is v as the data export writes it: excelize keeps the first 15
// significant digits of the shortest decimal form and cuts the rest (zeros
// in the integer part, nothing in the fraction).
func asExported(v float64) float64 {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	significant := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || significant == 0 && s[i] == '0' {
			continue
		}
		if significant++; significant <= significantDigits {
			continue
		}
		dot := strings.IndexByte(s, '.')
		if dot >= 0 && i > dot {
			s = s[:i]
			break
		}
		if dot < 0 {
			dot = len(s)
		}
		whole := []byte(s[:dot])
		for j := i; j < len(whole); j++ {
			whole[j] = '0'
		}
		s = string(whole)
		break
	}
	f, err := strconv.ParseFloat(strings.TrimSuffix(s, "."), 64)
	if err != nil {
		return v
	}
	return f
}

// keepStored is the stored number when the one read is it as exported, so
// that the row stays unchanged; else the one read.
func keepStored(stored, read float64) float64 {
	if asExported(stored) == asExported(read) {
		return stored
	}
	return read
}
