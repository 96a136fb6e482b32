package importer

import (
	"context"
	"slices"

	"malbild/analytics"
)

// registry is the database's registry in memory, as read when a plan is
// made, with the rows the file adds and changes applied to it. Rows the file
// adds get negative ids until Commit writes them. Every lookup the sheets
// make goes through it, so a later sheet sees what an earlier one added.
type registry struct {
	members       []*analytics.Member
	memberByID    map[int64]*analytics.Member
	byCode        memberIndex // code → membership rows
	byOrg         memberIndex
	byName        memberIndex // folded name → membership rows
	services      []*analytics.Service
	serviceByName map[string]*analytics.Service // folded name
	serviceByID   map[int64]*analytics.Service
	parts         map[[2]int64][]*analytics.Participation // (member id, service id)
	eventsByName  map[string][]*analytics.Event
	eventByID     map[int64]*analytics.Event
	attendance    map[[2]int64]*analytics.Attendance // (event id, member id)
	goals         map[goalKey]*analytics.Goal
	goalInput     map[int64][]analytics.GoalStatusEntry // goal id → the board's dated input
	fees          map[feeKey]*analytics.FeeBand
	benefits      benefitRegister
	lastTempID    int64

	memberChanges     changes[analytics.Member]
	serviceChanges    changes[analytics.Service]
	partChanges       changes[analytics.Participation]
	eventChanges      changes[analytics.Event]
	attendanceChanges changes[analytics.Attendance]
	goalChanges       changes[analytics.Goal]
	goalInputChanges  changes[analytics.GoalStatusEntry]
	feeChanges        changes[analytics.FeeBand]

	budget *budgetRegistry
}

type goalKey struct {
	year int
	key  string
}

type feeKey struct {
	year     int
	category string
	from     int
}

// changes records what a file does to one table: the rows it inserts, and
// the rows it updates with their image before the first update.
type changes[T any] struct {
	inserted []*T
	updated  []*T
	isNew    map[*T]bool
	before   map[*T]T
}

func (c *changes[T]) insert(row *T) {
	if c.isNew == nil {
		c.isNew = map[*T]bool{}
	}
	c.isNew[row] = true
	c.inserted = append(c.inserted, row)
}

// touch must be called before row is modified: it keeps the image before
// the first change of a row that exists in the database.
func (c *changes[T]) touch(row *T) {
	if c.isNew[row] {
		return
	}
	if c.before == nil {
		c.before = map[*T]T{}
	}
	if _, seen := c.before[row]; !seen {
		c.before[row] = *row
		c.updated = append(c.updated, row)
	}
}

// nextTempID is an id for a row the file adds, negative until written.
func (r *registry) nextTempID() int64 {
	r.lastTempID--
	return r.lastTempID
}

func newRegistry() *registry {
	return &registry{
		memberByID: map[int64]*analytics.Member{}, byCode: newMemberIndex(),
		byOrg: newMemberIndex(), byName: newMemberIndex(),
		serviceByName: map[string]*analytics.Service{}, serviceByID: map[int64]*analytics.Service{},
		parts: map[[2]int64][]*analytics.Participation{}, eventsByName: map[string][]*analytics.Event{},
		eventByID: map[int64]*analytics.Event{}, attendance: map[[2]int64]*analytics.Attendance{},
		goals: map[goalKey]*analytics.Goal{}, goalInput: map[int64][]analytics.GoalStatusEntry{},
		fees: map[feeKey]*analytics.FeeBand{}, budget: newBudgetRegistry(),
	}
}

// addMember puts a membership row in the indexes.
func (r *registry) addMember(m *analytics.Member) {
	r.members = append(r.members, m)
	r.memberByID[m.ID] = m
	r.indexMember(m)
}

func (r *registry) indexMember(m *analytics.Member) {
	if m.Code != "" {
		r.byCode.add(m.Code, m)
	}
	if m.OrgNumber != "" {
		r.byOrg.add(m.OrgNumber, m)
	}
	r.byName.add(fold(m.Name), m)
}

