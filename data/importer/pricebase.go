package importer

import (
	"strconv"

	"malbild/analytics"
)

// readPriceBase reads the prisbasbelopp per year. A year's amount is
// compared with the one in force, imported or shipped with Målbild: the same
// amount changes nothing; another is stored, so that it replaces the shipped
// one for that year (and undoing the import brings the shipped one back).
func (s *sheet) readPriceBase() error {
	s.checkAmountHeaders()
	return s.each(s.head.row, func(row int, cells []Cell) {
		year, ok := s.budgetYear(row, cells)
		amount, given, okAmount := s.amount(row, cells, "price_base_amount")
		switch {
		case okAmount && !given:
			okAmount = s.require(row, cells, "price_base_amount")
		case okAmount && amount <= 0:
			s.errorf(row, "price_base_amount", s.cell(cells, "price_base_amount"), "pbb.positive")
			okAmount = false
		}
		if !ok || !okAmount {
			return
		}
		r := s.b.reg.budget
		if prev, dup := r.seenPBB[year]; dup {
			s.errorf(row, "year", s.cell(cells, "year"), "budgetrow.duplicate", prev.sheet, prev.row)
			return
		}
		r.seenPBB[year] = place{s.plan.Name, row}
		s.applyPriceBase(row, analytics.PriceBaseAmount{Year: year, Amount: amount, Stored: true})
	})
}

func (s *sheet) applyPriceBase(row int, p analytics.PriceBaseAmount) {
	r := s.b.reg.budget
	lbl := strconv.Itoa(p.Year)
	old := r.pbb[p.Year]
	switch {
	case old != nil && old.Amount == p.Amount:
		s.unchanged(priceBaseTable)
	case old != nil && old.Stored:
		d := s.diff()
		d.add("price_base_amount", old.Amount, p.Amount)
		r.pbbChanges.touch(old)
		old.Amount = p.Amount
		s.changed(row, priceBaseTable, lbl, d)
	default:
		// A year without an amount, or with the shipped one: a new row.
		added := p
		r.pbbChanges.insert(&added)
		if old != nil {
			d := s.diff()
			d.add("price_base_amount", old.Amount, p.Amount)
			s.changed(row, priceBaseTable, lbl, d)
		} else {
			s.added(row, priceBaseTable, lbl)
		}
		r.pbb[p.Year] = &added
	}
}
