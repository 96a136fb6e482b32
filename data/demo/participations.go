package demo

import (
	"cmp"
	"math"
	"slices"
	"time"

	"malbild/analytics"
)

// participations lets the members adopt every service by its spec and returns
// the participations sorted by member, service and start, with IDs. Every
// participation lies within its membership row's period: one that would run
// past the member's last day ends on it.
func (g *gen) participations(members []analytics.Member, meta []memberMeta, specs []serviceSpec) []analytics.Participation {
	var out []analytics.Participation
	taken := make([]bool, len(members)) // reused per service
	for si, s := range specs {
		clear(taken)
		a := adoption{g: g, members: members, meta: meta, spec: s, serviceID: int64(si + 1), taken: taken}
		out = a.run(out)
	}
	slices.SortFunc(out, func(a, b analytics.Participation) int {
		return cmp.Or(cmp.Compare(a.MemberID, b.MemberID), cmp.Compare(a.ServiceID, b.ServiceID),
			a.FromOn.Compare(b.FromOn))
	})
	for i := range out {
		out[i].ID = int64(i + 1)
	}
	return out
}

// adoption is one service's adoption by the members.
type adoption struct {
	g         *gen
	members   []analytics.Member
	meta      []memberMeta
	spec      serviceSpec
	serviceID int64
	taken     []bool // members that already have a participation here
}

func (a *adoption) run(out []analytics.Participation) []analytics.Participation {
	g, s := a.g, a.spec
	ref := s.ref
	if ref.IsZero() || ref.After(g.today) {
		ref = g.today
	}
	if !s.ended.IsZero() && s.ended.Before(ref) {
		ref = s.ended
	}
	if s.started.After(ref) {
		return out
	}

	// Those active on ref: share × every eligible member, idle ones included,
	// so that the share holds of the whole membership.
	var cands []int
	base := 0
	for i, m := range a.members {
		if a.eligible(m.Kind) && active(m.JoinedOn, m.LeftOn, ref) {
			base++
			if !a.meta[i].idle {
				cands = append(cands, i)
			}
		}
	}
	k := min(int(math.Round(s.share*float64(base))), len(cands))
	np := a.pilotsFirst(cands)
	k = max(k, np)
	a.shuffleFrom(cands, np, k)
	open := s.openPastEnd
	for j, i := range cands[:k] {
		// Stratified draws (the j-th of k adopters takes the j-th slice of
		// [0, 1), and the order is random) make the adoption curve follow
		// the spec closely for every seed, so goal outcomes do not flip.
		u := (float64(j) + g.rng.Float64()) / float64(k)
		from := g.adoptDay(a.lo(i), ref, u, s.skew)
		if j < np {
			from = clampDate(s.pilotFrom(a.members[i].Code), a.lo(i), ref)
		}
		to := a.members[i].LeftOn
		if !s.ended.IsZero() && (to.IsZero() || s.ended.Before(to)) {
			if open > 0 && to.IsZero() {
				open-- // left open past the service's end: inactive, but data
			} else {
				to = s.ended
			}
		}
		out = a.add(out, i, from, to)
	}
	out = a.later(out, ref)
	return a.former(out, ref, int(math.Round(s.former*float64(k))))
}

// later adds members starting after ref (and before the service ended).
func (a *adoption) later(out []analytics.Participation, ref time.Time) []analytics.Participation {
	g, s := a.g, a.spec
	if s.later <= 0 {
		return out
	}
	hi := g.today
	if !s.ended.IsZero() {
		hi = minDate(hi, s.ended)
	}
	for i, m := range a.members {
		if a.taken[i] || a.meta[i].idle || !a.eligible(m.Kind) || !active(m.JoinedOn, m.LeftOn, g.today) {
			continue
		}
		lo := maxDate(a.lo(i), addDays(ref, 1))
		if !lo.After(hi) && g.rng.Float64() < s.later {
			out = a.add(out, i, g.decisionDay(lo, hi), s.ended)
		}
	}
	return out
}

// former adds n participations that ended before ref: by choice, or when the
// member left.
func (a *adoption) former(out []analytics.Participation, ref time.Time, n int) []analytics.Participation {
	g := a.g
	if n <= 0 {
		return out
	}
	dayBefore := addDays(ref, -1)
	var cands []int
	for i, m := range a.members {
		if a.taken[i] || a.meta[i].idle || !a.eligible(m.Kind) {
			continue
		}
		if days(a.lo(i), a.lastDay(i, dayBefore)) >= 60 {
			cands = append(cands, i)
		}
	}
	n = min(n, len(cands))
	a.shuffleFrom(cands, 0, n)
	for _, i := range cands[:n] {
		hi := a.lastDay(i, dayBefore)
		from := g.decisionDay(a.lo(i), addDays(hi, -30))
		to := g.between(addDays(from, 30), hi)
		if left := a.members[i].LeftOn; left.Equal(hi) && g.rng.IntN(10) < 6 {
			to = left // ended when the member left
		}
		out = a.add(out, i, from, to)
	}
	return out
}

func (a *adoption) add(out []analytics.Participation, i int, from, to time.Time) []analytics.Participation {
	a.taken[i] = true
	if left := a.members[i].LeftOn; !left.IsZero() && (to.IsZero() || to.After(left)) {
		to = left
	}
	return append(out, analytics.Participation{MemberID: a.members[i].ID, ServiceID: a.serviceID, FromOn: from, ToOn: to})
}

// lo is the first day member i could take part: the later of its joining
// and the service's start.
func (a *adoption) lo(i int) time.Time { return maxDate(a.members[i].JoinedOn, a.spec.started) }

// lastDay is the earlier of hi and member i's last day.
func (a *adoption) lastDay(i int, hi time.Time) time.Time {
	if left := a.members[i].LeftOn; !left.IsZero() && left.Before(hi) {
		return left
	}
	return hi
}

func (a *adoption) eligible(kind string) bool {
	return a.spec.kinds == nil || slices.Contains(a.spec.kinds, kind)
}

// pilotsFirst moves the candidates that are pilots of the service to the
// front and returns how many there are.
func (a *adoption) pilotsFirst(cands []int) int {
	np := 0
	for j, i := range cands {
		if a.members[i].Kind == analytics.KindKommun && !a.spec.pilotFrom(a.members[i].Code).IsZero() {
			cands[np], cands[j] = cands[j], cands[np]
			np++
		}
	}
	return np
}

// shuffleFrom puts a random choice of cands[from:] into cands[from:to]
// (a partial Fisher–Yates shuffle: cheap when to is small).
func (a *adoption) shuffleFrom(cands []int, from, to int) {
	for j := from; j < to; j++ {
		r := j + a.g.rng.IntN(len(cands)-j)
		cands[j], cands[r] = cands[r], cands[j]
	}
}

// pilotFrom is when the municipality with code piloted s; zero if it did not.
func (s serviceSpec) pilotFrom(code string) time.Time {
	for _, p := range s.pilots {
		if p.code == code {
			return p.from
		}
	}
	return time.Time{}
}
