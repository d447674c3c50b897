package pages

import (
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/hirebook/hirebook/generator/content"
)

type templateHTML = template.HTML

func (p *planner) common(title, description, url, lang string) Common {
	if lang == "" {
		lang = p.cfg.Language
	}
	return Common{Site: p.site, Title: title, Description: description, Lang: lang, URL: url, Canonical: p.absolute(url)}
}

// rolePages plans the candidate pages of one role and its alias redirects.
func (p *planner) rolePages(r *content.Role, v *RoleView) []Page {
	c := p.common(r.Title, r.Summary, v.URL, r.Language)
	c.OpenGraph = true
	c.NoIndex = v.Draft
	if !v.Closed && !v.Draft {
		c.JSONLD = p.jobPosting(r, v)
	}
	out := []Page{
		{Path: "roles/" + r.Slug + "/index.html", Layout: "role", Data: &RolePage{Common: c, Role: v, OpenRoles: p.site.Home}},
		p.primer(r, v),
	}
	for _, a := range r.Aliases {
		ac := p.common(r.Title, r.Summary, v.URL, r.Language)
		ac.NoIndex = true
		out = append(out, Page{Path: fileOf(a), Layout: "alias", Data: &AliasPage{Common: ac, Target: v.URL}})
	}
	return out
}

// portal plans the index (paginated) and one page per team.
func (p *planner) portal(views []*RoleView) []Page {
	var open []*RoleView
	teams := map[string]*TeamGroup{}
	for _, v := range views {
		if teams[v.Team.URL] == nil {
			teams[v.Team.URL] = &TeamGroup{Team: v.Team}
		}
		if !v.Closed {
			open = append(open, v)
			teams[v.Team.URL].Roles = append(teams[v.Team.URL].Roles, v)
		}
	}
	slices.SortFunc(open, func(a, b *RoleView) int {
		if c := strings.Compare(a.Team.Title, b.Team.Title); c != 0 {
			return c
		}
		if c := strings.Compare(a.Title, b.Title); c != 0 {
			return c
		}
		return strings.Compare(a.Slug, b.Slug)
	})
	var teamLinks []Link
	var groups []*TeamGroup
	for _, g := range teams {
		groups = append(groups, g)
	}
	slices.SortFunc(groups, func(a, b *TeamGroup) int { return strings.Compare(a.Team.Title, b.Team.Title) })
	for _, g := range groups {
		if len(g.Roles) > 0 { // a team with no open role keeps its page but leaves the list
			teamLinks = append(teamLinks, g.Team)
		}
	}
	var out []Page
	n := pageCount(len(open))
	for i := 1; i <= n; i++ {
		chunk := open[(i-1)*PerPage : min(i*PerPage, len(open))]
		url := p.site.Home
		path := "index.html"
		title := p.site.Title
		if i > 1 {
			url = p.link.url(fmt.Sprintf("/page/%d/", i))
			path = fmt.Sprintf("page/%d/index.html", i)
			title = fmt.Sprintf("%s (page %d of %d)", p.site.Title, i, n)
		}
		desc := fmt.Sprintf("Open roles at %s", p.site.CompanyName)
		pp := &PortalPage{Common: p.common(title, desc, url, ""), Heading: p.site.Title, Groups: groupByTeam(chunk), Teams: teamLinks, Page: i, Of: n, Count: len(open)}
		pp.OpenGraph = true
		if i > 1 {
			pp.Prev = p.site.Home
			if i > 2 {
				pp.Prev = p.link.url(fmt.Sprintf("/page/%d/", i-1))
			}
		}
		if i < n {
			pp.Next = p.link.url(fmt.Sprintf("/page/%d/", i+1))
		}
		out = append(out, Page{Path: path, Layout: "portal", Data: pp, Key: portalKey(pp)})
	}
	for _, g := range groups {
		title := g.Team.Title + " roles"
		pp := &PortalPage{Common: p.common(title, fmt.Sprintf("Open %s roles at %s", g.Team.Title, p.site.CompanyName), g.Team.URL, ""),
			Heading: title, Teams: teamLinks, Page: 1, Of: 1, Count: len(g.Roles)}
		if len(g.Roles) > 0 { // a team whose roles are all closed lists no group: its page says so
			pp.Groups = []TeamGroup{*g}
		}
		out = append(out, Page{Path: "teams/" + content.TeamSlug(g.Team.Title) + "/index.html", Layout: "team", Data: pp, Key: portalKey(pp)})
	}
	return out
}

// portalKey fingerprints a portal or team page.
func portalKey(pp *PortalPage) string {
	k := newKeyer()
	commonKey(k, &pp.Common)
	k.add(pp.Heading, pp.Prev, pp.Next).addInt(pp.Page).addInt(pp.Of).addInt(pp.Count)
	for _, t := range pp.Teams {
		k.add(t.Title, t.URL)
	}
	for _, g := range pp.Groups {
		k.add(g.Team.Title)
		for _, r := range g.Roles {
			k.add(r.CardKey)
		}
	}
	return k.String()
}

func groupByTeam(roles []*RoleView) []TeamGroup {
	var out []TeamGroup
	for _, r := range roles {
		if len(out) == 0 || out[len(out)-1].Team.URL != r.Team.URL {
			out = append(out, TeamGroup{Team: r.Team})
		}
		out[len(out)-1].Roles = append(out[len(out)-1].Roles, r)
	}
	return out
}

func (p *planner) companyPage(c *content.CompanyPage, body template.HTML) Page {
	url := p.link.url("/company/" + c.Slug + "/")
	cv := &CompanyPageView{Common: p.common(c.Title, c.Summary, url, ""), Summary: c.Summary, Body: body}
	cv.OpenGraph = true
	return Page{Path: "company/" + c.Slug + "/index.html", Layout: "company", Data: cv}
}

func (p *planner) notFound(views []*RoleView) Page {
	c := p.common("Page not found", "", p.link.url("/404.html"), "")
	c.NoIndex = true
	var open []*RoleView
	for _, v := range views {
		if !v.Closed && !v.Draft {
			open = append(open, v)
		}
	}
	open = newest(open, NotFoundRoles)
	k := newKeyer()
	commonKey(k, &c)
	for _, v := range open {
		k.add(v.CardKey)
	}
	return Page{Path: "404.html", Layout: "404", Data: &NotFoundPage{Common: c, Roles: open}, Key: k.String()}
}

// NotFoundRoles is how many of the newest open roles 404.html suggests.
const NotFoundRoles = 10
