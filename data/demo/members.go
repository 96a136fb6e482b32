package demo

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"malbild/analytics"
	"malbild/data/reference"
)

// memberMeta is what the generator knows about a membership row beyond the
// row itself.
type memberMeta struct {
	pinned bool // carries a fixed fact (a group, a pilot): never leaves, never idle
	idle   bool // takes part in no service or network at all
}

type memberRow struct {
	m    analytics.Member
	meta memberMeta
}

// Itsam is a real kommunalförbund whose municipalities join as a group
// (../shared/data/samverkan_belagg_per_kommun.csv): Boxholm, Kinda, Ydre,
// Åtvidaberg, Ödeshög from its start, Vimmerby later.
const itsamName = "Itsam"

var (
	itsamCodes     = []string{"0560", "0513", "0512", "0561", "0509", "0884"}
	itsamJoined    = date(2010, time.January, 1)
	vimmerbyCode   = "0884"
	vimmerbyJoined = date(2012, time.July, 1)
)

// fixedOrg is one of the non-municipal members of the demo.
type fixedOrg struct {
	name, kind, code, county string
	orgNumber                string
	joinFrac                 float64 // when it joined, as a fraction of the membership span
	population               func() int
}

// fixedOrgs are the regions, kommunalförbund and SKR (DESIGN: some regions,
// kommunalförbund and SKR are members).
func fixedOrgs() []fixedOrg {
	region := func(code string, frac float64) fixedOrg {
		c, _ := reference.CountyByCode(code)
		return fixedOrg{"Region " + c.ShortName, analytics.KindRegion, code, code,
			regionOrgNumber(code), frac, func() int { return c.Population }}
	}
	return []fixedOrg{
		region("05", 0.30),
		region("17", 0.45),
		region("20", 0.60),
		{itsamName, analytics.KindKommunalforbund, "", "05", forbundOrgNumber(150), -1, func() int {
			return sumPopulation(itsamCodes)
		}},
		// Sydarkivera serves municipalities of south-east Sweden; its
		// population is that of the counties around its seat in Växjö.
		{"Sydarkivera", analytics.KindKommunalforbund, "", "07", forbundOrgNumber(180), 0.55, func() int {
			return countyPopulation("07") + countyPopulation("08") + countyPopulation("10")
		}},
		// SKR speaks for all of Sweden; a population would be double counting.
		{"Sveriges Kommuner och Regioner", analytics.KindOvrig, "", "01", forbundOrgNumber(31), 0.05,
			func() int { return 0 }},
	}
}

func sumPopulation(codes []string) int {
	sum := 0
	for _, c := range codes {
		m, _ := reference.MunicipalityByCode(c)
		sum += m.Population
	}
	return sum
}

func countyPopulation(code string) int {
	c, _ := reference.CountyByCode(code)
	return c.Population
}

// members builds the membership rows, sorted by join date, with IDs.
func (g *gen) members() ([]analytics.Member, []memberMeta) {
	n := g.o.Members
	var rows []memberRow
	if n >= 50 {
		for _, f := range fixedOrgs() {
			rows = append(rows, g.fixedRow(f))
		}
	}
	nMuni := min(n-len(rows), len(reference.Municipalities()))
	firstFree := len(rows)
	rows = append(rows, g.municipalityRows(nMuni)...)
	for ordinal := len(rows) + 1; ordinal <= n; ordinal++ {
		rows = append(rows, g.syntheticRow(ordinal))
	}
	rows = g.joinAndLeave(rows, firstFree)

	slices.SortStableFunc(rows, func(a, b memberRow) int {
		return cmp.Or(a.m.JoinedOn.Compare(b.m.JoinedOn), cmp.Compare(a.m.Name, b.m.Name))
	})
	members := make([]analytics.Member, len(rows))
	meta := make([]memberMeta, len(rows))
	for i, r := range rows {
		r.m.ID = int64(i + 1)
		members[i], meta[i] = r.m, r.meta
	}
	return members, meta
}

