package dashboard

import (
	"cmp"
	"fmt"
	"sort"
	"sync"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

type servicesPage struct {
	Services     []analytics.ServiceParticipants // those shown (see shownServices)
	Shown        shownServices
	ShareChart   chartBlock
	NetworkChart chartBlock
	Adoption     chartBlock
	AdoptionDays []string
	AdoptionRows []adoptionRow
	Distribution []analytics.ServiceCount
	DistChart    chartBlock
	Matrix       matrixView
}

type adoptionRow struct {
	Name   string
	Counts []int
}

// servicesPage shows participation in every service and network on a day:
// shares against 75 %, networks against 20 municipalities, adoption over
// time, services per member and the member × service matrix.
func (s *Server) services(c *fiber.Ctx) error {
	asOf, err := s.asOf(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	var data servicesPage
	// The distribution and the matrix's page are independent of the
	// services' participation and made beside it; the adoption curves need
	// the largest services, so they follow it.
	county, askMatrix := s.matrixPage(c, asOf)
	var matrix analytics.MatrixPage
	var matrixErr, distributionErr error
	var wg sync.WaitGroup
	wg.Go(func() { matrix, matrixErr = askMatrix() })
	wg.Go(func() { data.Distribution, distributionErr = s.store.ServicesPerMemberDistribution(ctx, asOf) })
	all, err := s.store.ServiceParticipation(ctx, asOf)
	var largest []analytics.ServiceParticipants
	var adoption []analytics.AdoptionPoint
	if err == nil {
		largest = largestTen(all)
		ids := make([]int64, len(largest))
		for i, sv := range largest {
			ids[i] = sv.ServiceID
		}
		adoption, err = s.store.ServiceAdoption(ctx, asOf, ids...)
	}
	wg.Wait()
	if err = cmp.Or(err, matrixErr, distributionErr); err != nil {
		return err
	}
	data.Services, data.Shown = largestServices(c, all)
	data.Matrix = newMatrixView(c, county, matrix, data.Services)
	l := lang(c)
	data.ShareChart, data.NetworkChart = participationCharts(l, data.Services)
	data.ShareChart, data.NetworkChart = data.ShareChart.withLinks(chartLinks(c)), data.NetworkChart.withLinks(chartLinks(c))
	data.Adoption, data.AdoptionDays, data.AdoptionRows = adoptionChart(l, largest, adoption)
	counts := make([]string, len(data.Distribution))
	members := make([]int, len(data.Distribution))
	for i, d := range data.Distribution {
		counts[i], members[i] = fmt.Sprint(d.Services), d.Members
	}
	data.DistChart = barChart(counts, []series{{Name: locale.Text(l, "services.members"), Values: floats(members)}}, nil, 0, false, nil)
	return s.render(c, "services", locale.Text(l, "services.title"), data)
}

// participationCharts are the services' shares of all members against 75 %
// and the networks' municipalities against 20; a bar opens its service.
func participationCharts(l string, all []analytics.ServiceParticipants) (services, networks chartBlock) {
	var sNames, sLinks, nNames, nLinks []string
	var shares []*float64
	var municipalities []int
	for _, sv := range all {
		link := fmt.Sprintf("/services/%d", sv.ServiceID)
		if sv.Kind == analytics.KindService {
			sNames, sLinks, shares = append(sNames, sv.Name), append(sLinks, link), append(shares, percentIf(true, sv.Share))
		} else {
			nNames, nLinks, municipalities = append(nNames, sv.Name), append(nLinks, link), append(municipalities, sv.Municipalities)
		}
	}
	services = barChart(sNames, []series{{Name: locale.Text(l, "services.share"), Values: shares}},
		[]refLine{{Label: "75 %", Value: 75}}, 100, true, sLinks)
	networks = barChart(nNames, []series{{Name: locale.Text(l, "services.municipalities"), Values: floats(municipalities)}},
		[]refLine{{Label: "20", Value: 20}}, 0, true, nLinks)
	return services, networks
}

// largestTen are the ten services and networks with the most participants,
// largest first: the adoption chart's lines.
func largestTen(all []analytics.ServiceParticipants) []analytics.ServiceParticipants {
	largest := append([]analytics.ServiceParticipants(nil), all...)
	sort.SliceStable(largest, func(i, j int) bool { return largest[i].Participants > largest[j].Participants })
	if len(largest) > 10 {
		largest = largest[:10]
	}
	return largest
}

// adoptionChart draws the participants of the largest services and
// networks at each year end; the table holds the same numbers.
func adoptionChart(l string, largest []analytics.ServiceParticipants, points []analytics.AdoptionPoint) (chartBlock, []string, []adoptionRow) {
	byService := map[int64][]int{}
	var days []string
	for _, p := range points {
		byService[p.ServiceID] = append(byService[p.ServiceID], p.Participants)
		if p.ServiceID == points[0].ServiceID {
			days = append(days, p.Date.Format("2006-01-02"))
		}
	}
	var ss []series
	var rows []adoptionRow
	for _, sv := range largest {
		ss = append(ss, series{Name: sv.Name, Values: floats(byService[sv.ServiceID])})
		rows = append(rows, adoptionRow{Name: sv.Name, Counts: byService[sv.ServiceID]})
	}
	return lineChart(days, ss, nil, 0), days, rows
}
