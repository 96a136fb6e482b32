package importer

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"
)

// Pending keeps files between their preview and their commit, each under a
// random id, for PendingTTL. It holds at most pendingFiles files and
// pendingBytes bytes; past that the oldest go first. It is safe for
// concurrent use.
type Pending struct {
	mu      sync.Mutex
	now     func() time.Time
	entries map[string]*pendingFile
}

type pendingFile struct {
	file    File
	expires time.Time
}

// PendingTTL is how long a previewed file waits for its commit.
const PendingTTL = 30 * time.Minute

const (
	pendingFiles = 16
	pendingBytes = 4 * MaxFileSize
)

// NewPending keeps files by the clock now.
func NewPending(now func() time.Time) *Pending {
	return &Pending{now: now, entries: map[string]*pendingFile{}}
}

// Put keeps a file and returns its id.
func (p *Pending) Put(f File) string {
	var raw [16]byte
	rand.Read(raw[:])
	id := hex.EncodeToString(raw[:])
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	total := len(f.Data)
	for k, e := range p.entries {
		if now.After(e.expires) {
			delete(p.entries, k)
		} else {
			total += len(e.file.Data)
		}
	}
	for len(p.entries) > 0 && (len(p.entries) >= pendingFiles || total > pendingBytes) {
		oldest := ""
		for k, e := range p.entries {
			if oldest == "" || e.expires.Before(p.entries[oldest].expires) {
				oldest = k
			}
		}
		total -= len(p.entries[oldest].file.Data)
		delete(p.entries, oldest)
	}
	p.entries[id] = &pendingFile{file: f, expires: now.Add(PendingTTL)}
	return id
}

// Get returns the file kept under id, unless it expired.
func (p *Pending) Get(id string) (File, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	e, ok := p.entries[id]
	if !ok || p.now().After(e.expires) {
		return File{}, false
	}
	return e.file, true
}

// Remove forgets the file kept under id.
func (p *Pending) Remove(id string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.entries, id)
}
