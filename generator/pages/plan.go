// Package pages decides which pages the site has, where each one lives
// (base-path aware) and the data each layout receives, including JSON-LD,
// the sitemap, the feed and robots.txt. It renders Markdown bodies once per
// role, but knows nothing of the templates' markup.
package pages

import (
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/hirebook/hirebook/generator/content"
	"github.com/hirebook/hirebook/generator/internal/pool"
	"github.com/hirebook/hirebook/generator/markdown"
)

// RoleIDs are the element ids a role page uses around the body (and
// kpo-<id> for each KPO): body headings never take them. A theme that adds
// ids to the role layout should keep to these or prefix its own.
var RoleIDs = []string{"main", "accomplish", "about-role", "arrangement", "growth", "process", "apply"}

// PerPage is how many roles one portal page lists.
const PerPage = 50

// Options tune Plan.
type Options struct {
	Now     time.Time // "today": which roles are closed
	Drafts  bool      // publish draft roles
	BaseURL string    // overrides site.yaml's base_url
	Assets  []string  // theme files that will be written, e.g. assets/style.css
	// Unread are the slugs of role files that exist but could not be
	// read (their errors are reported already): links to them are not
	// reported as broken as well.
	Unread []string
}

type planner struct {
	cfg  *content.Config
	opts Options
	now  time.Time
	loc  *time.Location
	site *SiteView
	link *linker
	md   *markdown.Renderer
}

// Planner plans the pages of one site as of one day. Its methods are pure
// and safe for concurrent use, so a rebuild can re-plan just the roles that
// changed.
type Planner struct{ p *planner }

// NewPlanner prepares planning for s: the site-wide data, the set of pages
// links may point at, and the Markdown renderer.
func NewPlanner(s *content.Site, opts Options) *Planner {
	p := &planner{cfg: &s.Config, opts: opts, now: opts.Now}
	p.loc, _ = time.LoadLocation(s.Config.Timezone)
	if p.loc == nil {
		p.loc = time.UTC
	}
	p.md = markdown.New(markdown.WithUnsafeHTML(s.Config.Markdown.UnsafeHTML))
	p.siteView(s)
	if s.Config.Guides.Protect != content.ProtectOmit {
		p.site.GuidesURL = p.link.url("/guides/")
	}
	p.linker(p.published(s.Roles), s.Company)
	return &Planner{p}
}

// Published lists the roles that get pages: all but drafts, unless drafts
// were asked for.
func (pl *Planner) Published(all []*content.Role) []*content.Role { return pl.p.published(all) }

// Role renders a role's body and plans its own pages: the role page, its
// primer, alias redirects and, when guides are published, its guide and
// kits. The view is what listing pages need of the role.
func (pl *Planner) Role(r *content.Role) (*RoleView, []Page, content.Diagnostics) {
	p := pl.p
	reserved := append([]string{}, RoleIDs...)
	for _, k := range r.KPOs {
		reserved = append(reserved, "kpo-"+k.ID)
	}
	body, diags := p.body(r.File, "roles", r.Body, r.BodyLine, reserved...)
	v := p.roleView(r)
	v.Body = body
	out := p.rolePages(r, v)
	if p.site.GuidesURL != "" {
		out = append(out, p.guidePages(r, v)...)
	}
	return v, out, diags
}

// Site plans the pages that list roles or stand alone: the portal and team
// pages, the guide index, company pages, 404, sitemap, feed, robots.txt,
// .nojekyll and CNAME. It also checks aliases against every page.
func (pl *Planner) Site(s *content.Site, roles []*content.Role, views []*RoleView) ([]Page, content.Diagnostics) {
	p := pl.p
	diags := p.checkAliases(roles)
	if logo, _ := splitRest(s.Config.Company.Logo); strings.HasPrefix(logo, "/") && !strings.HasPrefix(logo, "//") && !p.link.has(logo) {
		pos, ok := s.Config.Keys["company.logo"]
		if !ok {
			pos = content.Pos{File: s.Config.File}
		}
		diags.Add(pos, "company.logo", "broken-link", "%s is not a file of the site; put the logo in your theme's assets/ folder (e.g. /assets/logo.png)", logo)
	}
	// The listing pages each walk every role: plan them side by side, then
	// put them in a fixed order.
	var guides, portal, company, notFound, files []Page
	var companyDiags content.Diagnostics
	pool.Each(5, func(i int) {
		switch i {
		case 0:
			if p.site.GuidesURL != "" {
				guides = p.guideIndex(views)
			}
		case 1:
			portal = p.portal(views)
		case 2:
			for _, c := range s.Company {
				body, d := p.body(c.File, "company", c.Body, c.BodyLine)
				companyDiags = append(companyDiags, d...)
				company = append(company, p.companyPage(c, body))
			}
		case 3:
			notFound = []Page{p.notFound(views)}
		case 4:
			files = p.files(views)
		}
	})
	diags = append(diags, companyDiags...)
	return slices.Concat(guides, portal, company, notFound, files), diags
}

