package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"
	"text/tabwriter"
	"time"

	"malbild/analytics"
	"malbild/data/approval"
)

func runApprove(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("approve", "approve the annual meeting report of a plan year: store the workbook and a frozen snapshot of its figures as the year's next version (DESIGN \"The approved report\")",
		`malbild approve --year 2023 --asof 2023-12-31 --meeting "Årsmöte 2024-04-20 § 7" --meeting-date 2024-04-20 --by kansliet`, stderr)
	yearFlag := fs.String("year", "", "the business plan's year (required)")
	asOfFlag := fs.String("asof", "", "the day the numbers are taken on, YYYY-MM-DD (required)")
	meeting := fs.String("meeting", "", `the meeting that approved it, one line of at most 200 characters (required), e.g. "Årsmöte 2024-04-20 § 7"`)
	meetingDate := fs.String("meeting-date", "", "the meeting's day, YYYY-MM-DD (optional)")
	by := fs.String("by", osUser(), "who approves, as the audit log and the pages name them (default: the operating system's user name)")
	language := fs.String("lang", "sv", "the workbook's language: sv or en")
	asJSON := fs.Bool("json", false, "print the approval as JSON, as GET /api/approvals lists it")
	if err := noPositional(fs, args, stderr); err != nil {
		return err
	}
	year, err := analytics.ParseYear(*yearFlag)
	if err != nil {
		return err
	}
	asOf, err := analytics.ParseDate(*asOfFlag)
	if err != nil {
		return err
	}
	meetingOn, err := analytics.ParseDate(*meetingDate)
	if err != nil {
		return err
	}
	if year == 0 || asOf.IsZero() || *meeting == "" {
		fmt.Fprintln(stderr, "malbild approve: give --year, --asof and --meeting (see --help)")
		return errUsage
	}
	if *language != "sv" && *language != "en" {
		return analytics.Errorf(analytics.EInvalid, "--lang %q: write sv or en", *language)
	}
	store, err := analytics.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	a, err := approval.Approve(ctx, store, analytics.ApprovalRequest{Year: year, AsOf: asOf, Meeting: *meeting, MeetingOn: meetingOn, By: *by}, *language)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(stdout, a)
	}
	fmt.Fprintf(stdout, "approved the report of %d as of %s: version %d, %s, by %s\nworkbook sha256 %s\n",
		a.Year, a.AsOf.Format(time.DateOnly), a.Version, a.Meeting, a.ApprovedBy, a.SHA256)
	return nil
}

func runApprovals(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("approvals", "list the approved reports, every version, withdrawn ones too",
		"malbild approvals --json", stderr)
	asJSON := fs.Bool("json", false, "print JSON, the same as GET /api/approvals")
	if err := noPositional(fs, args, stderr); err != nil {
		return err
	}
	store, err := analytics.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	list, err := store.Approvals(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(stdout, map[string]any{"approvals": list})
	}
	if len(list) == 0 {
		fmt.Fprintln(stdout, "no approved reports")
		return nil
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "year\tversion\tas of\tmeeting\tapproved by\tapproved at\tsha256\twithdrawn\n")
	for _, a := range list {
		withdrawn := ""
		if a.Withdrawn() {
			withdrawn = fmt.Sprintf("%s by %s: %s", a.WithdrawnAt.Format(time.DateOnly), a.WithdrawnBy, a.WithdrawnReason)
		}
		fmt.Fprintf(w, "%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", a.Year, a.Version, a.AsOf.Format(time.DateOnly), a.Meeting,
			a.ApprovedBy, a.ApprovedAt.Format(time.RFC3339), a.SHA256, withdrawn)
	}
	return w.Flush()
}

// osUser is the operating system's user name, the CLI's default approver.
func osUser() string {
	if u, err := user.Current(); err == nil && strings.TrimSpace(u.Username) != "" {
		return u.Username
	}
	if name := os.Getenv("USER"); name != "" {
		return name
	}
	return "cli"
}
