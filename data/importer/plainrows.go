package importer

import (
	"io"
	"sync"
)

// plainRow is a row of a plain worksheet, read ahead of the caller.
type plainRow struct {
	row   int
	cells []Cell
}

// readAhead is how many rows go to the caller at a time.
const readAhead = 256

// plainRows reads a plain worksheet (plainsheet.go). A goroutine reads the
// rows while the caller works on the ones before (issue 18: the reading and
// the import's own work on a row take about as long, and the machine has two
// cores); the caller gets every row in order, on its own goroutine, as from
// the other sources, and a few batches of rows at most are held between
// the two.
func (s *xlsxSource) plainRows(sheet string, fn func(row int, cells []Cell) bool) (err error) {
	f := findPart(s.zip, s.parts[sheet])
	if f == nil {
		return fileError(s.lang, ReasonUnreadable, sheet)
	}
	rc, err := f.Open()
	if err != nil {
		return fileError(s.lang, ReasonUnreadable, sheet)
	}
	defer rc.Close()
	batches := make(chan []plainRow, 4)
	stop := make(chan struct{})
	var stopOnce sync.Once
	halt := func() { stopOnce.Do(func() { close(stop) }) }
	var readErr error // set before batches closes
	go func() {
		defer close(batches)
		defer func() {
			if r := recover(); r != nil {
				readErr = fileError(s.lang, ReasonUnreadable, sheet)
			}
		}()
		readErr = s.readPlain(rc, sheet, batches, stop)
	}()
	defer func() {
		// The caller stopped, failed or panicked: let the reader go, and
		// wait for it before the part closes.
		halt()
		for range batches {
		}
	}()
	for batch := range batches {
		for _, r := range batch {
			if !fn(r.row, r.cells) {
				return nil
			}
		}
	}
	return readErr
}

// readPlain sends the worksheet's rows in batches until the end, a row
// over MaxRows, or stop.
func (s *xlsxSource) readPlain(rc io.Reader, sheet string, batches chan<- []plainRow, stop <-chan struct{}) error {
	var tooMany error
	batch := make([]plainRow, 0, readAhead)
	send := func() bool {
		select {
		case batches <- batch:
			batch = make([]plainRow, 0, readAhead)
			return true
		case <-stop:
			return false
		}
	}
	_, err := walkSheet(io.LimitReader(rc, MaxUnzipSize), s.sst, func(row int, values []string, numbers []numberCell) bool {
		if row > MaxRows {
			tooMany = fileError(s.lang, ReasonTooManyRows, sheet, MaxRows)
			return false
		}
		cells := make([]Cell, len(values))
		for col, v := range values {
			cells[col] = Cell{Raw: v}
		}
		for _, n := range numbers {
			if n.col < len(cells) {
				cells[n.col] = s.numberCell(values[n.col], n.style)
			}
		}
		batch = append(batch, plainRow{row, cells})
		return len(batch) < readAhead || send()
	})
	switch {
	case err != nil:
		// The check at open read this worksheet to its end.
		return fileError(s.lang, ReasonUnreadable, sheet)
	case len(batch) > 0 && !send():
		return nil
	}
	return tooMany
}
