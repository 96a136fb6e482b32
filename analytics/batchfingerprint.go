package analytics

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"strconv"
	"time"
)

// Fingerprint is a digest of every change, value by value as the columns
// are written, to tell whether a commit would write what its preview showed.
func (ch *ImportChanges) Fingerprint() string {
	h := sha256.New()
	hashChanges(h, &memberTable, &ch.Members)
	hashChanges(h, &serviceTable, &ch.Services)
	hashChanges(h, &eventTable, &ch.Events)
	hashChanges(h, &goalTable, &ch.Goals)
	hashChanges(h, &goalStatusTable, &ch.GoalStatuses)
	hashChanges(h, &feeTable, &ch.FeeBands)
	hashChanges(h, &participationTable, &ch.Participations)
	hashChanges(h, &attendanceTable, &ch.Attendance)
	hashChanges(h, &benefitTable, &ch.Benefits)
	hashChanges(h, &benefitMeasurementTable, &ch.BenefitMeasurements)
	ch.hashBudget(h)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// hashChanges writes a table's changes, value by value, into h.
func hashChanges[T any](h hash.Hash, t *importTable[T], c *TableChanges[T]) {
	buf := make([]byte, 0, 256)
	write := func(op byte, row *T) {
		buf = append(buf[:0], t.name...)
		buf = append(buf, op)
		for _, v := range t.values(row) {
			buf = appendValue(buf, v)
			buf = append(buf, 0)
		}
		h.Write(buf)
	}
	for _, row := range c.Inserted {
		write('+', row)
	}
	for i := range c.Updated {
		write('~', &c.Updated[i].After)
	}
}

func appendValue(buf []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(buf, 1)
	case string:
		return append(buf, x...)
	case int:
		return strconv.AppendInt(buf, int64(x), 10)
	case int64:
		return strconv.AppendInt(buf, x, 10)
	case float64:
		return strconv.AppendFloat(buf, x, 'g', -1, 64)
	case *float64:
		if x == nil {
			return append(buf, 1)
		}
		return strconv.AppendFloat(buf, *x, 'g', -1, 64)
	case time.Time:
		return x.AppendFormat(buf, time.DateOnly)
	}
	return fmt.Append(buf, v)
}
