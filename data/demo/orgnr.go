package demo

import "fmt"

// Organisation numbers (organisationsnummer) are ten digits, NNNNNN-NNNN,
// whose last digit is the Luhn check digit of the first nine. The leading
// digits tell the kind of body: 212000- municipalities, 232100- regions,
// 2220 kommunalförbund and similar public bodies, 802 non-profit associations.
// Demo numbers keep those prefixes and vary the rest by a serial, so each
// organisation has its own valid number.

// orgNumber completes nine digits with their check digit and the hyphen.
func orgNumber(nine string) string {
	if len(nine) != 9 {
		panic("demo: organisation number needs nine digits: " + nine)
	}
	return fmt.Sprintf("%s-%s%d", nine[:6], nine[6:], luhnDigit(nine))
}

// luhnDigit is the check digit that makes digits+check pass the Luhn test:
// weights 2, 1, 2, … from the left, digits of products summed.
func luhnDigit(digits string) int {
	sum := 0
	for i := 0; i < len(digits); i++ {
		d := int(digits[i] - '0')
		if i%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return (10 - sum%10) % 10
}

func municipalityOrgNumber(serial int) string {
	return orgNumber(fmt.Sprintf("212000%03d", serial%1000))
}
func regionOrgNumber(county string) string { return orgNumber("2321000" + county) }
func forbundOrgNumber(serial int) string   { return orgNumber(fmt.Sprintf("2220%05d", serial%100000)) }
func foreningOrgNumber(serial int) string  { return orgNumber(fmt.Sprintf("802%06d", serial%1000000)) }
