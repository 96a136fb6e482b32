package dashboard

import (
	"sync"
	"time"
)

// loginLimiter counts failed logins per account name and per address; after
// maxFailures within window, further attempts are refused until the window
// has passed since the last failure. Memory is bounded by pruning old keys.
type loginLimiter struct {
	mu       sync.Mutex
	failures map[string][]time.Time
	now      func() time.Time
}

const (
	maxFailures = 5
	lockWindow  = 15 * time.Minute
)

func newLoginLimiter(now func() time.Time) *loginLimiter {
	return &loginLimiter{failures: map[string][]time.Time{}, now: now}
}

// blocked says whether any of the keys has too many recent failures.
func (l *loginLimiter) blocked(keys ...string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range keys {
		if len(l.recent(k)) >= maxFailures {
			return true
		}
	}
	return false
}

// fail records a failure for every key.
func (l *loginLimiter) fail(keys ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range keys {
		l.failures[k] = append(l.recent(k), l.now())
	}
	if len(l.failures) > 10000 {
		for k := range l.failures {
			if len(l.recent(k)) == 0 {
				delete(l.failures, k)
			}
		}
	}
}

// succeed forgets the account's failures (not the address's).
func (l *loginLimiter) succeed(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.failures, key)
}

func (l *loginLimiter) recent(key string) []time.Time {
	cutoff := l.now().Add(-lockWindow)
	kept := l.failures[key][:0]
	for _, t := range l.failures[key] {
		if t.After(cutoff) {
			kept = append(kept, t)
		}
	}
	l.failures[key] = kept
	return kept
}
