package dashboard_test

import (
	"context"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/approval"
)

// approveWithChanges approves the demo's 2022 report as of 31 December and
// then corrects the data (a member that joined in June 2022), so that the
// overview and the goals page of 2022 show the banner, the approved figures
// beside today's and the changes since approval.
func approveWithChanges(t *testing.T, s *analytics.Store) {
	t.Helper()
	r := analytics.ApprovalRequest{Year: 2022, AsOf: mustDate("2022-12-31"), Meeting: "Årsmöte 2023-04-20 § 7", MeetingOn: mustDate("2023-04-20"), By: "editor"}
	if _, err := approval.Approve(context.Background(), s, r, "sv"); err != nil {
		t.Fatal(err)
	}
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, code, county_code, population, joined_on)
		VALUES ('Rättelseby', 'kommun', '9998', '01', 12345, DATE '2022-06-01')`)
}
