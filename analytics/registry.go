package analytics

import "time"

// Member kinds (DESIGN "The data").
const (
	KindKommun          = "kommun"
	KindRegion          = "region"
	KindKommunalforbund = "kommunalforbund"
	KindOvrig           = "ovrig"
)

// Service kinds: a shared service (samverkanstjänst) or a competence network.
const (
	KindService = "service"
	KindNetwork = "network"
)

// Dates of the registry are time.Time values at midnight UTC (see DateOf);
// the zero time stands for an open end (NULL).

// Member is one membership period of an organisation.
type Member struct {
	ID           int64
	Name         string
	Kind         string
	Code         string // kommunkod for a kommun, county code for a region
	OrgNumber    string
	CountyCode   string
	Population   int // 0: unknown
	Group        string
	JoinedOn     time.Time
	LeftOn       time.Time // zero: still a member
	ContactName  string
	ContactEmail string
}

// Service is a shared service or a competence network.
type Service struct {
	ID        int64
	Name      string
	Kind      string
	Area      string
	StartedOn time.Time
	EndedOn   time.Time
}

// Participation is a member taking part in a service from FromOn to ToOn.
type Participation struct {
	ID        int64
	MemberID  int64
	ServiceID int64
	FromOn    time.Time
	ToOn      time.Time
}

// Event is a conference or meeting the association hosted or took part in.
type Event struct {
	ID     int64
	Name   string
	HeldOn time.Time
	Format string // digital, physical, hybrid
	Role   string // host, participant
}

// Attendance is how many people of a member came to an event.
type Attendance struct {
	EventID   int64
	MemberID  int64
	Attendees int
}

// Goal is one goal of a year's business plan.
type Goal struct {
	ID          int64
	Year        int
	Number      int
	Key         string
	Area        string
	Text        string
	Metric      string // a metric key or "manual"
	Params      string // "n=20", "kind=kommun"
	Comparator  string
	Target      *float64
	UpperTarget *float64
	DueOn       time.Time // zero: 31 December of Year
	// Status, StatusSetOn and Comment are the board's latest input (the
	// newest entry of goal_statuses when read from the store; Load writes
	// them as the first entry, StatusSetOn zero meaning undated). A goal
	// evaluated on a day uses its input as of that day: GoalStatusHistory.
	Status        string // manual goals: the board's status
	StatusSetOn   time.Time
	Comment       string
	RemovedReason string
}

// Due is the goal's due date: DueOn, or 31 December of its year.
func (g Goal) Due() time.Time {
	if g.DueOn.IsZero() {
		return time.Date(g.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	}
	return g.DueOn
}

// FeeBand is one row of a year's fee schedule: a population band [From, To)
// for municipalities (To 0: no upper bound), or the row for other organisations.
type FeeBand struct {
	Year           int
	Category       string // kommun or ovrig
	PopulationFrom int
	PopulationTo   int
	Contribution   float64
	AnnualFee      float64
}

// Dataset is a whole registry, as the demo generator produces it. IDs are the
// caller's own (1-based, unique per table); Load replaces them with the
// database's and keeps the references between rows.
type Dataset struct {
	Members        []Member
	Services       []Service
	Participations []Participation
	Events         []Event
	Attendance     []Attendance
	Goals          []Goal
	FeeBands       []FeeBand
	// The benefit register (DESIGN "Benefits"): ServiceID, BenefitID and
	// MemberID refer to the dataset's own ids (0: none).
	Benefits            []BenefitEntry
	BenefitMeasurements []BenefitMeasurementEntry
	// The budget (DESIGN "Budget follow-up"); ids are not used.
	BudgetLines     []BudgetLineRow
	BudgetFollowups []BudgetFollowupRow
}
