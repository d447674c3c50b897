package pages

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/hirebook/hirebook/generator/content"
)

// MinutesPerKPO is the time one KPO takes in a conversation: the opening
// question and about fifteen minutes of fact-finding.
const MinutesPerKPO = 15

// What each conversation of the loop spends besides its objectives: an
// opening (welcome, introductions, how the conversation will go), time for
// the candidate's questions, and a close (next steps). Together they make
// a conversation fill a calendar slot: 30, 45 or 60 minutes for one, two
// or three objectives.
const (
	OpeningMinutes   = 3
	QuestionsMinutes = 10
	ClosingMinutes   = 2
)

// ConversationMinutes is how long a conversation that covers n KPOs takes.
func ConversationMinutes(n int) int {
	return OpeningMinutes + n*MinutesPerKPO + QuestionsMinutes + ClosingMinutes
}

var workModes = map[string][2]string{
	"remote": {"Remote", "You work from home, anywhere in the places this role is open to. The team agrees on overlap hours, writes things down, and meets in person a few times a year."},
	"hybrid": {"Hybrid", "You work some days at the office and the rest from home. Decisions are written down, so whoever was not in the room can follow them."},
	"onsite": {"On site", "You work in person, alongside your team."},
}

var employmentLabels = map[string]string{
	"FULL_TIME": "Full-time", "PART_TIME": "Part-time", "CONTRACTOR": "Contract", "TEMPORARY": "Temporary",
	"INTERN": "Internship", "VOLUNTEER": "Volunteer", "PER_DIEM": "Per diem", "OTHER": "Other",
}

var periodLabels = map[string]string{"HOUR": "per hour", "DAY": "per day", "WEEK": "per week", "MONTH": "per month", "YEAR": "per year"}

// isClosed reports whether a role is closed at now: by status, or once its
// closing day has ended in the site's time zone.
func isClosed(r *content.Role, now time.Time, loc *time.Location) bool {
	if r.Status == "closed" {
		return true
	}
	return !r.Closes.IsZero() && now.After(r.Closes.End(loc))
}

func contact(s string) Contact {
	s = strings.TrimSpace(s)
	if s == "" {
		return Contact{}
	}
	if u, err := url.Parse(s); err == nil && !strings.ContainsAny(s, " \n") && (u.Scheme == "mailto" || u.Scheme == "https" || u.Scheme == "http") {
		text := s
		if u.Scheme == "mailto" {
			text = strings.SplitN(u.Opaque, "?", 2)[0]
		}
		return Contact{Text: text, URL: s}
	}
	return Contact{Text: s}
}

