package check

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/hirebook/hirebook/generator/content"
)

// Rule is a lint rule: content that is valid but could be better. Each
// finding is a warning; a role silences a rule with lint: {ignore: [id]}.
type Rule struct {
	ID   string
	Doc  string // what the rule teaches
	role func(r *content.Role, warn warnFunc)
}

type warnFunc func(key, format string, args ...any)

// Rules lists every lint rule, in the order they are checked.
var Rules = []Rule{
	{"kpo-skill-list", "A KPO states an outcome, not a skill, years of experience, a degree or a personality trait.", lintSkills},
	{"missing-outcome", "A KPO says what success looks like.", lintOutcome},
	{"missing-timeframe", "A KPO says by when.", lintTimeframe},
	{"too-many-kpos", "About 15 minutes per KPO: more than six do not fit an interview loop.", lintTooMany},
	{"missing-traits", "A remote or hybrid role probes the remote-work traits.", lintNoTraits},
	{"trait-not-named", "Each trait the role lists is tied to a KPO, so it is probed through a real accomplishment.", lintTraitNamed},
	{"kpo-not-covered", "When interviewers list what they cover, every KPO has someone, and every interviewer covers something.", lintCovered},
	{"arena-unbacked", "A growth arena promised has people, resources or opportunities behind it.", lintArenas},
	{"missing-closes", "An open role has a closing date (Google for Jobs wants validThrough).", lintCloses},
	{"closes-before-posted", "A role closes after it is posted.", lintDates},
	{"missing-feedback", "Candidates who do not move forward are promised feedback.", lintFeedback},
	{"reverse-without-interviewer", "A reverse interview offered needs interviewers the candidate can ask for.", lintReverse},
	{"file-name", "A role's file name is its page's address: lower-case words joined by hyphens.", lintFileName},
	{"job-location", "Google for Jobs needs to know where a job is: the country of an on-site or hybrid role, the countries a remote role hires from.", lintJobLocation},
}

// Lint runs every rule on every role and returns the warnings.
func Lint(site *content.Site) content.Diagnostics {
	var ds content.Diagnostics
	for _, r := range site.Roles {
		ds = append(ds, lintRole(r)...)
	}
	ds.Sort()
	return ds
}

var knownRules = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range Rules {
		m[r.ID] = true
	}
	return m
}()

func lintRole(r *content.Role) content.Diagnostics {
	var ds content.Diagnostics
	ignore := map[string]bool{}
	for i, id := range r.Lint.Ignore {
		ignore[id] = true
		if !knownRules[id] {
			k := fmt.Sprintf("lint.ignore[%d]", i)
			ds.Add(at(r.File, r.Keys, k), k, "unknown-rule", "no lint rule is called %q%s", id, hint(id, knownRules))
		}
	}
	for _, rule := range Rules {
		if ignore[rule.ID] {
			continue
		}
		rule.role(r, func(key, format string, args ...any) {
			p := at(r.File, r.Keys, key)
			if p.File != r.File {
				// The value comes from site.yaml's defaults: the warning is
				// about this role, so it names the role's file.
				format += " (this role takes %s from the defaults at %s)"
				args = append(args, key, p)
				p = content.Pos{File: r.File, Line: 1, Col: 1}
			}
			ds.Warn(p, key, rule.ID, format, args...)
		})
	}
	return ds
}

// skillPatterns catch KPOs written as requirements rather than outcomes.
var skillPatterns = []struct {
	re   *regexp.Regexp
	what string
}{
	{regexp.MustCompile(`(?i)\b\d+\s*\+\s*(years?|yrs)\b|\b(years?|yrs)\.?\s+(of\s+)?(\w+\s+){0,3}(experience|exp)\b|\bexperience (in|with)\b|\bexperienced\b`), "years of experience"},
	{regexp.MustCompile(`\b\d+\s*(years?|yrs)\s+(of\s+)?[A-Z]`), "years of experience"},
	{regexp.MustCompile(`(?i)\b(bachelor'?s?|master'?s?|mba|ph\.?d|degree|diploma|certifi(ed|cation))\b`), "a degree or certificate"},
	{regexp.MustCompile(`(?i)\b(excellent|strong|good|great|solid)\b.{0,40}\bskills?\b|\bskills? in\b|\bproficien(t|cy)\b|\bknowledge of\b|\bfamiliar(ity)? with\b|\bfluent in\b|\bexpertise in\b`), "a skill"},
	{regexp.MustCompile(`(?i)\b(team player|self[- ]starter|detail[- ]oriented|passionate|motivated|go-getter|rock ?star|ninja|proactive|personable|ability to)\b`), "a personality trait"},
}

// skillHints are words one of skillPatterns needs; a title with none of
// them is not matched against the patterns at all, which keeps lint cheap.
var skillHints = []string{"year", "yrs", "experience", "bachelor", "master", "mba", "ph", "degree", "diploma", "certifi",
	"skill", "proficien", "knowledge", "familiar", "fluent", "expertise", "team player", "self", "detail", "passion",
	"motivated", "go-getter", "rock", "ninja", "proactive", "personable", "ability"}

func mayListSkills(title string) bool {
	t := strings.ToLower(title)
	for _, h := range skillHints {
		if strings.Contains(t, h) {
			return true
		}
	}
	return false
}

