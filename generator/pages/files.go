package pages

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"slices"
	"strings"
)

// files plans the non-HTML files: sitemap, feed, robots.txt, .nojekyll and
// CNAME. Only candidate pages of published, open roles enter the sitemap
// and the feed.
func (p *planner) files(views []*RoleView) []Page {
	out := []Page{
		{Path: "sitemap.xml", Make: func() []byte { return p.sitemap(views) }, Key: p.sitemapKey(views)},
		{Path: "feed.xml", Make: func() []byte { return p.feed(views) }, Key: p.feedKey(views)},
		{Path: "robots.txt", Body: []byte("User-agent: *\nAllow: /\n\nSitemap: " + p.absolute(p.link.url("/sitemap.xml")) + "\n")},
		{Path: ".nojekyll", Body: []byte{}},
	}
	if p.cfg.CNAME != "" {
		out = append(out, Page{Path: "CNAME", Body: []byte(p.cfg.CNAME + "\n")})
	}
	return out
}

func (p *planner) sitemap(views []*RoleView) []byte {
	type entry struct{ loc, lastmod string }
	urls := make([]entry, 0, 2*len(views)+len(p.site.Company)+1)
	add := func(u, lastmod string) { urls = append(urls, entry{p.absolute(u), lastmod}) }
	add(p.site.Home, "")
	seenTeam := map[string]bool{}
	for _, v := range views {
		if v.Closed || v.Draft {
			continue
		}
		for _, u := range candidateURLs(v) {
			add(u, v.Posted)
		}
		if !seenTeam[v.Team.URL] {
			seenTeam[v.Team.URL] = true
			add(v.Team.URL, "")
		}
	}
	for _, c := range p.site.Company {
		add(c.URL, "")
	}
	slices.SortFunc(urls, func(a, b entry) int { return strings.Compare(a.loc, b.loc) })
	var b bytes.Buffer
	b.Grow(len(urls) * 96)
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		b.WriteString("<url><loc>")
		xmlText(&b, u.loc)
		b.WriteString("</loc>")
		if u.lastmod != "" {
			b.WriteString("<lastmod>" + u.lastmod + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// candidateURLs are the pages of a role that candidates read.
func candidateURLs(v *RoleView) []string {
	return []string{v.URL, v.QuestionsURL}
}

// FeedEntries is how many of the newest open roles the feed carries.
const FeedEntries = 50

// feed is an Atom feed of the newest open roles.
func (p *planner) feed(views []*RoleView) []byte {
	var open []*RoleView
	for _, v := range views {
		if !v.Closed && !v.Draft {
			open = append(open, v)
		}
	}
	open = newest(open, FeedEntries)
	updated := "1970-01-01"
	if len(open) > 0 && open[0].Posted != "" {
		updated = open[0].Posted
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom">` + "\n")
	elem := func(indent, name, text string) {
		b.WriteString(indent + "<" + name + ">")
		xmlText(&b, text)
		b.WriteString("</" + name + ">\n")
	}
	elem("  ", "title", p.site.Title)
	b.WriteString(`  <link href="`)
	xmlText(&b, p.site.BaseURL)
	b.WriteString(`"></link>` + "\n" + `  <link href="`)
	xmlText(&b, p.absolute(p.link.url("/feed.xml")))
	b.WriteString(`" rel="self"></link>` + "\n")
	elem("  ", "id", p.site.BaseURL)
	elem("  ", "updated", updated+"T00:00:00Z")
	b.WriteString("  <author>\n")
	elem("    ", "name", p.site.CompanyName)
	b.WriteString("  </author>\n")
	for _, v := range open {
		posted := v.Posted
		if posted == "" {
			posted = "1970-01-01"
		}
		b.WriteString("  <entry>\n")
		elem("    ", "title", v.Title)
		b.WriteString(`    <link href="`)
		xmlText(&b, p.absolute(v.URL))
		b.WriteString(`"></link>` + "\n")
		elem("    ", "id", p.absolute(v.URL))
		elem("    ", "updated", posted+"T00:00:00Z")
		if v.Summary != "" {
			elem("    ", "summary", v.Summary)
		}
		b.WriteString("  </entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}

// xmlText writes s escaped for XML text and attribute values.
func xmlText(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(s)) // writing to a bytes.Buffer cannot fail
}

// newest returns the n most recently posted roles, newest first (ties by
// slug), without sorting the whole list.
func newest(views []*RoleView, n int) []*RoleView {
	before := func(a, b *RoleView) int {
		if c := cmp.Compare(b.Posted, a.Posted); c != 0 {
			return c
		}
		return cmp.Compare(a.Slug, b.Slug)
	}
	top := make([]*RoleView, 0, n+1)
	for _, v := range views {
		if len(top) == n && before(v, top[n-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, v, before)
		top = slices.Insert(top, i, v)
		if len(top) > n {
			top = top[:n]
		}
	}
	return top
}

// sitemapKey fingerprints what the sitemap lists.
func (p *planner) sitemapKey(views []*RoleView) string {
	k := newKeyer().add(p.site.BaseURL)
	for _, v := range views {
		if !v.Closed && !v.Draft {
			k.add(v.URL, v.QuestionsURL, v.Posted, v.Team.URL)
		}
	}
	for _, c := range p.site.Company {
		k.add(c.URL)
	}
	return k.String()
}

// feedKey fingerprints what the feed carries.
func (p *planner) feedKey(views []*RoleView) string {
	var open []*RoleView
	for _, v := range views {
		if !v.Closed && !v.Draft {
			open = append(open, v)
		}
	}
	k := newKeyer().add(p.site.BaseURL, p.site.Title, p.site.CompanyName)
	for _, v := range newest(open, FeedEntries) {
		k.add(v.Title, v.URL, v.Posted, v.Summary)
	}
	return k.String()
}
