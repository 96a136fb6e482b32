package importer

import (
	"strconv"

	"malbild/analytics"
)

// readFees reads fee schedules, matched by year, category and the band's
// lower population bound. Without a category a row is a municipality band;
// the row for other organisations has no bounds.
func (s *sheet) readFees() error {
	seen := map[feeKey]int{}
	return s.each(s.head.row, func(row int, cells []Cell) {
		year, ok := s.integer(row, cells, "year", firstYear)
		category, okCat := s.choice(row, cells, "category", categoryWords, "fee.category")
		from, okFrom := s.integer(row, cells, "population_from", 0)
		to, okTo := s.integer(row, cells, "population_to", 0)
		contribution, okC := s.money(row, cells, "contribution")
		annual, okA := s.money(row, cells, "annual_fee")
		if !ok || !okCat || !okFrom || !okTo || !okC || !okA || !s.require(row, cells, "year") ||
			!s.require(row, cells, "contribution") || !s.require(row, cells, "annual_fee") {
			return
		}
		if year > lastYear {
			s.errorf(row, "year", s.cell(cells, "year"), "value.integer")
			return
		}
		if category == "" {
			category = "kommun"
		}
		if to != 0 && to <= from {
			s.errorf(row, "population_to", s.cell(cells, "population_to"), "fee.band", from)
			return
		}
		k := feeKey{year, category, from}
		if prev, dup := seen[k]; dup {
			s.errorf(row, "population_from", s.cell(cells, "population_from"), "row.duplicate", prev)
			return
		}
		seen[k] = row
		b := analytics.FeeBand{Year: year, Category: category, PopulationFrom: from, PopulationTo: to,
			Contribution: contribution, AnnualFee: annual}
		s.applyFee(row, k, b)
	})
}

func (s *sheet) applyFee(row int, k feeKey, b analytics.FeeBand) {
	r := s.b.reg
	band := strconv.Itoa(b.PopulationFrom) + "–"
	if b.PopulationTo > 0 {
		band += strconv.Itoa(b.PopulationTo)
	}
	lbl := label(strconv.Itoa(b.Year), b.Category, band)
	old := r.fees[k]
	if old == nil {
		added := b
		r.fees[k] = &added
		r.feeChanges.insert(&added)
		s.added(row, "fee_bands", lbl)
		return
	}
	updated := *old
	if s.has("population_to") {
		updated.PopulationTo = b.PopulationTo
	}
	updated.Contribution, updated.AnnualFee = b.Contribution, b.AnnualFee
	d := s.diff()
	d.add("population_to", old.PopulationTo, updated.PopulationTo)
	d.add("contribution", old.Contribution, updated.Contribution)
	d.add("annual_fee", old.AnnualFee, updated.AnnualFee)
	if d.empty() {
		s.unchanged("fee_bands")
		return
	}
	r.feeChanges.touch(old)
	*old = updated
	s.changed(row, "fee_bands", lbl, d)
}
