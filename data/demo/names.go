package demo

import (
	"strings"
)

// Common Swedish first names and surnames, for contact persons that look
// real without being anyone in particular.
var (
	firstNames = []string{
		"Anna", "Eva", "Maria", "Karin", "Sara", "Kristina", "Lena", "Emma",
		"Kerstin", "Malin", "Ingrid", "Linnéa", "Sofia", "Helena", "Johanna",
		"Åsa", "Ulrika", "Camilla", "Marie", "Elin", "Lars", "Mikael", "Anders",
		"Johan", "Erik", "Per", "Karl", "Peter", "Thomas", "Jan", "Daniel",
		"Fredrik", "Hans", "Magnus", "Mattias", "Stefan", "Björn", "Jonas",
		"Göran", "Ulf", "Oskar", "Henrik",
	}
	surnames = []string{
		"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
		"Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson",
		"Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson",
		"Magnusson", "Lindström", "Olofsson", "Lindqvist", "Lindgren", "Berg",
		"Axelsson", "Bergström", "Lundberg", "Lundgren", "Lind", "Mattsson",
		"Berglund", "Fredriksson", "Sandberg", "Henriksson", "Sjöberg", "Forsberg",
		"Lindholm", "Engström", "Ekström", "Hedlund", "Åberg", "Öberg",
	}
)

// contact draws a contact person and an address at the organisation's own
// .example domain (RFC 2606), so no demo row can ever mail a real person.
func (g *gen) contact(domain string) (name, email string) {
	first := firstNames[g.rng.IntN(len(firstNames))]
	last := surnames[g.rng.IntN(len(surnames))]
	return first + " " + last, slug(first) + "." + slug(last) + "@" + domain + ".example"
}

// mailDomain is the domain label of an organisation: "karlstad.kommun" for a
// municipality, the slug of its name otherwise.
func mailDomain(name, kind string) string {
	if kind == "kommun" {
		return slug(name) + ".kommun"
	}
	return slug(name)
}

// slug folds a Swedish name to the ASCII letters, digits and hyphens of a
// mail address: "Upplands Väsby" → "upplands-vasby".
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == 'å' || r == 'ä' || r == 'á' || r == 'à':
			b.WriteByte('a')
		case r == 'ö' || r == 'ø' || r == 'ó':
			b.WriteByte('o')
		case r == 'é' || r == 'è':
			b.WriteByte('e')
		case r == 'ü':
			b.WriteByte('u')
		case r == ' ' || r == '-':
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
