package content

import "fmt"

// The built-in defaults, applied after loading.
const (
	DefaultLanguage       = "en"
	DefaultTimezone       = "UTC"
	DefaultTheme          = "default"
	DefaultTeam           = "Other roles" // the team of a role that names none
	DefaultProtect        = ProtectPassphrase
	DefaultStatus         = "open"
	DefaultWorkMode       = "onsite"
	DefaultEmploymentType = "FULL_TIME"
	DefaultReverseMinutes = 45
)

// AllTraits are the remote-work traits, in the order pages show them.
var AllTraits = []string{"reliable", "independent", "collaborative"}

func (c *Config) fill() {
	if c.Language == "" {
		c.Language = DefaultLanguage
	}
	if c.Timezone == "" {
		c.Timezone = DefaultTimezone
	}
	if c.Theme == "" {
		c.Theme = DefaultTheme
	}
	if c.Guides.Protect == "" {
		c.Guides.Protect = DefaultProtect
	}
}

func (r *Role) fill(c *Config) {
	if r.Language == "" {
		r.Language = c.Language
	}
	if r.Status == "" {
		r.Status = DefaultStatus
	}
	if r.WorkMode == "" {
		r.WorkMode = DefaultWorkMode
	}
	if r.EmploymentType == "" {
		r.EmploymentType = DefaultEmploymentType
	}
	if r.Traits == nil && (r.WorkMode == "remote" || r.WorkMode == "hybrid") {
		r.Traits = append([]string(nil), AllTraits...)
	}
	if r.ReverseInterview.Minutes == 0 {
		r.ReverseInterview.Minutes = DefaultReverseMinutes
	}
	for i := range r.KPOs {
		if r.KPOs[i].ID == "" {
			r.KPOs[i].ID = Slugify(r.KPOs[i].Title)
			if r.KPOs[i].ID == "" {
				r.KPOs[i].ID = fmt.Sprintf("kpo-%d", i+1)
			}
		}
	}
}

// IsRemoteish reports whether the role is remote or hybrid, where the
// remote-work traits decide success.
func (r *Role) IsRemoteish() bool { return r.WorkMode == "remote" || r.WorkMode == "hybrid" }
