package analytics

import (
	"context"
	"slices"
	"time"
)

// BoardMeetings lists the board's meeting days the office has set, the
// latest first. The goals page and its scorecard (PreviousBoardMeeting) ask
// on every as-of day: inside WithDayValues they are read once per state of
// the data (keptRead).
func (s *Store) BoardMeetings(ctx context.Context) ([]time.Time, error) {
	days, err := keptRead(ctx, "board meetings", func() ([]time.Time, error) { return s.readBoardMeetings(ctx) })
	return slices.Clone(days), err
}

func (s *Store) readBoardMeetings(ctx context.Context) ([]time.Time, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT held_on FROM board_meetings ORDER BY held_on DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []time.Time
	for rows.Next() {
		var d time.Time
		if err := rows.Scan(&d); err != nil {
			return nil, err
		}
		out = append(out, day(d))
	}
	return out, rows.Err()
}

// AddBoardMeeting records a meeting day, set by the account by; a day
// already recorded stays as it is. A day outside 1900–2999 is EInvalid.
func (s *Store) AddBoardMeeting(ctx context.Context, held time.Time, by string) error {
	if err := checkYear(held.Year()); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO board_meetings (held_on, set_by, set_at)
		VALUES (CAST(? AS DATE), ?, ?) ON CONFLICT DO NOTHING`, sqlDate(held), by, s.Now())
	return err
}

// RemoveBoardMeeting forgets a meeting day; an unknown day is ENotFound.
func (s *Store) RemoveBoardMeeting(ctx context.Context, held time.Time) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM board_meetings WHERE held_on = CAST(? AS DATE)`, sqlDate(held))
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return Errorf(ENotFound, "no board meeting on %s", sqlDate(held))
	}
	return err
}

// PreviousBoardMeeting is the latest meeting day strictly before the day,
// or the zero time when none is recorded.
func (s *Store) PreviousBoardMeeting(ctx context.Context, before time.Time) (time.Time, error) {
	days, err := s.BoardMeetings(ctx)
	if err != nil {
		return time.Time{}, err
	}
	before = day(before)
	for _, d := range days { // the latest first
		if d.Before(before) {
			return d, nil
		}
	}
	return time.Time{}, nil
}
