package pages

import (
	"bytes"
	"encoding/json"
	"html"
	"html/template"
	"net/url"
	"strings"
	"time"

	"github.com/hirebook/hirebook/generator/content"
)

// jobPosting builds the schema.org JobPosting for an open role, for Google
// for Jobs. Every value in it is also shown on the role page.
func (p *planner) jobPosting(r *content.Role, v *RoleView) template.JS {
	var desc strings.Builder
	if v.Summary != "" {
		desc.WriteString("<p>" + html.EscapeString(v.Summary) + "</p>")
	}
	desc.WriteString("<h2>What you will accomplish</h2><ul>")
	for _, k := range v.KPOs {
		desc.WriteString("<li>" + html.EscapeString(k.Title))
		if k.Timeframe != "" {
			desc.WriteString(" (" + html.EscapeString(k.Timeframe) + ")")
		}
		desc.WriteString("</li>")
	}
	desc.WriteString("</ul>")
	// The description is read away from the site: its links must be
	// absolute. The body is goldmark's (or the sanitiser's) HTML, whose
	// attributes are always double-quoted and whose text escapes quotes,
	// so ` href="/` appears only as an attribute.
	origin := p.absolute("/")
	desc.WriteString(strings.NewReplacer(` href="/`, ` href="`+origin, ` src="/`, ` src="`+origin).Replace(string(v.Body)))

	org := map[string]any{"@type": "Organization", "name": p.site.CompanyName}
	if p.site.CompanyURL != "" {
		org["sameAs"] = p.site.CompanyURL
	}
	if p.site.Logo != "" {
		org["logo"] = p.absolute(p.site.Logo)
	}
	jp := map[string]any{
		"@context":           "https://schema.org/",
		"@type":              "JobPosting",
		"title":              r.Title,
		"description":        desc.String(),
		"datePosted":         r.Posted.String(),
		"employmentType":     r.EmploymentType,
		"hiringOrganization": org,
		"identifier":         map[string]any{"@type": "PropertyValue", "name": p.site.CompanyName, "value": r.Slug},
		"directApply":        isDirectApply(r.Apply),
		"url":                p.absolute(v.URL),
	}
	if !r.Closes.IsZero() {
		jp["validThrough"] = r.Closes.End(p.loc).Format(time.RFC3339)
	}
	if s := r.Salary; s != nil && (s.Min != 0 || s.Max != 0) {
		val := map[string]any{"@type": "QuantitativeValue", "unitText": s.Period}
		if s.Min != 0 {
			val["minValue"] = s.Min
		}
		if s.Max != 0 {
			val["maxValue"] = s.Max
		}
		jp["baseSalary"] = map[string]any{"@type": "MonetaryAmount", "currency": s.Currency, "value": val}
	}
	if r.WorkMode == "remote" {
		jp["jobLocationType"] = "TELECOMMUTE"
		countries := r.ApplicantCountries
		if len(countries) == 0 && r.Country != "" {
			countries = []string{r.Country}
		}
		var req []any
		for _, c := range countries {
			req = append(req, map[string]any{"@type": "Country", "name": c})
		}
		if len(req) > 0 {
			jp["applicantLocationRequirements"] = req
		}
	} else if r.Country != "" {
		addr := map[string]any{"@type": "PostalAddress", "addressCountry": r.Country}
		if r.Region != "" {
			addr["addressRegion"] = r.Region
		}
		if r.City != "" {
			addr["addressLocality"] = r.City
		}
		jp["jobLocation"] = map[string]any{"@type": "Place", "address": addr}
	}
	return scriptJSON(jp)
}

// scriptJSON encodes v for a <script type="application/ld+json"> element.
// encoding/json escapes <, > and & as \u003c, \u003e and \u0026, so no
// text can close the element or open a comment. Encoding cannot fail: the
// values are strings, whole numbers and the finite numbers the content
// decoder admits.
func scriptJSON(v any) template.JS {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		return ""
	}
	return template.JS(strings.TrimSpace(b.String())) // #nosec: HTML-escaped JSON
}

// absolute turns a base-path URL into an absolute one.
func (p *planner) absolute(u string) string {
	if strings.Contains(u, "://") {
		return u
	}
	return strings.TrimSuffix(p.site.BaseURL, p.site.BasePath) + u
}

// isDirectApply reports whether apply is a page where the candidate
// applies, as Google for Jobs means directApply: an email address is not.
func isDirectApply(apply string) bool {
	u, err := url.Parse(apply)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") // url.Parse lower-cases the scheme
}
