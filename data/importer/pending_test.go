package importer_test

import (
	"testing"
	"time"

	"malbild/data/importer"
)

func TestPendingFilesExpireAndTheOldestMakeRoom(t *testing.T) {
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	p := importer.NewPending(func() time.Time { return now })
	first := p.Put(importer.File{Name: "a.xlsx", Data: []byte("a")})
	if f, ok := p.Get(first); !ok || f.Name != "a.xlsx" {
		t.Fatalf("get: %v %v", f, ok)
	}
	if _, ok := p.Get("nonsense"); ok {
		t.Error("an unknown id found a file")
	}
	now = now.Add(importer.PendingTTL + time.Second)
	if _, ok := p.Get(first); ok {
		t.Error("an expired file was kept")
	}
	ids := make([]string, 20)
	for i := range ids {
		now = now.Add(time.Second)
		ids[i] = p.Put(importer.File{Name: "b.xlsx", Data: []byte("b")})
	}
	if _, ok := p.Get(ids[0]); ok {
		t.Error("the oldest file was not dropped to make room")
	}
	if _, ok := p.Get(ids[19]); !ok {
		t.Error("the newest file is gone")
	}
	p.Remove(ids[19])
	if _, ok := p.Get(ids[19]); ok {
		t.Error("a removed file was found")
	}
}
