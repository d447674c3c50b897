package pages

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"

	"github.com/hirebook/hirebook/generator/content"
)

// files plans the non-HTML files: sitemap, feed, robots.txt, .nojekyll and
// CNAME. Only candidate pages of published, open roles enter the sitemap
// and the feed.
func (p *planner) files(roles []*content.Role, views []*RoleView, company []*content.CompanyPage) []Page {
	out := []Page{
		{Path: "sitemap.xml", Body: p.sitemap(views)},
		{Path: "feed.xml", Body: p.feed(roles, views)},
		{Path: "robots.txt", Body: []byte("User-agent: *\nAllow: /\n\nSitemap: " + p.absolute(p.link.url("/sitemap.xml")) + "\n")},
		{Path: ".nojekyll", Body: []byte{}},
	}
	if p.cfg.CNAME != "" {
		out = append(out, Page{Path: "CNAME", Body: []byte(p.cfg.CNAME + "\n")})
	}
	return out
}

func (p *planner) sitemap(views []*RoleView) []byte {
	type entry struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	var urls []entry
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
	sort.Slice(urls, func(i, j int) bool { return urls[i].Loc < urls[j].Loc })
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		out, _ := xml.Marshal(struct {
			XMLName xml.Name `xml:"url"`
			entry
		}{entry: u})
		b.Write(out)
		b.WriteByte('\n')
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// candidateURLs are the pages of a role that candidates read.
func candidateURLs(v *RoleView) []string {
	return []string{v.URL, v.QuestionsURL}
}

func (p *planner) feed(roles []*content.Role, views []*RoleView) []byte {
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
	}
	type entry struct {
		Title   string `xml:"title"`
		Link    link   `xml:"link"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary,omitempty"`
	}
	type feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Title   string   `xml:"title"`
		Links   []link   `xml:"link"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Author  string   `xml:"author>name"`
		Entries []entry  `xml:"entry"`
	}
	f := feed{Title: p.site.Title, ID: p.site.BaseURL, Author: p.site.CompanyName,
		Links: []link{{Href: p.site.BaseURL}, {Href: p.absolute(p.link.url("/feed.xml")), Rel: "self"}}}
	latest := content.Date{Year: 1970, Month: 1, Day: 1}
	for i, v := range views {
		if v.Closed || v.Draft {
			continue
		}
		posted := roles[i].Posted
		if posted.IsZero() {
			posted = latest
		}
		if latest.Before(posted) {
			latest = posted
		}
		f.Entries = append(f.Entries, entry{Title: v.Title, Link: link{Href: p.absolute(v.URL)}, ID: p.absolute(v.URL),
			Updated: posted.String() + "T00:00:00Z", Summary: v.Summary})
	}
	sort.SliceStable(f.Entries, func(i, j int) bool { return f.Entries[i].Updated > f.Entries[j].Updated })
	f.Updated = latest.String() + "T00:00:00Z"
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return []byte(fmt.Sprintf("<!-- %v -->", err))
	}
	return append([]byte(xml.Header), append(out, '\n')...)
}
