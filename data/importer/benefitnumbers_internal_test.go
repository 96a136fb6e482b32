package importer

import "testing"

func TestANumberIsUnchangedWhenExportedAsTheNumberRead(t *testing.T) {
	for _, c := range []struct{ stored, exported float64 }{
		{0.1 + 0.2, 0.3},
		{0.29999999999999993, 0.299999999999999},
		{1234567.8912345678, 1234567.89123456},
		{12345678901234567890, 12345678901234500000},
		{-0.5, -0.5},
		{450, 450},
		{0, 0},
	} {
		if got := asExported(c.stored); got != c.exported {
			t.Errorf("asExported(%v) = %v, want %v", c.stored, got, c.exported)
		}
		if keepStored(c.stored, c.exported) != c.stored {
			t.Errorf("%v read back as %v is a change", c.stored, c.exported)
		}
	}
	if keepStored(1.00000000000001, 1.00000000000002) != 1.00000000000002 {
		t.Error("a change in the 15th digit is lost")
	}
	if got := workbookPrecision(0.30000000000000004); got != 0.3 {
		t.Errorf("workbookPrecision = %v", got)
	}
}

func TestAUnitBesideAValueIsTheBenefitsOrItsNumerator(t *testing.T) {
	for _, c := range []struct {
		written, unit string
		same          bool
	}{
		{"kr", "kr", true},
		{"kronor", "kr", true},
		{"SEK", "kr", true},
		{"timmar", "kr", false},
		{"h", "timmar", true},
		{"kr", "kr per ärende", true},
		{"timmar", "timmar per skola och år", true},
		{"h", "timmar/år", true},
		{"timmar/år", "timmar per år", true},
		{"kr", "timmar per skola och år", false},
		{"lån per barn", "Lån per barn", true},
		{"%", "procent", true},
		{"barn", "lån per barn", false},
	} {
		if got := sameUnit(c.written, c.unit); got != c.same {
			t.Errorf("sameUnit(%q, %q) = %v", c.written, c.unit, got)
		}
	}
}
