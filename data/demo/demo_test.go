package demo

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/data/reference"
)

// seeds the default demo's properties are checked for: they must hold for
// every seed, not just a lucky one.
var seeds = []int64{0, 1, 2, 3, 4, 5, 6, 7, 42, 2026}

func d(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }

// view answers DESIGN's definitions over a Dataset, independently of the
// generator's code.
type view struct {
	ds       analytics.Dataset
	members  map[int64]analytics.Member
	services map[int64]analytics.Service
}

func newView(ds analytics.Dataset) view {
	v := view{ds: ds, members: map[int64]analytics.Member{}, services: map[int64]analytics.Service{}}
	for _, m := range ds.Members {
		v.members[m.ID] = m
	}
	for _, s := range ds.Services {
		v.services[s.ID] = s
	}
	return v
}

func memberActive(m analytics.Member, on time.Time) bool {
	return !m.JoinedOn.After(on) && (m.LeftOn.IsZero() || !on.After(m.LeftOn))
}

func (v view) partActive(p analytics.Participation, on time.Time) bool {
	s := v.services[p.ServiceID]
	return !p.FromOn.After(on) && (p.ToOn.IsZero() || !on.After(p.ToOn)) &&
		memberActive(v.members[p.MemberID], on) && (s.EndedOn.IsZero() || !on.After(s.EndedOn))
}

func (v view) service(t *testing.T, name string) analytics.Service {
	t.Helper()
	for _, s := range v.ds.Services {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no service %q", name)
	return analytics.Service{}
}

// activeMembers counts the members active on a day.
func (v view) activeMembers(on time.Time) int {
	n := 0
	for _, m := range v.ds.Members {
		if memberActive(m, on) {
			n++
		}
	}
	return n
}

// participants counts the distinct members of the given kind ("" for any)
// taking part in service id on a day.
func (v view) participants(id int64, kind string, on time.Time) int {
	seen := map[int64]bool{}
	for _, p := range v.ds.Participations {
		if p.ServiceID == id && v.partActive(p, on) && (kind == "" || v.members[p.MemberID].Kind == kind) {
			seen[p.MemberID] = true
		}
	}
	return len(seen)
}

// share is top_service_share's value for one service: distinct active
// participants over all active members of every kind.
func (v view) share(id int64, on time.Time) float64 {
	return float64(v.participants(id, "", on)) / float64(v.activeMembers(on))
}

func TestDeterministic(t *testing.T) {
	a, b := Generate(Options{Seed: 7}), Generate(Options{Seed: 7})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed gave different datasets")
	}
	if reflect.DeepEqual(a, Generate(Options{Seed: 8})) {
		t.Fatal("different seeds gave the same dataset")
	}
	big := Options{Members: 600, Services: 40, Years: 10, Seed: 3}
	if !reflect.DeepEqual(Generate(big), Generate(big)) {
		t.Fatal("same options gave different large datasets")
	}
}

