package importer

import (
	"strings"

	"malbild/analytics"
)

// parseOrgNumber reads an organisation number (organisationsnummer) as
// "NNNNNN-NNNN", "NNNNNNNNNN" or with the century prefix "16" that some
// registers add, and returns it as NNNNNN-NNNN. The last digit must be the
// Luhn check digit of the first nine.
func parseOrgNumber(c Cell) (string, bool) {
	var digits []byte
	for _, r := range clean(c.Raw) {
		switch {
		case r >= '0' && r <= '9':
			digits = append(digits, byte(r))
		case r == '-' || r == ' ' || r == '\u2010' || r == '\u2013':
		default:
			return "", false
		}
	}
	if len(digits) == 12 && strings.HasPrefix(string(digits), "16") {
		digits = digits[2:]
	}
	if len(digits) != 10 || !analytics.Luhn(string(digits)) {
		return "", false
	}
	return string(digits[:6]) + "-" + string(digits[6:]), true
}
