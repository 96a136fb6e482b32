package analytics_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

func TestMemberFeeByPopulationBand(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, feeSchedule(2022), `INSERT INTO members (id, name, kind, population, joined_on) VALUES
		(1, 'Under sju tusen', 'kommun', 6999, DATE '2010-01-01'),
		(2, 'Sju tusen',       'kommun', 7000, DATE '2010-01-01'),
		(3, 'Nästan femton',   'kommun', 14999, DATE '2010-01-01'),
		(4, 'Femton tusen',    'kommun', 15000, DATE '2010-01-01'),
		(5, 'Nästan 150 000',  'kommun', 149999, DATE '2010-01-01'),
		(6, '150 000',         'kommun', 150000, DATE '2010-01-01'),
		(7, 'Göteborg',        'kommun', 608993, DATE '2010-01-01'),
		(8, 'Okänd',           'kommun', NULL, DATE '2010-01-01'),
		(9, 'Region',          'region', 286546, DATE '2010-01-01'),
		(10, 'Förbund',        'kommunalforbund', 5000, DATE '2010-01-01'),
		(11, 'SKR',            'ovrig', NULL, DATE '2010-01-01')`)
	for id, want := range map[int64]struct {
		category string
		annual   float64
	}{
		1: {"kommun", 5000}, 2: {"kommun", 10000}, 3: {"kommun", 10000}, 4: {"kommun", 25000},
		5: {"kommun", 65000}, 6: {"kommun", 80000}, 7: {"kommun", 80000}, 8: {"", 0},
		9: {"ovrig", 25000}, 10: {"ovrig", 25000}, 11: {"ovrig", 25000},
	} {
		f, err := s.MemberFee(context.Background(), id, 2022)
		if err != nil {
			t.Fatal(err)
		}
		if f.Category != want.category || f.AnnualFee != want.annual || f.Contribution != 0 || f.Total != want.annual || f.Months != 12 {
			t.Errorf("%s: %s %v + %v = %v for %d months, want %s %v", f.Name, f.Category, f.Contribution, f.AnnualFee, f.Total, f.Months, want.category, want.annual)
		}
	}
}

func TestFirstYearAndRejoiningFees(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, feeSchedule(2022), `INSERT INTO members (id, name, kind, code, population, joined_on, left_on) VALUES
		(1, 'Mars',     'kommun', '0001', 10000, DATE '2022-03-10', NULL),              -- 9/12
		(2, 'Nyår',     'kommun', '0002', 10000, DATE '2022-01-01', NULL),              -- 11/12
		(3, 'December', 'kommun', '0003', 10000, DATE '2022-12-01', NULL),              -- 0/12
		(4, 'Håbo',     'kommun', '0305', 22973, DATE '2010-02-01', DATE '2019-12-31'),
		(5, 'Håbo',     'kommun', '0305', 22973, DATE '2022-04-01', NULL),              -- rejoins: half the contribution
		(6, 'Slutar',   'kommun', '0006', 10000, DATE '2010-01-01', DATE '2022-05-31'), -- pays the whole year
		(7, 'Region',   'region', '20',   NULL,  DATE '2022-03-01', NULL)`)
	for id, want := range map[int64]struct {
		months                      int
		contribution, annual, total float64
		rejoined                    bool
	}{
		1: {9, 5000, 7500, 12500, false},
		2: {11, 5000, 10000 * 11.0 / 12, 5000 + 9166.67, false},
		3: {0, 5000, 0, 5000, false},
		5: {8, 5000, 16666.67, 21666.67, true},
		6: {12, 0, 10000, 10000, false},
		7: {9, 5000, 18750, 23750, false},
	} {
		f, err := s.MemberFee(context.Background(), id, 2022)
		if err != nil {
			t.Fatal(err)
		}
		if f.Months != want.months || f.Contribution != want.contribution || math.Abs(f.AnnualFee-want.annual) > 0.005 ||
			f.Total != want.total || f.Rejoined != want.rejoined || f.FirstYear != (want.contribution > 0) {
			t.Errorf("%s: %d months, %v + %v = %v (rejoined %v); want %d months, %v + %v = %v (rejoined %v)",
				f.Name, f.Months, f.Contribution, f.AnnualFee, f.Total, f.Rejoined,
				want.months, want.contribution, want.annual, want.total, want.rejoined)
		}
	}
	// Håbo's first period lies before 2022: it pays nothing that year.
	if f, err := s.MemberFee(context.Background(), 4, 2022); err != nil || f.Total != 0 || f.Months != 0 {
		t.Errorf("a past membership: %+v, %v; want nothing to pay", f, err)
	}
	list, err := s.Fees(context.Background(), 2022)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range list {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, ", "); got != "December, Håbo, Mars, Nyår, Region, Slutar" {
		t.Errorf("fee list of 2022: %s", got)
	}
}

func TestFeesRefuse(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	analyticstest.Exec(t, s, feeSchedule(2022), `INSERT INTO members (id, name, kind, joined_on) VALUES (1, 'Ale', 'kommun', DATE '2020-01-01')`)
	if _, err := s.Fees(ctx, 2023); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Errorf("no schedule: err %v, want ENotFound", err)
	}
	if _, err := s.MemberFee(ctx, 99, 2022); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Errorf("no member: err %v, want ENotFound", err)
	}
	if _, err := s.MemberFee(ctx, 1, 1800); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("year 1800: err %v, want EInvalid", err)
	}
}

func TestSampleFeeListAgreesWithFeeIncome(t *testing.T) {
	s := newSampleStore(t)
	list, err := s.Fees(context.Background(), 2022)
	if err != nil {
		t.Fatal(err)
	}
	endOfYear := date("2022-12-31")
	var annual float64
	for _, f := range list {
		if f.LeftOn.IsZero() || !f.LeftOn.Before(endOfYear) {
			annual += f.AnnualFee
		}
	}
	if math.Abs(annual-830000) > 0.005 {
		t.Errorf("annual fees of the members of 2022-12-31 = %v, fee_income 830000", annual)
	}
}