func (g *gen) fixedRow(f fixedOrg) memberRow {
	m := analytics.Member{Name: f.name, Kind: f.kind, Code: f.code, OrgNumber: f.orgNumber,
		CountyCode: f.county, Population: f.population()}
	if f.joinFrac < 0 {
		m.JoinedOn = g.clampJoin(itsamJoined) // joins with its municipalities
	} else {
		m.JoinedOn = g.fracDate(f.joinFrac)
	}
	m.ContactName, m.ContactEmail = g.contact(mailDomain(f.name, f.kind))
	return memberRow{m: m, meta: memberMeta{pinned: true}}
}

// municipalityRows picks n real municipalities: first those with fixed facts
// (the Itsam group, the pilots of services), then a random choice.
func (g *gen) municipalityRows(n int) []memberRow {
	all := reference.Municipalities()
	pinned := map[string]bool{}
	for _, c := range itsamCodes {
		pinned[c] = true
	}
	for _, c := range pilotCodes() {
		pinned[c] = true
	}
	var first, rest []reference.Municipality
	for _, m := range all {
		if pinned[m.Code] {
			first = append(first, m)
		} else {
			rest = append(rest, m)
		}
	}
	g.rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	chosen := append(first, rest...)[:n]
	serial := map[string]int{}
	for i, m := range all {
		serial[m.Code] = 100 + 3*i
	}

	rows := make([]memberRow, 0, n)
	for _, ref := range chosen {
		m := analytics.Member{Name: ref.Name, Kind: analytics.KindKommun, Code: ref.Code,
			OrgNumber: municipalityOrgNumber(serial[ref.Code]), CountyCode: ref.CountyCode,
			Population: ref.Population}
		meta := memberMeta{pinned: pinned[ref.Code]}
		switch {
		case slices.Contains(itsamCodes, ref.Code):
			m.Group = itsamName
			m.JoinedOn = g.clampJoin(itsamJoined)
			if ref.Code == vimmerbyCode {
				m.JoinedOn = g.clampJoin(vimmerbyJoined)
			}
		case meta.pinned:
			// Pilots used their service early, so they were members early.
			last := max(g.startYear, min(2012, g.today.Year()-1))
			y := g.startYear + g.rng.IntN(last-g.startYear+1)
			m.JoinedOn = g.decisionDay(date(y, time.January, 1), date(y, time.December, 31))
		}
		m.ContactName, m.ContactEmail = g.contact(mailDomain(m.Name, m.Kind))
		rows = append(rows, memberRow{m: m, meta: meta})
	}
	return rows
}

// syntheticRow is a made-up organisation for demos larger than Sweden: four
// in five are associations (ovrig), the fifth a kommunalförbund.
func (g *gen) syntheticRow(ordinal int) memberRow {
	counties := reference.Counties()
	m := analytics.Member{CountyCode: counties[g.rng.IntN(len(counties))].Code}
	if ordinal%5 == 0 {
		m.Name = fmt.Sprintf("Kommunalförbund %05d", ordinal)
		m.Kind = analytics.KindKommunalforbund
		m.OrgNumber = forbundOrgNumber(ordinal)
		m.Population = g.logUniform(10_000, 400_000)
	} else {
		m.Name = fmt.Sprintf("Förening %05d", ordinal)
		m.Kind = analytics.KindOvrig
		m.OrgNumber = foreningOrgNumber(ordinal)
		m.Population = g.logUniform(1_000, 60_000)
	}
	m.ContactName, m.ContactEmail = g.contact(mailDomain(m.Name, m.Kind))
	return memberRow{m: m}
}

func (g *gen) logUniform(lo, hi float64) int {
	return int(math.Round(lo * math.Exp(g.rng.Float64()*math.Log(hi/lo))))
}

// clampJoin keeps a fixed join date inside the demo's membership span.
func (g *gen) clampJoin(d time.Time) time.Time {
	return clampDate(d, date(g.startYear, time.January, 1), g.today)
}

// fracDate is the first of the month at fraction f of the membership span.
func (g *gen) fracDate(f float64) time.Time {
	start := date(g.startYear, time.January, 1)
	d := addDays(start, int(f*float64(days(start, g.today))))
	return date(d.Year(), d.Month(), 1)
}