func lintSkills(r *content.Role, warn warnFunc) {
	for i, k := range r.KPOs {
		if !mayListSkills(k.Title) {
			continue
		}
		for _, p := range skillPatterns {
			if p.re.MatchString(k.Title) {
				warn(fmt.Sprintf("kpos[%d].title", i), "%q reads as %s, not an outcome; say what the person will accomplish, with scope and a time frame (e.g. \"Cut the monthly close from 8 days to 5 within two quarters\")", k.Title, p.what)
				break
			}
		}
	}
}

func lintOutcome(r *content.Role, warn warnFunc) {
	for i, k := range r.KPOs {
		if strings.TrimSpace(k.Outcome) == "" {
			warn(fmt.Sprintf("kpos[%d]", i), "KPO %q has no outcome: add `outcome:` saying what success looks like, so candidates and interviewers judge it the same way", k.ID)
		}
	}
}

func lintTimeframe(r *content.Role, warn warnFunc) {
	for i, k := range r.KPOs {
		if strings.TrimSpace(k.Timeframe) == "" {
			warn(fmt.Sprintf("kpos[%d]", i), "KPO %q has no time frame: add `timeframe:` (e.g. \"first 90 days\") so the scale of the work is clear", k.ID)
		}
	}
}

func lintTooMany(r *content.Role, warn warnFunc) {
	if len(r.KPOs) > 6 {
		warn("kpos", "%d KPOs is more than an interview loop can assess at about 15 minutes each; keep the four to six that matter most", len(r.KPOs))
	}
}

func lintNoTraits(r *content.Role, warn warnFunc) {
	if r.IsRemoteish() && len(r.Traits) == 0 {
		warn("traits", "a %s role has no remote-work traits to probe; list reliable, independent and collaborative (or remove `traits: []`)", r.WorkMode)
	}
}

func lintTraitNamed(r *content.Role, warn warnFunc) {
	named := map[string]bool{}
	for _, k := range r.KPOs {
		for _, t := range k.Traits {
			named[t] = true
		}
	}
	for i, t := range r.Traits {
		if !named[t] && traits[t] {
			warn(fmt.Sprintf("traits[%d]", i), "no KPO names the trait %q; add it to the `traits` of the KPO where it matters most, so it is probed through a real accomplishment", t)
		}
	}
}

func lintCovered(r *content.Role, warn warnFunc) {
	covered, any := map[string]bool{}, false
	for i, iv := range r.Interviewers {
		for _, c := range iv.Covers {
			covered[c], any = true, true
		}
		if len(iv.Covers) == 0 {
			warn(fmt.Sprintf("interviewers[%d]", i), "%s covers no KPO, so gets no kit and is not in the interview loop; add the ids of the KPOs they ask about to `covers`", iv.Name)
		}
	}
	if !any {
		return
	}
	for i, k := range r.KPOs {
		if !covered[k.ID] {
			warn(fmt.Sprintf("kpos[%d]", i), "no interviewer covers KPO %q; add its id to someone's `covers`", k.ID)
		}
	}
}

func lintArenas(r *content.Role, warn warnFunc) {
	d := r.Development
	if len(d.Arenas()) > 0 && len(d.People)+len(d.Resources)+len(d.Opportunities) == 0 {
		warn("development", "growth is promised with no people, resources or opportunities behind it; name at least one, and only what the company really has")
	}
}

func lintCloses(r *content.Role, warn warnFunc) {
	if r.Status == "open" && r.Closes.IsZero() {
		warn("closes", "an open role has no `closes` date; add one so Google for Jobs gets validThrough and the role closes by itself")
	}
}

func lintDates(r *content.Role, warn warnFunc) {
	if !r.Closes.IsZero() && !r.Posted.IsZero() && r.Closes.Before(r.Posted) {
		warn("closes", "the role closes (%s) before it is posted (%s)", r.Closes, r.Posted)
	}
}

func lintFeedback(r *content.Role, warn warnFunc) {
	if strings.TrimSpace(r.Feedback.Promise) == "" {
		warn("feedback", "no feedback promise: add `feedback: {promise: ...}` (here or in defaults) saying what candidates who do not move forward will hear, and when")
	}
}

func lintReverse(r *content.Role, warn warnFunc) {
	if r.ReverseInterview.IsOffered() && len(r.Interviewers) == 0 {
		warn("reverse_interview", "a reverse interview is offered but no interviewers are listed for the candidate to ask for; add `interviewers` or set `reverse_interview: {offered: false}`")
	}
}

func lintFileName(r *content.Role, warn warnFunc) {
	want := content.Slugify(r.Slug)
	if r.Slug == want {
		return
	}
	msg := "the file name %q becomes this role's address, /roles/%s/, which reads badly in a job posting's link"
	args := []any{r.Slug + ".md", url.PathEscape(r.Slug)}
	if want != "" {
		msg += "; rename the file to %s.md"
		args = append(args, want)
	} else {
		msg += "; name it with lower-case words joined by hyphens"
	}
	warn("", msg, args...)
}

func lintJobLocation(r *content.Role, warn warnFunc) {
	if r.Status == "closed" {
		return // a closed role has no job posting
	}
	switch {
	case r.WorkMode == "remote" && r.Country == "" && len(r.ApplicantCountries) == 0:
		warn("applicant_countries", "a remote role names no countries it hires from, so Google for Jobs will not list it; add `applicant_countries: [US, CA]` (ISO 3166-1 codes)")
	case r.WorkMode != "remote" && r.Country == "":
		warn("country", "the role names no country, so its job posting has no location and Google for Jobs will not list it; add `country` (an ISO 3166-1 code such as US), and `city` where it helps")
	}
}