func formatMoney(v float64) string {
	s := fmt.Sprintf("%.0f", v)
	if v != float64(int64(v)) {
		s = fmt.Sprintf("%.2f", v)
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

func salaryText(s *content.Salary) string {
	if s == nil || (s.Min == 0 && s.Max == 0) {
		return ""
	}
	var out string
	switch {
	case s.Min == 0:
		out = "up to " + s.Currency + " " + formatMoney(s.Max)
	case s.Max == 0:
		out = "from " + s.Currency + " " + formatMoney(s.Min)
	case s.Max != s.Min:
		out = s.Currency + " " + formatMoney(s.Min) + "–" + formatMoney(s.Max)
	default:
		out = s.Currency + " " + formatMoney(s.Min)
	}
	if p := periodLabels[s.Period]; p != "" {
		out += " " + p
	}
	return out
}

func humanDate(d content.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

// roleView builds the candidate-safe view of a role. It copies only public
// fields; internal notes never enter it.
func (p *planner) roleView(r *content.Role) *RoleView {
	v := &RoleView{
		Slug: r.Slug, Title: r.Title, Summary: r.Summary,
		Location: r.Location, WorkMode: r.WorkMode,
		WorkModeLabel: workModes[r.WorkMode][0], WorkModeText: workModes[r.WorkMode][1],
		Goals: r.Goals, WorksWith: r.WorksWith,
		EmploymentType: r.EmploymentType, EmploymentLabel: employmentLabels[r.EmploymentType],
		Salary: salaryText(r.Salary),
		Posted: r.Posted.String(), Closes: r.Closes.String(),
		PostedText: humanDate(r.Posted), ClosesText: humanDate(r.Closes),
		Closed: isClosed(r, p.now, p.loc), Draft: r.Status == "draft",
		Apply: r.Apply, ApplyIsMail: strings.HasPrefix(r.Apply, "mailto:"),
		Traits: r.Traits, Arenas: arenaViews(r.Development),
		People: r.Development.People, Resources: r.Development.Resources, Opportunities: r.Development.Opportunities,
		ReverseOffered: r.ReverseInterview.IsOffered(), ReverseMinutes: r.ReverseInterview.Minutes,
		ReverseRequest: contact(r.ReverseInterview.Request), Feedback: r.Feedback.Promise,
		URL: p.link.url("/roles/" + r.Slug + "/"), QuestionsURL: p.link.url("/roles/" + r.Slug + "/questions/"),
		Lang: r.Language, Params: r.Params,
	}
	if v.Location == "" {
		v.Location = strings.Join(nonEmpty(r.City, r.Region, r.Country), ", ")
	}
	v.ModeInLocation = namesWorkMode(v.Location, r.WorkMode)
	v.ClosedEarly = r.Status == "closed" && !r.Closes.IsZero() && !p.now.After(r.Closes.End(p.loc))
	team := r.Team
	if team == "" {
		team = content.DefaultTeam
	}
	v.Team = Link{Title: team, URL: p.link.url("/teams/" + content.TeamSlug(team) + "/")}
	byID := map[string]KPOView{}
	for i, k := range r.KPOs {
		kv := KPOView{ID: k.ID, Title: k.Title, Outcome: k.Outcome, Timeframe: k.Timeframe, Number: i + 1, Traits: k.Traits}
		v.KPOs = append(v.KPOs, kv)
		byID[k.ID] = kv
	}
	for _, iv := range r.Interviewers {
		ivv := InterviewerView{Name: iv.Name, Title: iv.Title, Slug: iv.Slug}
		for _, c := range iv.Covers {
			if kv, ok := byID[c]; ok {
				ivv.Covers = append(ivv.Covers, kv)
			}
		}
		if len(ivv.Covers) > 0 {
			ivv.Minutes = ConversationMinutes(len(ivv.Covers))
		}
		v.Interviewers = append(v.Interviewers, ivv)
	}
	v.CardKey = cardKey(v)
	v.team = teamLinks{guide: p.guideURL(r.Slug), kits: p.kitLinks(v)}
	v.Loop = loop(v)
	for _, s := range v.Loop {
		v.LoopMinutes += s.Minutes
	}
	return v
}

// workModeWords are the words by which a location can already say how the
// work is arranged ("Remote, United States").
var workModeWords = map[string][]string{
	"remote": {"remote"},
	"hybrid": {"hybrid"},
	"onsite": {"on site", "on-site", "onsite"},
}

// namesWorkMode reports whether a location names its work mode as a whole
// word, so pages can leave out the label rather than say it twice
// ("Remote · Remote, United States").
func namesWorkMode(location, mode string) bool {
	loc := strings.ToLower(location)
	for _, w := range workModeWords[mode] {
		for i := 0; ; {
			j := strings.Index(loc[i:], w)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(w)
			if !wordByte(loc, start-1) && !wordByte(loc, end) {
				return true
			}
			i = start + 1
		}
	}
	return false
}

// wordByte reports whether s has a letter or digit at byte i.
func wordByte(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i]
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

// loop plans the interview conversations: one per interviewer with what
// they cover, in the role file's order, then one per KPO no interviewer
// covers. Each takes ConversationMinutes. The reverse interview is not
// part of it: it is optional, and pages mention it apart.
func loop(v *RoleView) []Step {
	var steps []Step
	covered := map[string]bool{}
	for _, iv := range v.Interviewers {
		if len(iv.Covers) == 0 {
			continue
		}
		var titles []string
		for _, k := range iv.Covers {
			titles = append(titles, k.Title)
			covered[k.ID] = true
		}
		who := iv.Name
		if iv.Title != "" {
			who += ", " + iv.Title
		}
		steps = append(steps, Step{Title: strings.Join(titles, "; "), Who: who, Minutes: iv.Minutes, KPOs: iv.Covers, interviewer: iv.Slug})
	}
	for _, k := range v.KPOs {
		if !covered[k.ID] {
			steps = append(steps, Step{Title: k.Title, Who: "A member of the hiring team", Minutes: ConversationMinutes(1), KPOs: []KPOView{k}})
		}
	}
	at := 0
	for i := range steps {
		steps[i].Start = at
		at += steps[i].Minutes
	}
	return steps
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
