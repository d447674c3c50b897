package check

import (
	"fmt"
	"strings"

	"github.com/hirebook/hirebook/generator/content"
)

// MaxAmount is the largest salary amount a role may state: more than any
// pay in any currency, and small enough to print exactly.
const MaxAmount = 1e12

// MaxReverseMinutes is the longest reverse interview a role may offer.
const MaxReverseMinutes = 240

// role checks one role's values and the references between its keys.
func role(r *content.Role, ds *content.Diagnostics) {
	pos := func(k string) content.Pos { return at(r.File, r.Keys, k) }
	oneOf := func(key, v string, allowed map[string]bool, what string) {
		if v != "" && !allowed[v] {
			ds.Add(pos(key), key, "value", "%q is not %s%s", v, what, hint(v, allowed))
		}
	}
	if strings.TrimSpace(r.Title) == "" {
		ds.Add(pos("title"), "title", "required", "a role needs a title")
	}
	if len(r.KPOs) == 0 {
		ds.Add(pos("kpos"), "kpos", "required", "a role needs at least one key performance objective (what the person will accomplish)")
	}
	oneOf("work_mode", r.WorkMode, workModes, "a work mode (onsite, hybrid or remote)")
	oneOf("status", r.Status, statuses, "a status (open, closed or draft)")
	oneOf("employment_type", r.EmploymentType, employmentTypes, "a schema.org employment type such as FULL_TIME")
	if r.Country != "" && !countries[r.Country] {
		ds.Add(pos("country"), "country", "value", "%q is not an ISO 3166-1 alpha-2 country code such as US or DE", r.Country)
	}
	for i, c := range r.ApplicantCountries {
		if !countries[c] {
			k := fmt.Sprintf("applicant_countries[%d]", i)
			ds.Add(pos(k), k, "value", "%q is not an ISO 3166-1 alpha-2 country code", c)
		}
	}
	// A role that names no language takes the site's, which is checked
	// (once) in site.yaml.
	if _, own := r.Keys["language"]; own && r.Language != "" && !langTag.MatchString(r.Language) {
		ds.Add(pos("language"), "language", "language", "%q is not a BCP 47 language tag such as en or en-GB", r.Language)
	}
	if s := r.Salary; s != nil {
		if s.Currency == "" || !currencies[s.Currency] {
			ds.Add(pos("salary.currency"), "salary.currency", "value", "%q is not an ISO 4217 currency code such as USD or EUR", s.Currency)
		}
		oneOf("salary.period", s.Period, periods, "a pay period (HOUR, DAY, WEEK, MONTH or YEAR)")
		if s.Period == "" && (s.Min != 0 || s.Max != 0) {
			ds.Add(pos("salary"), "salary.period", "required", "a salary needs its period (HOUR, DAY, WEEK, MONTH or YEAR): without it neither candidates nor Google for Jobs can read the amount")
		}
		for _, a := range []struct {
			key string
			v   float64
		}{{"salary.min", s.Min}, {"salary.max", s.Max}} {
			switch {
			case a.v < 0:
				ds.Add(pos(a.key), a.key, "value", "salary amounts cannot be negative")
			case a.v > MaxAmount:
				ds.Add(pos(a.key), a.key, "value", "%g is more than any salary (at most %s in any currency and period); check the number of zeros", a.v, "1,000,000,000,000")
			}
		}
		if s.Max > 0 && s.Min > s.Max { // a negative maximum is reported above
			ds.Add(pos("salary.min"), "salary.min", "salary-range", "the minimum (%g) is above the maximum (%g)", s.Min, s.Max)
		}
	}
	if r.Apply != "" && !isApplyURL(r.Apply) {
		ds.Add(pos("apply"), "apply", "url", "%q must be an https:// or http:// URL or a mailto: address", r.Apply)
	}
	if q := r.ReverseInterview.Request; q != "" && looksLikeURL(q) && !isApplyURL(q) {
		ds.Add(pos("reverse_interview.request"), "reverse_interview.request", "url", "a link here must be an http(s) URL or mailto:")
	}
	if m := r.ReverseInterview.Minutes; m < 0 {
		ds.Add(pos("reverse_interview.minutes"), "reverse_interview.minutes", "value", "minutes cannot be negative")
	} else if m > MaxReverseMinutes {
		ds.Add(pos("reverse_interview.minutes"), "reverse_interview.minutes", "value", "%d minutes is longer than a reverse interview can be; at most %d", m, MaxReverseMinutes)
	}
	for i, a := range r.Aliases {
		k := fmt.Sprintf("aliases[%d]", i)
		if msg := AliasProblem(a); msg != "" {
			ds.Add(pos(k), k, "alias", "%q %s", a, msg)
		}
	}
	for i, t := range r.Traits {
		k := fmt.Sprintf("traits[%d]", i)
		oneOf(k, t, traits, "a remote-work trait (reliable, independent or collaborative)")
	}
	kpos(r, pos, oneOf, ds)
}

func kpos(r *content.Role, pos func(string) content.Pos, oneOf func(string, string, map[string]bool, string), ds *content.Diagnostics) {
	ids := map[string]bool{}
	for i, k := range r.KPOs {
		base := fmt.Sprintf("kpos[%d]", i)
		if strings.TrimSpace(k.Title) == "" {
			ds.Add(pos(base+".title"), base+".title", "required", "each KPO needs a title stating what the person will accomplish")
		}
		if ids[k.ID] {
			ds.Add(pos(base+".id"), base+".id", "duplicate-id", "KPO id %q is used twice in this role", k.ID)
		}
		ids[k.ID] = true
		for j, t := range k.Traits {
			kk := fmt.Sprintf("%s.traits[%d]", base, j)
			oneOf(kk, t, traits, "a remote-work trait (reliable, independent or collaborative)")
		}
	}
	for i, iv := range r.Interviewers {
		base := fmt.Sprintf("interviewers[%d]", i)
		if strings.TrimSpace(iv.Name) == "" {
			ds.Add(pos(base+".name"), base+".name", "required", "each interviewer needs a name")
		}
		for j, c := range iv.Covers {
			if !ids[c] {
				kk := fmt.Sprintf("%s.covers[%d]", base, j)
				ds.Add(pos(kk), kk, "unknown-kpo", "no KPO in this role has the id %q%s", c, hint(c, ids))
			}
		}
	}
}

// AliasProblem says what is wrong with an alias path, or "" when it is a
// valid site-relative path.
func AliasProblem(a string) string {
	switch {
	case !strings.HasPrefix(a, "/") || strings.HasPrefix(a, "//"):
		return "must be a site-relative path starting with a single /"
	case strings.Contains(a, "://") || strings.ContainsAny(a, "?#\\") || strings.ContainsAny(a, "\x00\n\r\t <>\"'"):
		return "must be a plain path without scheme, host, query or fragment"
	case strings.Contains(a, "%"):
		// The alias names a folder: /%2e%2e/ would be a folder called
		// "%2e%2e", which browsers read as "..", so no one could reach it.
		return "must be written as it reads, without %-escapes (an ä is fine as it is)"
	}
	for _, seg := range strings.Split(a, "/") {
		if seg == ".." || seg == "." {
			return "must not contain . or .. segments"
		}
		if strings.HasPrefix(seg, ".") {
			return "must not name a hidden file or folder (one whose name starts with a dot, such as .hirebook-output)"
		}
	}
	return ""
}
