package content

import (
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Site is everything read from a content folder.
type Site struct {
	Config  Config
	Roles   []*Role        // sorted by slug
	Company []*CompanyPage // sorted by slug
}

// Config is site.yaml.
type Config struct {
	Title            string         `yaml:"title"`
	Company          Company        `yaml:"company"`
	BaseURL          string         `yaml:"base_url"`
	Language         string         `yaml:"language"`
	Timezone         string         `yaml:"timezone"`
	Theme            string         `yaml:"theme"`
	Markdown         MarkdownConfig `yaml:"markdown"`
	EqualOpportunity string         `yaml:"equal_opportunity"`
	Accommodations   string         `yaml:"accommodations"`
	Guides           GuidesConfig   `yaml:"guides"`
	CNAME            string         `yaml:"cname"`
	Defaults         *yaml.Node     `yaml:"defaults"`
	Params           map[string]any `yaml:"params"`

	File string `yaml:"-"`
	Keys Keys   `yaml:"-"`
}

// Company is the hiring organization.
type Company struct {
	Name string `yaml:"name"`
	URL  string `yaml:"url"`
	Logo string `yaml:"logo"`
}

// MarkdownConfig holds the site's Markdown options.
type MarkdownConfig struct {
	UnsafeHTML bool `yaml:"unsafe_html"`
}

// GuidesConfig says how interviewer guides are published.
type GuidesConfig struct {
	Protect string `yaml:"protect"` // passphrase | omit | none
}

// The ways guides can be published.
const (
	ProtectPassphrase = "passphrase"
	ProtectOmit       = "omit"
	ProtectNone       = "none"
)

// Role is one open (or closed, or draft) role: a file in roles/.
type Role struct {
	Title              string           `yaml:"title"`
	Summary            string           `yaml:"summary"`
	Team               string           `yaml:"team"`
	Location           string           `yaml:"location"`
	Country            string           `yaml:"country"`
	Region             string           `yaml:"region"`
	City               string           `yaml:"city"`
	ApplicantCountries []string         `yaml:"applicant_countries"`
	WorkMode           string           `yaml:"work_mode"`
	EmploymentType     string           `yaml:"employment_type"`
	Salary             *Salary          `yaml:"salary"`
	Posted             Date             `yaml:"posted"`
	Closes             Date             `yaml:"closes"`
	Status             string           `yaml:"status"`
	Apply              string           `yaml:"apply"`
	Aliases            []string         `yaml:"aliases"`
	KPOs               []KPO            `yaml:"kpos"`
	Traits             []string         `yaml:"traits"`
	Goals              string           `yaml:"goals"`
	WorksWith          []string         `yaml:"works_with"`
	Development        Development      `yaml:"development"`
	Interviewers       []Interviewer    `yaml:"interviewers"`
	ReverseInterview   ReverseInterview `yaml:"reverse_interview"`
	Feedback           Feedback         `yaml:"feedback"`
	Internal           map[string]any   `yaml:"internal"`
	Params             map[string]any   `yaml:"params"`
	Language           string           `yaml:"language"`
	Lint               Lint             `yaml:"lint"`

	Slug     string `yaml:"-"` // the file name without .md
	File     string `yaml:"-"` // path as shown in diagnostics
	Body     []byte `yaml:"-"` // Markdown
	BodyLine int    `yaml:"-"`
	Keys     Keys   `yaml:"-"`
}

// KPO is a key performance objective: an outcome with scope and a time frame.
type KPO struct {
	ID        string   `yaml:"id"`
	Title     string   `yaml:"title"`
	Outcome   string   `yaml:"outcome"`
	Timeframe string   `yaml:"timeframe"`
	Traits    []string `yaml:"traits"`
	Probes    []string `yaml:"probes"`
}

// Salary is the pay range.
type Salary struct {
	Min      float64 `yaml:"min"`
	Max      float64 `yaml:"max"`
	Currency string  `yaml:"currency"`
	Period   string  `yaml:"period"` // HOUR, DAY, WEEK, MONTH, YEAR
}

// Development is what the company invests in the person's growth.
type Development struct {
	Technical     string   `yaml:"technical"`
	Teamwork      string   `yaml:"teamwork"`
	Leadership    string   `yaml:"leadership"`
	Personal      string   `yaml:"personal"`
	People        []string `yaml:"people"`
	Resources     []string `yaml:"resources"`
	Opportunities []string `yaml:"opportunities"`
}

// Arena is one growth arena with the company's offer in it.
type Arena struct {
	ID    string // technical, teamwork, leadership, personal
	Offer string
}

// Arenas lists the arenas the role fills in, in the standard order.
func (d Development) Arenas() []Arena {
	var out []Arena
	for _, a := range []Arena{{"technical", d.Technical}, {"teamwork", d.Teamwork}, {"leadership", d.Leadership}, {"personal", d.Personal}} {
		if strings.TrimSpace(a.Offer) != "" {
			out = append(out, a)
		}
	}
	return out
}

// Interviewer is a person on the interview loop.
type Interviewer struct {
	Name   string   `yaml:"name"`
	Title  string   `yaml:"title"`
	Covers []string `yaml:"covers"`
	Slug   string   `yaml:"-"`
}

// ReverseInterview is the offer of a conversation on the candidate's agenda.
type ReverseInterview struct {
	Offered *bool  `yaml:"offered"`
	Minutes int    `yaml:"minutes"`
	Request string `yaml:"request"`
}

// IsOffered reports whether the reverse interview is offered (the default).
func (r ReverseInterview) IsOffered() bool { return r.Offered == nil || *r.Offered }

// Feedback is the promise made to candidates who do not move forward.
type Feedback struct {
	Promise string `yaml:"promise"`
}

// Lint holds a role's lint settings.
type Lint struct {
	Ignore []string `yaml:"ignore"`
}

// CompanyPage is a file in company/.
type CompanyPage struct {
	Title    string         `yaml:"title"`
	Summary  string         `yaml:"summary"`
	Defaults *yaml.Node     `yaml:"defaults"`
	Params   map[string]any `yaml:"params"`

	Slug     string `yaml:"-"`
	File     string `yaml:"-"`
	Body     []byte `yaml:"-"`
	BodyLine int    `yaml:"-"`
	Keys     Keys   `yaml:"-"`
}

// Date is a calendar date, read from an ISO 8601 date (2026-11-01) or
// date-time; zero when unset.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

func (d *Date) decodeScalar(s string) error {
	s = strings.TrimSpace(s)
	layouts := []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			if t.Year() < 1900 {
				// Year 0 would also read as no date at all.
				return fmt.Errorf("%q is before 1900: not a date a role has", s)
			}
			*d = Date{t.Year(), t.Month(), t.Day()}
			return nil
		}
	}
	return fmt.Errorf("%q is not a real date in the form YYYY-MM-DD", s)
}

// ParseDate reads a YYYY-MM-DD date.
func ParseDate(s string) (Date, error) {
	var d Date
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return d, fmt.Errorf("%q is not a real date in the form YYYY-MM-DD", s)
	}
	err := d.decodeScalar(s)
	return d, err
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats the date as YYYY-MM-DD.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Start is midnight at the start of the day in loc.
func (d Date) Start(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// End is the last instant of the day in loc.
func (d Date) End(loc *time.Location) time.Time {
	return d.Start(loc).AddDate(0, 0, 1).Add(-time.Second)
}

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool {
	return d.Start(time.UTC).Before(e.Start(time.UTC))
}