func TestDefaultMembers(t *testing.T) {
	for _, seed := range seeds {
		ds := Generate(Options{Seed: seed})
		if n := len(ds.Members); n < 140 || n > 155 {
			t.Errorf("seed %d: %d members, want 140–155", seed, n)
		}
		kinds := map[string]int{}
		var leavers, janFirst, decEnd, thisYear, early int
		byCode := map[string][]analytics.Member{}
		for _, m := range ds.Members {
			kinds[m.Kind]++
			switch m.Kind {
			case analytics.KindKommun:
				ref, ok := reference.MunicipalityByCode(m.Code)
				if !ok || ref.Code != m.Code || ref.Name != m.Name || ref.CountyCode != m.CountyCode || ref.Population != m.Population {
					t.Errorf("seed %d: member %+v does not match the reference %+v", seed, m, ref)
				}
				byCode[m.Code] = append(byCode[m.Code], m)
			case analytics.KindRegion:
				c, ok := reference.CountyByCode(m.Code)
				if !ok || m.Name != "Region "+c.ShortName || m.Population != c.Population || m.CountyCode != m.Code {
					t.Errorf("seed %d: region %+v does not match county %+v", seed, m, c)
				}
			}
			if !strings.HasSuffix(m.ContactEmail, ".example") || m.ContactName == "" {
				t.Errorf("seed %d: contact %q <%s>", seed, m.ContactName, m.ContactEmail)
			}
			if m.JoinedOn.Month() == time.January && m.JoinedOn.Day() == 1 {
				janFirst++
			}
			if m.JoinedOn.Year() == DefaultToday.Year() {
				thisYear++
			}
			if m.JoinedOn.Year() >= 2005 && m.JoinedOn.Year() <= 2015 {
				early++
			}
			if m.JoinedOn.Year() < 2005 || m.JoinedOn.After(DefaultToday) {
				t.Errorf("seed %d: %s joined %s", seed, m.Name, m.JoinedOn.Format(time.DateOnly))
			}
			if !m.LeftOn.IsZero() {
				leavers++
				if m.LeftOn.Month() == time.December && m.LeftOn.Day() == 31 {
					decEnd++
				}
			}
		}
		if kinds[analytics.KindRegion] != 3 || kinds[analytics.KindKommunalforbund] != 2 || kinds[analytics.KindOvrig] != 1 {
			t.Errorf("seed %d: kinds %v", seed, kinds)
		}
		if leavers < 3 || leavers > 6 || janFirst == 0 || decEnd == 0 || thisYear < 2 || early*2 < len(ds.Members) {
			t.Errorf("seed %d: leavers %d, joined 1 January %d, left 31 December %d, joined this year %d, 2005–2015 %d",
				seed, leavers, janFirst, decEnd, thisYear, early)
		}
		rejoins := 0
		for code, rows := range byCode {
			if len(rows) == 2 {
				rejoins++
				if rows[0].LeftOn.IsZero() || !rows[1].JoinedOn.After(rows[0].LeftOn) {
					t.Errorf("seed %d: %s's periods overlap: %+v", seed, code, rows)
				}
			} else if len(rows) > 2 {
				t.Errorf("seed %d: %s has %d rows", seed, code, len(rows))
			}
		}
		if rejoins != 1 {
			t.Errorf("seed %d: %d rejoined members, want 1", seed, rejoins)
		}
		group := 0
		for _, m := range ds.Members {
			if m.Group == "Itsam" {
				group++
			}
		}
		if group != 6 {
			t.Errorf("seed %d: %d members in the Itsam group, want 6", seed, group)
		}
	}
}

// checkValid checks what the schema and DESIGN require of any dataset.
func checkValid(t *testing.T, ds analytics.Dataset) {
	t.Helper()
	v := newView(ds)
	if len(v.members) != len(ds.Members) || len(v.services) != len(ds.Services) {
		t.Fatal("duplicate member or service IDs")
	}
	for i, m := range ds.Members {
		if m.ID != int64(i+1) || m.Name == "" || m.JoinedOn.IsZero() || (!m.LeftOn.IsZero() && m.LeftOn.Before(m.JoinedOn)) {
			t.Fatalf("bad member %+v", m)
		}
	}
	names := map[string]bool{}
	for _, s := range ds.Services {
		if names[s.Name] || (s.Kind != analytics.KindService && s.Kind != analytics.KindNetwork) ||
			(!s.EndedOn.IsZero() && s.EndedOn.Before(s.StartedOn)) {
			t.Fatalf("bad service %+v", s)
		}
		names[s.Name] = true
	}
	for i, p := range ds.Participations {
		m, okM := v.members[p.MemberID]
		_, okS := v.services[p.ServiceID]
		if p.ID != int64(i+1) || !okM || !okS {
			t.Fatalf("participation %+v refers to nothing", p)
		}
		if !p.ToOn.IsZero() && p.ToOn.Before(p.FromOn) {
			t.Fatalf("participation %+v ends before it starts", p)
		}
		if p.FromOn.Before(m.JoinedOn) || (!m.LeftOn.IsZero() && (p.ToOn.IsZero() || p.ToOn.After(m.LeftOn))) {
			t.Fatalf("participation %+v outside its member's period %+v", p, m)
		}
	}
	events := map[int64]analytics.Event{}
	for i, e := range ds.Events {
		if e.ID != int64(i+1) || (e.Format != "digital" && e.Format != "physical" && e.Format != "hybrid") ||
			(e.Role != "host" && e.Role != "participant") {
			t.Fatalf("bad event %+v", e)
		}
		events[e.ID] = e
	}
	seen := map[[2]int64]bool{}
	for _, a := range ds.Attendance {
		e, ok := events[a.EventID]
		key := [2]int64{a.EventID, a.MemberID}
		if !ok || seen[key] || !memberActive(v.members[a.MemberID], e.HeldOn) || a.Attendees < 1 || a.Attendees > 12 {
			t.Fatalf("bad attendance %+v", a)
		}
		seen[key] = true
	}
	orgNr := regexp.MustCompile(`^\d{6}-\d{4}$`)
	for _, m := range ds.Members {
		if !orgNr.MatchString(m.OrgNumber) || !luhnValid(strings.ReplaceAll(m.OrgNumber, "-", "")) {
			t.Fatalf("%s: organisation number %q fails Luhn", m.Name, m.OrgNumber)
		}
		if m.Kind == analytics.KindKommun && !strings.HasPrefix(m.OrgNumber, "212000-") {
			t.Fatalf("%s: municipality organisation number %q", m.Name, m.OrgNumber)
		}
	}
}

