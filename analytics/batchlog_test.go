package analytics_test

import (
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

// A batch of more rows than one part of the change log holds is logged in
// parts, and undo reads them all: it refuses while a row of the last part
// is changed, and takes the whole batch back once it is as the batch left
// it.
func TestABigBatchIsLoggedInPartsAndUndoneWhole(t *testing.T) {
	ctx := context.Background()
	s := analyticstest.New(t)
	const n = 12_001 // three parts of 5 000 rows
	members := make([]*analytics.Member, n)
	for i := range members {
		members[i] = &analytics.Member{ID: int64(-1 - i), Name: fmt.Sprintf("Förening %05d", i), Kind: "ovrig",
			JoinedOn: time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)}
	}
	meta := analytics.ImportBatchMeta{At: s.Now(), Actor: "kansliet", File: "stor.xlsx", SHA256: "abc",
		Counts: map[string]analytics.ImportCount{"members": {New: n}}, AuditAction: "import"}
	err := analytics.WriteForImport(ctx, s, nil, func(w *analytics.ImportWriter) error {
		_, err := w.ApplyImport(ctx, meta, &analytics.ImportChanges{
			Members: analytics.TableChanges[analytics.Member]{Inserted: members}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	db := analyticstest.Handle(s)
	parts := logParts(t, s)
	rows := 0
	for _, body := range parts {
		var logged []json.RawMessage
		if err := json.Unmarshal(body, &logged); err != nil {
			t.Fatal(err)
		}
		rows += len(logged)
	}
	if len(parts) != 3 || rows != n {
		t.Fatalf("logged %d rows in %d parts, want %d in 3", rows, len(parts), n)
	}
	undo := func() error {
		return analytics.WriteForImport(ctx, s, nil, func(w *analytics.ImportWriter) error {
			_, err := w.UndoImport(ctx, 0, s.Now(), "kansliet", "undo")
			return err
		})
	}
	last := members[n-1]
	analyticstest.Exec(t, s, fmt.Sprintf(`UPDATE members SET name = 'Ändrad' WHERE id = %d`, last.ID))
	var refusal *analytics.UndoRefusal
	if err := undo(); !errors.As(err, &refusal) || refusal.Reason != analytics.UndoChanged {
		t.Fatalf("undo with a changed row: %v, want %s", err, analytics.UndoChanged)
	}
	analyticstest.Exec(t, s, fmt.Sprintf(`UPDATE members SET name = '%s' WHERE id = %d`, last.Name, last.ID))
	// Parts logged before the log was compressed are the rows' JSON
	// itself: undo reads those too.
	for seq, body := range parts {
		if seq == 1 {
			continue // one part of each form
		}
		if _, err := db.Exec(`UPDATE import_changes SET body = ? WHERE seq = ?`, string(body), seq); err != nil {
			t.Fatal(err)
		}
	}
	if err := undo(); err != nil {
		t.Fatal(err)
	}
	var left int
	if err := db.QueryRow(`SELECT count(*) FROM members`).Scan(&left); err != nil || left != 0 {
		t.Errorf("%d members left after the undo (%v)", left, err)
	}
}

// logParts reads the change log's parts, by seq: their JSON, which every
// part now logged holds compressed, as a JSON string of gzip in base64.
func logParts(t *testing.T, s *analytics.Store) map[int][]byte {
	t.Helper()
	rows, err := analyticstest.Handle(s).Query(`SELECT seq, body::VARCHAR FROM import_changes ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int][]byte{}
	for rows.Next() {
		var seq int
		var body, text string
		if err := rows.Scan(&seq, &body); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(body), &text); err != nil || !strings.HasPrefix(text, "gzip+base64:") {
			t.Fatalf("part %d is not compressed rows: %.40s… (%v)", seq, body, err)
		}
		zr, err := gzip.NewReader(base64.NewDecoder(base64.StdEncoding, strings.NewReader(strings.TrimPrefix(text, "gzip+base64:"))))
		if err != nil {
			t.Fatal(err)
		}
		if out[seq], err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