func (r *registry) unindexMember(m *analytics.Member) {
	r.byCode.drop(m.Code, m)
	r.byOrg.drop(m.OrgNumber, m)
	r.byName.drop(fold(m.Name), m)
}

// memberIndex finds membership rows by a key. Nearly every key has one row,
// kept without a slice of its own; the keys of several rows, or of rows
// dropped, have their slice in more (issue 18: as maps of slices, the
// indexes of 100 000 new members were about 16 MB, now about 7 MB). It
// answers as the map of slices did: nil for a key never added, an empty
// slice for one whose rows were all dropped.
type memberIndex struct {
	one  map[string]*analytics.Member
	more map[string][]*analytics.Member
}

func newMemberIndex() memberIndex {
	return memberIndex{one: map[string]*analytics.Member{}, more: map[string][]*analytics.Member{}}
}

// get returns the rows of key, in the order added; empty, not nil, once
// its rows were all dropped.
func (x memberIndex) get(key string) []*analytics.Member {
	if rows, ok := x.more[key]; ok {
		return rows
	}
	if m, ok := x.one[key]; ok {
		return []*analytics.Member{m}
	}
	return nil
}

func (x memberIndex) add(key string, m *analytics.Member) {
	if rows, ok := x.more[key]; ok {
		x.more[key] = append(rows, m)
	} else if first, ok := x.one[key]; ok {
		delete(x.one, key)
		x.more[key] = []*analytics.Member{first, m}
	} else {
		x.one[key] = m
	}
}

func (x memberIndex) drop(key string, m *analytics.Member) {
	if rows, ok := x.more[key]; ok {
		x.more[key] = slices.DeleteFunc(rows, func(r *analytics.Member) bool { return r == m })
	} else if x.one[key] == m {
		delete(x.one, key)
		x.more[key] = []*analytics.Member{}
	}
}

func (r *registry) addService(s *analytics.Service) {
	r.services = append(r.services, s)
	r.serviceByName[fold(s.Name)] = s
	r.serviceByID[s.ID] = s
}

func (r *registry) addParticipation(p *analytics.Participation) {
	k := [2]int64{p.MemberID, p.ServiceID}
	r.parts[k] = append(r.parts[k], p)
}

func (r *registry) addEvent(e *analytics.Event) {
	r.eventsByName[fold(e.Name)] = append(r.eventsByName[fold(e.Name)], e)
	r.eventByID[e.ID] = e
}

// loadRegistry puts every row the import matches against in the indexes.
func loadRegistry(ctx context.Context, v *analytics.ImportView) (*registry, error) {
	rows, err := v.Registry(ctx)
	if err != nil {
		return nil, err
	}
	r := newRegistry()
	for i := range rows.Members {
		r.addMember(&rows.Members[i])
	}
	for i := range rows.Services {
		r.addService(&rows.Services[i])
	}
	for i := range rows.Participations {
		r.addParticipation(&rows.Participations[i])
	}
	for i := range rows.Events {
		r.addEvent(&rows.Events[i])
	}
	for i := range rows.Attendance {
		a := &rows.Attendance[i]
		r.attendance[[2]int64{a.EventID, a.MemberID}] = a
	}
	for i := range rows.Goals {
		g := &rows.Goals[i]
		r.goals[goalKey{g.Year, g.Key}] = g
	}
	for _, e := range rows.GoalStatuses {
		r.goalInput[e.GoalID] = append(r.goalInput[e.GoalID], e)
	}
	for i := range rows.FeeBands {
		b := &rows.FeeBands[i]
		r.fees[feeKey{b.Year, b.Category, b.PopulationFrom}] = b
	}
	for i := range rows.Benefits {
		r.benefits.addBenefit(&rows.Benefits[i])
	}
	for i := range rows.BenefitMeasurements {
		r.benefits.addMeasurement(&rows.BenefitMeasurements[i])
	}
	budget, err := v.Budget(ctx)
	if err != nil {
		return nil, err
	}
	r.budget.load(budget)
	return r, nil
}
