package analytics

import (
	"context"
	"math"
	"time"

	"malbild/analytics/store"
)

// Fee is what one membership row pays for a year (DESIGN "The data", fee
// schedule, and "Precise readings"). Amounts are in SEK rounded to öre.
type Fee struct {
	MemberID       int64
	Name           string
	Kind           string
	Code           string
	OrgNumber      string
	CountyCode     string
	Population     *int
	Group          string
	JoinedOn       time.Time
	LeftOn         time.Time // zero: still a member
	Year           int
	Category       string  // the schedule row: kommun or ovrig; "" when no band fits
	PopulationFrom int     // the band [PopulationFrom, PopulationTo)
	PopulationTo   *int    // nil: no upper bound
	FirstYear      bool    // the membership starts in Year
	Rejoined       bool    // an earlier membership row has the same code or organisation number
	Months         int     // months of the annual fee billed: 12, or 12 − month joined
	Contribution   float64 // the one-time contribution, first year only, half on rejoining
	AnnualFee      float64 // the annual fee for Months
	Total          float64
}

// Fees is the fee list of year for invoicing: every membership row that
// overlaps the year, by name in Swedish order. A membership ending during the
// year pays the whole annual fee. No fee schedule for the year is ENotFound;
// a year outside 1900–2999 is EInvalid.
func (s *Store) Fees(ctx context.Context, year int) ([]Fee, error) {
	if err := s.checkSchedule(ctx, year); err != nil {
		return nil, err
	}
	return s.fees(ctx, year, nil)
}

// MemberFee is what membership row memberID pays for year; a membership that
// does not overlap the year pays nothing. An unknown member or no schedule
// for the year is ENotFound; a year outside 1900–2999 is EInvalid.
func (s *Store) MemberFee(ctx context.Context, memberID int64, year int) (Fee, error) {
	if err := s.checkSchedule(ctx, year); err != nil {
		return Fee{}, err
	}
	fees, err := s.fees(ctx, year, memberID)
	if err != nil {
		return Fee{}, err
	}
	if len(fees) == 0 {
		return Fee{}, Errorf(ENotFound, "no member has the id %d", memberID)
	}
	return fees[0], nil
}

func (s *Store) checkSchedule(ctx context.Context, year int) error {
	if err := checkYear(year); err != nil {
		return err
	}
	var bands int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM fee_bands WHERE year = ?`, year).Scan(&bands); err != nil {
		return err
	}
	if bands == 0 {
		return Errorf(ENotFound, "there is no fee schedule for %d", year)
	}
	return nil
}

// fees runs queries/fees.sql; member is nil for every member of the year.
func (s *Store) fees(ctx context.Context, year int, member any) ([]Fee, error) {
	var out []Fee
	err := s.eachRow(ctx, "fees", map[string]any{"year": year, "member": member}, func(rows *store.Rows) error {
		for rows.Next() {
			f := Fee{Year: year}
			var leftOn *time.Time
			if err := rows.Scan(&f.MemberID, &f.Name, &f.Kind, &f.Code, &f.OrgNumber, &f.CountyCode,
				&f.Population, &f.Group, &f.JoinedOn, &leftOn, &f.Category, &f.PopulationFrom, &f.PopulationTo,
				&f.FirstYear, &f.Rejoined, &f.Months, &f.Contribution, &f.AnnualFee); err != nil {
				return err
			}
			if leftOn != nil {
				f.LeftOn = *leftOn
			}
			f.Total = roundToOre(f.Contribution + f.AnnualFee)
			out = append(out, f)
		}
		return nil
	})
	return out, err
}

// roundToOre rounds an amount in SEK to öre.
func roundToOre(sek float64) float64 { return math.Round(sek*100) / 100 }