// luhnValid is the Luhn test on all ten digits, written apart from the
// generator's check digit code.
func luhnValid(digits string) bool {
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		n := int(digits[i] - '0')
		if (len(digits)-1-i)%2 == 1 {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
	}
	return sum%10 == 0
}

func TestValid(t *testing.T) {
	for _, seed := range seeds {
		checkValid(t, Generate(Options{Seed: seed}))
	}
	checkValid(t, Generate(Options{Members: 10, Services: 3, Years: 2, Seed: 1}))
	checkValid(t, Generate(Options{Members: 400, Services: 30, Years: 8, Seed: 2, Today: d(2019, time.March, 3)}))
	if !luhnValid("2120000142") || luhnValid("2120000143") {
		t.Fatal("the test's Luhn check is wrong") // 212000-0142 is a valid number, -0143 is not
	}
}

func TestServices(t *testing.T) {
	for _, seed := range seeds {
		ds := Generate(Options{Seed: seed})
		v := newView(ds)
		bibblix := v.service(t, "Bibblix").ID
		if s := v.share(bibblix, d(2024, time.December, 31)); s <= 0.75 {
			t.Errorf("seed %d: Bibblix share on 2024-12-31 = %.3f, want > 0.75", seed, s)
		}
		if s := v.share(bibblix, d(2018, time.December, 31)); s >= 0.75 {
			t.Errorf("seed %d: Bibblix share on 2018-12-31 = %.3f, want < 0.75", seed, s)
		}
		if n := v.participants(v.service(t, "Egil").ID, analytics.KindKommun, DefaultToday); n < 35 || n > 45 {
			t.Errorf("seed %d: Egil has %d municipalities, want 35–45", seed, n)
		}
		above, below := 0, 0
		for _, s := range ds.Services {
			if s.Kind != analytics.KindNetwork {
				continue
			}
			if v.participants(s.ID, analytics.KindKommun, DefaultToday) >= 20 {
				above++
			} else {
				below++
			}
		}
		if above == 0 || below == 0 {
			t.Errorf("seed %d: %d networks with ≥ 20 municipalities, %d below", seed, above, below)
		}
		checkGoalStory(t, seed, v)
		tk := v.service(t, "Tjänstekollen")
		openPast := 0
		for _, p := range ds.Participations {
			if p.ServiceID == tk.ID && p.ToOn.IsZero() {
				openPast++
			}
		}
		if tk.EndedOn.IsZero() || openPast == 0 {
			t.Errorf("seed %d: Tjänstekollen ended %v with %d participations open", seed, tk.EndedOn, openPast)
		}
		checkEngagement(t, seed, v)
	}
}

// checkGoalStory checks the outcomes the demo is built to show, whatever the
// seed: goal 1 (125 members) met in 2021, goal 5 (a service above 75 %) met
// on its due date, goal 8 met with its 2021 target of 2 networks and not yet
// with the raised 2022 target of 4.
func checkGoalStory(t *testing.T, seed int64, v view) {
	t.Helper()
	if n := v.activeMembers(d(2021, time.December, 31)); n < 125 {
		t.Errorf("seed %d: %d members on 2021-12-31, want ≥ 125", seed, n)
	}
	if s := v.share(v.service(t, "Bibblix").ID, d(2023, time.December, 31)); s <= 0.75 {
		t.Errorf("seed %d: Bibblix share on 2023-12-31 = %.3f, want > 0.75", seed, s)
	}
	networks := func(on time.Time) int {
		n := 0
		for _, s := range v.ds.Services {
			if s.Kind == analytics.KindNetwork && v.participants(s.ID, analytics.KindKommun, on) >= 20 {
				n++
			}
		}
		return n
	}
	if n21, n22 := networks(d(2021, time.December, 31)), networks(d(2022, time.December, 31)); n21 < 2 || n22 >= 4 {
		t.Errorf("seed %d: networks with ≥ 20 municipalities: %d in 2021 (want ≥ 2), %d in 2022 (want < 4)", seed, n21, n22)
	}
}

