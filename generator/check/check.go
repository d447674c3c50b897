// Package check validates a loaded site: every value set, every reference
// between keys and every rule of the content format. It reads no files; each
// problem is a content.Diagnostic with the file, line, column and key.
package check

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hirebook/hirebook/generator/content"
)

// Run checks the whole site and returns every problem found.
func Run(site *content.Site) content.Diagnostics {
	ds := Site(site)
	for _, r := range site.Roles {
		ds = append(ds, Role(r)...)
	}
	ds.Sort()
	return ds.Compact()
}

// Site checks what concerns more than one role: site.yaml, company pages
// and role file names that collide.
func Site(site *content.Site) content.Diagnostics {
	var ds content.Diagnostics
	config(&site.Config, &ds)
	slugs := map[string]string{}
	for _, r := range site.Roles {
		low := strings.ToLower(r.Slug)
		if other, ok := slugs[low]; ok {
			ds.Add(content.Pos{File: r.File, Line: 1, Col: 1}, "", "slug-collision", "role file name collides with %s (URLs are case-insensitive on many hosts)", other)
		}
		slugs[low] = r.File
	}
	teamPages(site.Roles, &ds)
	for _, p := range site.Company {
		if strings.TrimSpace(p.Title) == "" {
			ds.Add(at(p.File, p.Keys, "title"), "title", "required", "a company page needs a title")
		}
	}
	ds.Sort()
	return ds
}

// Role checks one role's values and runs the lint rules on it.
func Role(r *content.Role) content.Diagnostics {
	var ds content.Diagnostics
	role(r, &ds)
	ds = append(ds, lintRole(r)...)
	ds.Sort()
	return ds
}

// at returns where key was written, or the file when it was not.
func at(file string, keys content.Keys, key string) content.Pos {
	if p, ok := keys[key]; ok {
		return p
	}
	for k := key; strings.Contains(k, "."); {
		k = k[:strings.LastIndexAny(k, ".[")]
		if p, ok := keys[k]; ok {
			return p
		}
	}
	return content.Pos{File: file, Line: 1, Col: 1}
}

var (
	langTag  = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)
	hostname = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$`)
)

func config(c *content.Config, ds *content.Diagnostics) {
	pos := func(k string) content.Pos { return at(c.File, c.Keys, k) }
	if strings.TrimSpace(c.Title) == "" {
		ds.Add(pos("title"), "title", "required", "the site needs a title")
	}
	if strings.TrimSpace(c.Company.Name) == "" {
		ds.Add(pos("company.name"), "company.name", "required", "the hiring organization's name is required")
	}
	if c.Company.URL != "" && !isWebURL(c.Company.URL) {
		ds.Add(pos("company.url"), "company.url", "url", "must be an absolute http(s) URL")
	}
	if l := c.Company.Logo; l != "" && !isWebURL(l) && !isSitePath(l) {
		ds.Add(pos("company.logo"), "company.logo", "url", "%q must be an absolute http(s) URL or a site-relative path such as /assets/logo.png", l)
	}
	if strings.TrimSpace(c.BaseURL) == "" {
		ds.Add(pos("base_url"), "base_url", "required", "the absolute URL the site is published at is required, e.g. https://example.github.io/careers/")
	} else if problem := BaseURLProblem(c.BaseURL); problem != "" {
		ds.Add(pos("base_url"), "base_url", "url", "%s", problem)
	}
	if !langTag.MatchString(c.Language) {
		ds.Add(pos("language"), "language", "language", "%q is not a BCP 47 language tag such as en or en-GB", c.Language)
	}
	if _, err := time.LoadLocation(c.Timezone); err != nil || strings.EqualFold(c.Timezone, "local") {
		ds.Add(pos("timezone"), "timezone", "timezone", "%q is not an IANA time zone such as Europe/Berlin", c.Timezone)
	}
	if !ThemeName(c.Theme) {
		ds.Add(pos("theme"), "theme", "theme", "a theme is named, not a path: %q", c.Theme)
	}
	if !protects[c.Guides.Protect] {
		ds.Add(pos("guides.protect"), "guides.protect", "value", "%q must be one of passphrase, omit, none%s", c.Guides.Protect, hint(c.Guides.Protect, protects))
	}
	if c.CNAME != "" && !hostname.MatchString(strings.ToLower(c.CNAME)) { // domain names ignore case
		ds.Add(pos("cname"), "cname", "cname", "%q is not a domain name such as careers.example.com", c.CNAME)
	}
	if c.Accommodations != "" && looksLikeURL(c.Accommodations) && !isApplyURL(c.Accommodations) {
		ds.Add(pos("accommodations"), "accommodations", "url", "a link here must be an http(s) URL or mailto:")
	}
}

func hint(v string, allowed map[string]bool) string {
	if s := content.Suggest(v, keys(allowed)); s != "" {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	return ""
}

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// isApplyURL accepts http(s) URLs and mailto: with a valid address.
func isApplyURL(s string) bool {
	if isWebURL(s) {
		return true
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "mailto" {
		return false
	}
	addr, _, _ := strings.Cut(u.Opaque, "?")
	_, err = mail.ParseAddress(addr)
	return err == nil
}

// isSitePath accepts a path from the site's root, such as /assets/logo.png.
func isSitePath(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "" && u.Host == "" && strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//")
}

func looksLikeURL(s string) bool {
	s = strings.TrimSpace(s)
	return !strings.ContainsAny(s, " \n") && strings.Contains(s, ":")
}

// ThemeName reports whether name can name a theme folder: a name, not a
// path, and not hidden (".", ".git").
func ThemeName(name string) bool {
	return !strings.ContainsAny(name, `/\`) && !strings.HasPrefix(name, ".") && strings.TrimSpace(name) != ""
}

// BaseURLProblem says what is wrong with a base URL (site.yaml's base_url
// or build --base-url), or "" when it is an absolute http(s) URL with a
// path of plain segments and no query or fragment.
func BaseURLProblem(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil || strings.HasSuffix(s, "?") {
		return fmt.Sprintf("%q is not an absolute http(s) URL without query or fragment, such as https://example.github.io/careers/", s)
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return fmt.Sprintf("%q has port %s; a port is a number from 1 to 65535", s, p)
		}
	}
	if strings.Contains(u.Path, "//") || slices.ContainsFunc(strings.Split(u.Path, "/"), func(seg string) bool { return seg == "." || seg == ".." }) {
		return fmt.Sprintf("%q has an empty, . or .. folder in its path", s)
	}
	return ""
}

// teamPages refuses two team names that would share one team page:
// "Sales" and "sales", or "🚀" and "💼", which have no letters or digits.
func teamPages(roles []*content.Role, ds *content.Diagnostics) {
	type first struct{ name, file string }
	seen := map[string]first{}
	for _, r := range roles {
		name := r.Team
		if name == "" {
			name = content.DefaultTeam
		}
		slug := content.TeamSlug(name)
		f, ok := seen[slug]
		if !ok {
			seen[slug] = first{name, r.File}
			continue
		}
		if f.name != name {
			ds.Add(at(r.File, r.Keys, "team"), "team", "team-collision",
				"team %q would share the page /teams/%s/ with team %q of %s; spell one team the same way everywhere, and give different teams names that differ in letters or digits", name, slug, f.name, f.file)
		}
	}
}
