package dashboard

import (
	"sync"
	"time"
)

// loginLimiter slows down guessing without locking anyone out. It counts
// failed logins per account and address together: after a few, each
// further attempt from that address for that account must wait, twice as
// long each time. The owner, logging in from another address, is not
// slowed by someone else's guesses. A second count per address slows one
// address that tries many accounts. The clock is the store's, so tests can
// move it.
type loginLimiter struct {
	mu      sync.Mutex
	now     func() time.Time
	entries map[string]failures
}

type failures struct {
	count int
	last  time.Time
	free  int // failures allowed before the delays start
}

const (
	// freePerAccountAddress failures of one account from one address, and
	// freePerAddress of any accounts from one address, cost no waiting.
	freePerAccountAddress = 3
	freePerAddress        = 20
	firstDelay            = 2 * time.Second
	maxDelay              = 15 * time.Minute
	// forgetAfter is how long a key's failures are remembered after the last.
	forgetAfter = 24 * time.Hour
	// maxLimiterEntries bounds the limiter's memory, however many names
	// and addresses are tried.
	maxLimiterEntries = 10000
)

func newLoginLimiter(now func() time.Time) *loginLimiter {
	return &loginLimiter{entries: map[string]failures{}, now: now}
}

// loginKeys are the limiter's keys of a login attempt: the account (its
// name as bounded and lower-cased by the caller) with the address, and the
// address alone.
func loginKeys(account, address string) (pair, addr string) {
	return "pair\x00" + account + "\x00" + address, "addr\x00" + address
}

// delay is how long after its last failure a key must wait.
func (f failures) delay() time.Duration {
	if f.count < f.free {
		return 0
	}
	d := firstDelay
	for i := f.free; i < f.count && d < maxDelay; i++ {
		d *= 2
	}
	return min(d, maxDelay)
}

// wait is how long the attempt must still wait: 0 lets it through.
func (l *loginLimiter) wait(pair, addr string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	var longest time.Duration
	for _, k := range []string{pair, addr} {
		if f, ok := l.entries[k]; ok {
			longest = max(longest, f.last.Add(f.delay()).Sub(now))
		}
	}
	return longest
}

// fail records a failed attempt.
func (l *loginLimiter) fail(pair, addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if len(l.entries) >= maxLimiterEntries-1 {
		l.prune(now)
	}
	for k, free := range map[string]int{pair: freePerAccountAddress, addr: freePerAddress} {
		f := l.entries[k]
		if now.Sub(f.last) > forgetAfter {
			f.count = 0
		}
		l.entries[k] = failures{count: f.count + 1, last: now, free: free}
	}
}

// succeed forgets the failures of the account at that address (not those
// of the address).
func (l *loginLimiter) succeed(pair string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.entries, pair)
}

// prune makes room: first the keys that no longer make anyone wait, then,
// if those were too few, a tenth of the rest.
func (l *loginLimiter) prune(now time.Time) {
	for k, f := range l.entries {
		if !now.Before(f.last.Add(f.delay())) || now.Sub(f.last) > forgetAfter {
			delete(l.entries, k)
		}
	}
	for k := range l.entries {
		if len(l.entries) < maxLimiterEntries*9/10 {
			break
		}
		delete(l.entries, k)
	}
}

// size is how many keys the limiter holds.
func (l *loginLimiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.entries)
}