// checkEngagement checks the material of goals 2 and 4: members with no
// participation at all, and municipalities with one service on 1 January
// that take a second within that year.
func checkEngagement(t *testing.T, seed int64, v view) {
	t.Helper()
	with := map[int64]bool{}
	for _, p := range v.ds.Participations {
		with[p.MemberID] = true
	}
	if len(with) == len(v.ds.Members) {
		t.Errorf("seed %d: every member takes part in something", seed)
	}
	upgraded := 0
	for y := 2021; y <= 2023; y++ {
		count := func(id int64, on time.Time) int {
			n := 0
			for _, p := range v.ds.Participations {
				if p.MemberID == id && v.services[p.ServiceID].Kind == analytics.KindService && v.partActive(p, on) {
					n++
				}
			}
			return n
		}
		for _, m := range v.ds.Members {
			if m.Kind == analytics.KindKommun && count(m.ID, d(y, time.January, 1)) == 1 && count(m.ID, d(y, time.December, 31)) >= 2 {
				upgraded++
			}
		}
	}
	if upgraded == 0 {
		t.Errorf("seed %d: no municipality took a second service during 2021–2023", seed)
	}
}

func TestEvents(t *testing.T) {
	ds := Generate(Options{Seed: 1})
	perYear := map[int]int{}
	digital := map[int]int{}
	for _, e := range ds.Events {
		perYear[e.HeldOn.Year()]++
		if e.Format != "physical" {
			digital[e.HeldOn.Year()]++
		}
		if e.HeldOn.After(DefaultToday) {
			t.Errorf("event %+v after today", e)
		}
	}
	for y := 2010; y < DefaultToday.Year(); y++ {
		if perYear[y] < 3 || perYear[y] > 8 {
			t.Errorf("%d: %d events", y, perYear[y])
		}
		if y >= 2020 && digital[y] == 0 {
			t.Errorf("%d: no digital or hybrid event", y)
		}
	}
	if len(ds.Attendance) < len(ds.Events)*3 {
		t.Errorf("%d attendance rows for %d events", len(ds.Attendance), len(ds.Events))
	}
}

func TestGoals(t *testing.T) {
	byYear := map[int]map[int]analytics.Goal{}
	keys := map[int]string{}
	for _, g := range Generate(Options{}).Goals {
		if byYear[g.Year] == nil {
			byYear[g.Year] = map[int]analytics.Goal{}
		}
		byYear[g.Year][g.Number] = g
		if k, ok := keys[g.Number]; ok && k != g.Key {
			t.Errorf("goal %d changes key %q → %q", g.Number, k, g.Key)
		}
		keys[g.Number] = g.Key
		if g.Metric != "manual" && (g.Comparator == "" || g.Target == nil) {
			t.Errorf("goal %d/%d has no comparator or target", g.Year, g.Number)
		}
	}
	want := map[int][]int{2021: {1, 2, 3, 4, 5, 6, 7, 8, 9}, 2022: {1, 2, 4, 5, 7, 8, 9, 10}, 2023: {1, 2, 4, 5, 7, 8, 9, 10}}
	if len(byYear) != DefaultToday.Year()-2020 {
		t.Fatalf("plans for %d years, want 2021 to %d", len(byYear), DefaultToday.Year())
	}
	// After 2023 the plans carry goal 5's siblings over; goal 5 was reached.
	for y := 2024; y <= DefaultToday.Year(); y++ {
		if _, ok := byYear[y][5]; ok || len(byYear[y]) != 7 {
			t.Errorf("%d: %d goals (goal 5 present: %v), want 1, 2, 4, 7, 8, 9, 10", y, len(byYear[y]), ok)
		}
	}
	if byYear[2023][5].RemovedReason == "" {
		t.Error("goal 5 of 2023 lacks its removal reason")
	}
	for y, numbers := range want {
		if len(byYear[y]) != len(numbers) {
			t.Errorf("%d: %d goals, want %v", y, len(byYear[y]), numbers)
		}
		for _, n := range numbers {
			if _, ok := byYear[y][n]; !ok {
				t.Errorf("%d: goal %d missing", y, n)
			}
		}
		g5 := byYear[y][5]
		if g5.Metric != "top_service_share" || g5.Comparator != ">" || *g5.Target != 0.75 || !g5.DueOn.Equal(d(2023, time.December, 31)) {
			t.Errorf("%d: goal 5 %+v", y, g5)
		}
		g7 := byYear[y][7]
		if g7.Metric != "manual" || g7.Comparator != "" || g7.Status == "" || g7.StatusSetOn.IsZero() || g7.Comment == "" {
			t.Errorf("%d: goal 7 %+v", y, g7)
		}
		if g1 := byYear[y][1]; g1.Metric != "members" || g1.Comparator != ">=" || *g1.Target != 125 {
			t.Errorf("%d: goal 1 %+v", y, g1)
		}
	}
	if byYear[2021][3].RemovedReason == "" || byYear[2021][6].RemovedReason != "Uppnått 2021" {
		t.Error("goals 3 and 6 of 2021 lack their removal reasons")
	}
	g8 := func(y int) analytics.Goal { return byYear[y][8] }
	if *g8(2021).Target != 2 || *g8(2022).Target != 4 || *g8(2023).Target != 4 || g8(2022).Params != "n=20" {
		t.Errorf("goal 8: %+v / %+v", g8(2021), g8(2022))
	}
	if g10 := byYear[2022][10]; g10.Metric != "members_lost" || g10.Comparator != "=" || *g10.Target != 0 {
		t.Errorf("goal 10 %+v", g10)
	}
}