// Plan builds the list of every page of the site, sorted by path, planning
// roles GOMAXPROCS at a time.
func Plan(s *content.Site, opts Options) ([]Page, content.Diagnostics) {
	pl := NewPlanner(s, opts)
	roles := pl.Published(s.Roles)
	views := make([]*RoleView, len(roles))
	perRole := make([][]Page, len(roles))
	perDiags := make([]content.Diagnostics, len(roles))
	pool.Each(len(roles), func(i int) {
		views[i], perRole[i], perDiags[i] = pl.Role(roles[i])
	})
	out, diags := pl.Site(s, roles, views)
	for i := range roles {
		out = append(out, perRole[i]...)
		diags = append(diags, perDiags[i]...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	diags.Sort()
	return out, diags
}

// BaseURL is the site's absolute URL, ending in /: override when set.
// Its path is percent-encoded as links need it (…/karri%C3%A4r/), so the
// base URL always ends in the base path.
func BaseURL(configured, override string) string {
	base := configured
	if override != "" {
		base = override
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	if u, err := url.Parse(base); err == nil && u.Scheme != "" && u.Host != "" {
		return u.Scheme + "://" + u.Host + u.EscapedPath()
	}
	return base
}

// BasePath is the path part of the base URL, ending in /.
func BasePath(configured, override string) string {
	if u, err := url.Parse(BaseURL(configured, override)); err == nil && u.Path != "" {
		return u.EscapedPath()
	}
	return "/"
}

func (p *planner) siteView(s *content.Site) {
	base := BaseURL(s.Config.BaseURL, p.opts.BaseURL)
	basePath := BasePath(s.Config.BaseURL, p.opts.BaseURL)
	c := s.Config
	p.site = &SiteView{
		Title: c.Title, CompanyName: c.Company.Name, CompanyURL: c.Company.URL,
		BaseURL: base, BasePath: basePath, Home: basePath,
		CSS: basePath + "assets/style.css", Icon: basePath + "assets/icon.svg",
		EqualOpportunity: c.EqualOpportunity, Accommodations: contact(c.Accommodations),
		Params: c.Params, Memo: &Memo{},
	}
	p.link = &linker{basePath: basePath}
	if c.Company.Logo != "" {
		p.site.Logo = c.Company.Logo
		if strings.HasPrefix(c.Company.Logo, "/") {
			p.site.Logo = strings.TrimSuffix(base, basePath) + p.link.raw(c.Company.Logo)
		}
	}
	for _, cp := range s.Company {
		p.site.Company = append(p.site.Company, Link{Title: cp.Title, URL: p.link.url("/company/" + cp.Slug + "/")})
	}
}

// published drops drafts unless asked to keep them.
func (p *planner) published(all []*content.Role) []*content.Role {
	var out []*content.Role
	for _, r := range all {
		if r.Status != "draft" || p.opts.Drafts {
			out = append(out, r)
		}
	}
	return out
}

// linker records every page URL so links in bodies can be checked.
func (p *planner) linker(roles []*content.Role, company []*content.CompanyPage) {
	l := p.link
	l.exists, l.roles, l.company, l.unread = map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, slug := range p.opts.Unread {
		l.unread[slug] = true
	}
	for _, r := range roles {
		l.roles[r.Slug] = true
		for _, u := range roleURLs(r.Slug) {
			l.exists[u] = true
		}
		team := r.Team
		if team == "" {
			team = content.DefaultTeam
		}
		l.exists["/teams/"+content.TeamSlug(team)+"/"] = true
		if p.site.GuidesURL != "" {
			l.exists["/guides/"+r.Slug+"/"] = true
			for _, iv := range r.Interviewers {
				if len(iv.Covers) > 0 {
					l.exists["/guides/"+r.Slug+"/"+iv.Slug+"/"] = true
				}
			}
		}
	}
	if p.site.GuidesURL != "" {
		l.exists["/guides/"] = true
		for i := 2; i <= pageCount(len(roles)); i++ {
			l.exists[fmt.Sprintf("/guides/page/%d/", i)] = true
		}
	}
	if p.cfg.CNAME != "" {
		l.exists["/CNAME"] = true
	}
	for _, c := range company {
		l.company[c.Slug] = true
		l.exists["/company/"+c.Slug+"/"] = true
	}
	for _, f := range append([]string{"sitemap.xml", "feed.xml", "robots.txt", "404.html", ".nojekyll"}, p.opts.Assets...) {
		l.exists["/"+f] = true
	}
	open := 0
	for _, r := range roles {
		if !isClosed(r, p.now, p.loc) {
			open++
		}
	}
	for i := 2; i <= pageCount(open); i++ {
		l.exists[fmt.Sprintf("/page/%d/", i)] = true
	}
}

// roleURLs are the candidate pages of a role.
func roleURLs(slug string) []string {
	return []string{"/roles/" + slug + "/", "/roles/" + slug + "/questions/"}
}

func pageCount(n int) int { return max(1, (n+PerPage-1)/PerPage) }

// checkAliases refuses aliases that are not site-relative or that collide
// with a page or another alias.
func (p *planner) checkAliases(roles []*content.Role) content.Diagnostics {
	var diags content.Diagnostics
	seen := map[string]string{}
	for _, r := range roles {
		for i, a := range r.Aliases {
			key := fmt.Sprintf("aliases[%d]", i)
			pos := r.Keys[key]
			if pos.File == "" {
				pos = content.Pos{File: r.File}
			}
			file := fileOf(a)
			switch {
			case p.link.has(a) || file == "index.html":
				diags.Add(pos, key, "alias-collision", "alias %q is already a page of the site", a)
			case seen[file] != "":
				diags.Add(pos, key, "alias-collision", "alias %q is also an alias of %s", a, seen[file])
			default:
				seen[file] = r.File
			}
		}
	}
	return diags
}

// body renders one Markdown body; link problems become diagnostics at
// their line.
func (p *planner) body(file, dir string, src []byte, line int, reserved ...string) (templateHTML, content.Diagnostics) {
	html, probs := p.md.Render(src, p.link.resolver(dir), reserved...)
	var diags content.Diagnostics
	for _, pr := range probs {
		at := content.Pos{File: file, Line: line + pr.Line - 1, Col: max(pr.Col, 1)}
		if pr.Warning {
			diags.Warn(at, "body", pr.Rule, "%s", pr.Message)
		} else {
			diags.Add(at, "body", pr.Rule, "%s", pr.Message)
		}
	}
	return html, diags
}
