package importer

import (
	"strings"
	"time"
	"unicode"
)

// Cell is one cell as read from a workbook or a CSV file.
type Cell struct {
	// Raw is the text of a text cell, or a number cell's stored value
	// ("44927", "0.75") before any number format.
	Raw string
	// Number says the workbook stored a number, not text.
	Number bool
	// Date is set for a number cell whose number format shows a date: the
	// calendar day of its serial, at midnight UTC.
	Date time.Time
}

// Text is the cell as text for text fields: trimmed, with runs of white
// space (no-break spaces included) made one space; a date cell is written
// as an ISO date.
func (c Cell) Text() string {
	if !c.Date.IsZero() {
		return c.Date.Format(time.DateOnly)
	}
	return clean(c.Raw)
}

// Empty says the cell holds nothing but white space.
func (c Cell) Empty() bool { return clean(c.Raw) == "" }

// clean trims s, drops invisible format characters (zero-width spaces, soft
// hyphens, byte order marks) and collapses runs of white space, no-break
// spaces included, to one space.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// fold is the form names are matched in: clean and lower case, with the
// Swedish letters composed when they arrive decomposed (macOS).
func fold(s string) string {
	return strings.ToLower(compose(clean(s)))
}

// compose turns a, o followed by a combining ring or diaeresis into the
// precomposed å, ä, ö (and their capitals) that the data uses.
func compose(s string) string {
	if !strings.ContainsAny(s, "\u030a\u0308") {
		return s
	}
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if n := len(out); n > 0 && (r == '\u030a' || r == '\u0308') {
			if c, ok := composed[[2]rune{out[n-1], r}]; ok {
				out[n-1] = c
				continue
			}
		}
		out = append(out, r)
	}
	return string(out)
}

var composed = map[[2]rune]rune{
	{'a', '\u030a'}: 'å', {'A', '\u030a'}: 'Å',
	{'a', '\u0308'}: 'ä', {'A', '\u0308'}: 'Ä',
	{'o', '\u0308'}: 'ö', {'O', '\u0308'}: 'Ö',
}

// isClean says whether clean would return s unchanged, without allocating.
func isClean(s string) bool {
	prev := ' '
	for _, r := range s {
		switch {
		case r == ' ':
			if prev == ' ' {
				return false
			}
		case r < 0x80:
			if r < 0x20 || r == 0x7f {
				return false
			}
		case unicode.IsSpace(r) || unicode.Is(unicode.Cf, r):
			return false
		}
		prev = r
	}
	return prev != ' ' || s == ""
}