func TestFeeBands(t *testing.T) {
	perYear := map[int][]analytics.FeeBand{}
	for _, b := range Generate(Options{}).FeeBands {
		perYear[b.Year] = append(perYear[b.Year], b)
	}
	for y := 2020; y <= DefaultToday.Year(); y++ {
		bands := perYear[y]
		if len(bands) != 8 {
			t.Fatalf("%d: %d fee bands, want 8", y, len(bands))
		}
		if b := bands[2]; b.PopulationFrom != 15000 || b.PopulationTo != 25000 || b.Contribution != 10000 || b.AnnualFee != 25000 {
			t.Errorf("%d: band 15 000–25 000 is %+v", y, b)
		}
		if top, other := bands[6], bands[7]; top.PopulationTo != 0 || top.AnnualFee != 80000 || other.Category != "ovrig" || other.AnnualFee != 25000 {
			t.Errorf("%d: top %+v, other %+v", y, top, other)
		}
	}
	if len(perYear) != DefaultToday.Year()-2020+1 {
		t.Errorf("fee schedules for %d years", len(perYear))
	}
}

// TestLarge generates the benchmark size and checks its shape; its time is
// measured by BenchmarkGenerateLarge and `make demo-large`, not asserted.
func TestLarge(t *testing.T) {
	ds := Generate(Options{Members: 20000, Services: 300, Years: 25, Seed: 9})
	if n := len(ds.Members); n < 20000 || n > 20200 || len(ds.Services) != 300 {
		t.Errorf("%d members, %d services", n, len(ds.Services))
	}
	if n := len(ds.Participations); n < 2*20000 || n > 6*20000 {
		t.Errorf("%d participations, want a few per member", n)
	}
	if n := len(ds.Events); n < 3*20 || n > 8*26 {
		t.Errorf("%d events", n)
	}
	first := ds.Members[0].JoinedOn.Year()
	if first != DefaultToday.Year()-25 {
		t.Errorf("membership starts %d", first)
	}
	municipalities := 0
	for _, m := range ds.Members {
		if m.Kind == analytics.KindKommun {
			municipalities++
		}
	}
	if municipalities < 290 {
		t.Errorf("%d municipality rows, want all 290", municipalities)
	}
	checkValid(t, ds)
}

// TestFacts logs the default demo's key figures (go test -v).
func TestFacts(t *testing.T) {
	ds := Generate(Options{})
	v := newView(ds)
	t.Logf("members %d (active today %d, on 2021-12-31 %d), services %d, participations %d, events %d, attendance %d",
		len(ds.Members), v.activeMembers(DefaultToday), v.activeMembers(d(2021, time.December, 31)),
		len(ds.Services), len(ds.Participations), len(ds.Events), len(ds.Attendance))
	bibblix := v.service(t, "Bibblix").ID
	for _, on := range []time.Time{d(2018, 12, 31), d(2021, 12, 31), d(2022, 12, 31), d(2023, 12, 31), d(2024, 12, 31), DefaultToday} {
		t.Logf("Bibblix share on %s: %.3f", on.Format(time.DateOnly), v.share(bibblix, on))
	}
	for _, s := range ds.Services {
		t.Logf("%-22s %-8s municipalities 2021: %3d  2022: %3d  today: %3d", s.Name, s.Kind,
			v.participants(s.ID, analytics.KindKommun, d(2021, time.December, 31)),
			v.participants(s.ID, analytics.KindKommun, d(2022, time.December, 31)),
			v.participants(s.ID, analytics.KindKommun, DefaultToday))
	}
}

func BenchmarkGenerateLarge(b *testing.B) {
	for b.Loop() {
		Generate(Options{Members: 20000, Services: 300, Years: 25, Seed: 9})
	}
}
