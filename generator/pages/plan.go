// Package pages decides which pages the site has, where each one lives
// (base-path aware) and the data each layout receives, including JSON-LD,
// the sitemap, the feed and robots.txt. It renders Markdown bodies once per
// role, but knows nothing of the templates' markup.
package pages

import (
	"fmt"
	"net/url"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hirebook/hirebook/generator/content"
	"github.com/hirebook/hirebook/generator/markdown"
)

// PerPage is how many roles one portal page lists.
const PerPage = 50

// Options tune Plan.
type Options struct {
	Now     time.Time // "today": which roles are closed
	Drafts  bool      // publish draft roles
	BaseURL string    // overrides site.yaml's base_url
	Assets  []string  // theme files that will be written, e.g. assets/style.css
}

type planner struct {
	cfg   *content.Config
	opts  Options
	now   time.Time
	loc   *time.Location
	site  *SiteView
	link  *linker
	md    *markdown.Renderer
	diags content.Diagnostics
}

// Plan builds the list of every page of the site, sorted by path.
func Plan(s *content.Site, opts Options) ([]Page, content.Diagnostics) {
	p := &planner{cfg: &s.Config, opts: opts, now: opts.Now}
	p.loc, _ = time.LoadLocation(s.Config.Timezone)
	if p.loc == nil {
		p.loc = time.UTC
	}
	p.md = markdown.New(markdown.WithUnsafeHTML(s.Config.Markdown.UnsafeHTML))
	p.siteView(s)
	roles := p.published(s.Roles)
	p.linker(roles, s.Company)
	p.checkAliases(roles)
	bodies := p.bodies(roles, s.Company)
	views := make([]*RoleView, len(roles))
	for i, r := range roles {
		views[i] = p.roleView(r)
		views[i].Body = bodies[i]
	}
	var out []Page
	for i, r := range roles {
		out = append(out, p.rolePages(r, views[i])...)
	}
	if s.Config.Guides.Protect != content.ProtectOmit {
		out = append(out, p.guides(roles, views)...)
	}
	out = append(out, p.portal(views)...)
	for i, c := range s.Company {
		out = append(out, p.companyPage(c, bodies[len(roles)+i]))
	}
	out = append(out, p.notFound(views))
	out = append(out, p.files(roles, views, s.Company)...)
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	p.diags.Sort()
	return out, p.diags
}

// BaseURL is the site's absolute URL, ending in /: override when set.
func BaseURL(configured, override string) string {
	base := configured
	if override != "" {
		base = override
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
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
		Params: c.Params,
	}
	p.link = &linker{basePath: basePath}
	if c.Company.Logo != "" {
		p.site.Logo = c.Company.Logo
		if strings.HasPrefix(c.Company.Logo, "/") {
			p.site.Logo = p.link.url(c.Company.Logo)
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
	l.exists, l.roles, l.company = map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, r := range roles {
		l.roles[r.Slug] = true
		for _, u := range roleURLs(r.Slug) {
			l.exists[u] = true
		}
		team := r.Team
		if team == "" {
			team = "Other roles"
		}
		l.exists["/teams/"+teamSlug(team)+"/"] = true
	}
	for _, c := range company {
		l.company[c.Slug] = true
		l.exists["/company/"+c.Slug+"/"] = true
	}
	for _, f := range append([]string{"sitemap.xml", "feed.xml", "robots.txt", "404.html"}, p.opts.Assets...) {
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
func (p *planner) checkAliases(roles []*content.Role) {
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
				p.diags.Add(pos, key, "alias-collision", "alias %q is already a page of the site", a)
			case seen[file] != "":
				p.diags.Add(pos, key, "alias-collision", "alias %q is also an alias of %s", a, seen[file])
			default:
				seen[file] = r.File
			}
		}
	}
}

// bodies renders every role and company body once, GOMAXPROCS at a time;
// link problems become diagnostics at their line.
func (p *planner) bodies(roles []*content.Role, company []*content.CompanyPage) []templateHTML {
	type job struct {
		file, dir string
		src       []byte
		line      int
	}
	jobs := make([]job, 0, len(roles)+len(company))
	for _, r := range roles {
		jobs = append(jobs, job{r.File, "roles", r.Body, r.BodyLine})
	}
	for _, c := range company {
		jobs = append(jobs, job{c.File, "company", c.Body, c.BodyLine})
	}
	out := make([]templateHTML, len(jobs))
	probs := make([][]markdown.Problem, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], probs[i] = p.md.Render(jobs[i].src, p.link.resolver(jobs[i].dir))
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, ps := range probs {
		for _, pr := range ps {
			p.diags.Add(content.Pos{File: jobs[i].file, Line: jobs[i].line + pr.Line - 1}, "body", "broken-link", "%s", pr.Message)
		}
	}
	return out
}
