package importer_test

import (
	"testing"

	"malbild/analytics/analyticstest"
	"malbild/data/importer"
)

func TestCSVWithCommasEnglishHeadersAndAByteOrderMark(t *testing.T) {
	s := analyticstest.New(t)
	csv := "\uFEFFMembers exported 2024\n" +
		"Member,Kind,Municipality code,Organisation number,Population,Member since,Left\n" +
		"\"Karlstads kommun\",municipality,1780,212000-1876,\"98 084\",2008-04-01,\n" +
		"\"Sveriges Kommuner och Regioner\",other,,222000-0315,,2013,\n" +
		"Region Dalarna,region,20,,\"286 546\",2012-04-01,2023\n"
	res := commit(t, s, importer.File{Name: "members.csv", Data: []byte(csv)})
	sh := res.Plan.Sheets[0]
	if sh.Name != "members.csv" || sh.Kind != importer.KindMembers || sh.HeaderRow != 2 || sh.New != 3 {
		t.Fatalf("sheet %+v\n%s", sh, problems(res.Plan))
	}
	for query, want := range map[string]int{
		"SELECT count(*) FROM members WHERE name = 'Karlstad' AND code = '1780' AND population = 98084":                             1,
		"SELECT count(*) FROM members WHERE kind = 'ovrig' AND joined_on = DATE '2013-01-01' AND code IS NULL":                      1,
		"SELECT count(*) FROM members WHERE kind = 'region' AND code = '20' AND county_code = '20' AND left_on = DATE '2023-12-31'": 1,
	} {
		if got := count(t, s, query); got != want {
			t.Errorf("%s: %d, want %d", query, got, want)
		}
	}
}

func TestASecondColumnForTheSameFieldIsIgnoredWithAWarning(t *testing.T) {
	s := analyticstest.New(t)
	commit(t, s, importer.File{Name: "m.csv", Data: []byte("Namn;Kommunkod;Medlem sedan\nAle;1440;2015-01-12\n")})
	commit(t, s, importer.File{Name: "t.csv", Data: []byte("Tjänst;Typ\nBibblix;tjänst\n")})
	res := commit(t, s, importer.File{Name: "a.csv", Data: []byte("Kommun;Kommunkod;Tjänst;Från\nAle kommun;1440;Bibblix;2020\n")})
	sh := res.Plan.Sheets[0]
	ps := res.Plan.Problems()
	if sh.Kind != importer.KindParticipation || sh.New != 1 || len(sh.Ignored) != 1 || sh.Ignored[0] != "Kommunkod" ||
		len(ps) != 1 || ps[0].Severity != importer.SeverityWarning || ps[0].Column != "Kommunkod" || ps[0].Row != 1 {
		t.Errorf("sheet %+v, problems %+v", sh, ps)
	}
}

func TestARowWithoutKindKeepsTheKindOfItsOrganisation(t *testing.T) {
	s := analyticstest.New(t)
	commit(t, s, importer.File{Name: "m.csv", Data: []byte("Namn;Typ;Kod;Medlem sedan\nRegion Dalarna;region;20;2012-04-01\n")})
	res := commit(t, s, importer.File{Name: "m2.csv", Data: []byte("Namn;Kod;Invånare\nRegion Dalarna;20;290 000\n")})
	if res.Plan.Counts["members"].Changed != 1 || count(t, s, "SELECT count(*) FROM members WHERE kind = 'region' AND code = '20' AND county_code = '20' AND population = 290000") != 1 {
		t.Errorf("plan %+v\n%s", res.Plan.Sheets[0].Rows, problems(res.Plan))
	}
}
