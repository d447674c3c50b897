package generator_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/url"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/content"
	"github.com/hirebook/hirebook/generator/pages"
	"golang.org/x/net/html"
)

// exampleContent is the example site, the integration tests' input.
const exampleContent = "../content"

// clock is "today" for the example site: one role is closed by status and
// the year-end role closed on 2026-11-20.
var clock = content.Date{Year: 2026, Month: 12, Day: 1}

// bases are the two ways a site is published: under a GitHub Pages project
// subpath (the example's own base_url) and at a domain's root.
var bases = []struct {
	name    string
	baseURL string // Options.BaseURL; empty keeps site.yaml's
	path    string // the base path every internal link starts with
}{
	{"subpath", "", "/careers/"},
	{"root", "https://example.org/", "/"},
}

// site is a built site held in memory.
type site struct {
	baseURL  *url.URL // absolute, ending in /
	basePath string
	files    map[string][]byte
	audience map[string]pages.Audience
	paths    []string // in build order
	parsed   map[string]*page
}

// built keeps the example site's in-memory builds, by options, so tests
// that look at the same build share it; tests only read a site.
var built = struct {
	sync.Mutex
	sites map[string]*site
}{sites: map[string]*site{}}

func build(t *testing.T, opts generator.Options) *site {
	t.Helper()
	key := ""
	if opts.ContentFS == nil && opts.Out == "" {
		key = fmt.Sprintf("%+v", opts)
		built.Lock()
		defer built.Unlock()
		if s, ok := built.sites[key]; ok {
			return s
		}
	}
	res, err := generator.Build(context.Background(), opts)
	if err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	s := newSite(t, res, opts)
	if key != "" {
		built.sites[key] = s
	}
	return s
}

func newSite(t *testing.T, res *generator.Result, opts generator.Options) *site {
	t.Helper()
	base := opts.BaseURL
	if base == "" {
		cfg := loadModel(t, opts).Config
		base = cfg.BaseURL
	}
	u, err := url.Parse(strings.TrimSuffix(base, "/") + "/")
	if err != nil {
		t.Fatal(err)
	}
	s := &site{baseURL: u, basePath: u.Path, files: map[string][]byte{}, audience: map[string]pages.Audience{}, parsed: map[string]*page{}}
	for _, f := range res.Files {
		if _, dup := s.files[f.Path]; dup {
			t.Errorf("%s is built twice", f.Path)
		}
		s.files[f.Path] = f.Data
		s.audience[f.Path] = f.Audience
		s.paths = append(s.paths, f.Path)
	}
	return s
}

// loadModel reads the content the way the build does, so tests can derive
// what the site must hold from the content itself.
func loadModel(t *testing.T, opts generator.Options) *content.Site {
	t.Helper()
	m, diags := generator.Load(opts)
	if m == nil || diags.HasErrors() {
		t.Fatalf("content does not load: %v", diags)
	}
	return m
}

// testPassphrase seals the example's guides (guides.protect: passphrase)
// with few PBKDF2 iterations, to keep the tests fast.
const testPassphrase = "tumble sprout ravine oxygen"

func exampleOpts(baseURL string) generator.Options {
	return generator.Options{Content: exampleContent, Clock: clock, BaseURL: baseURL, Passphrase: testPassphrase, GuideIterations: 1000}
}

// eachBase runs f once for the site built at each base.
func eachBase(t *testing.T, f func(t *testing.T, s *site, m *content.Site)) {
	for _, b := range bases {
		t.Run(b.name, func(t *testing.T) {
			opts := exampleOpts(b.baseURL)
			s := build(t, opts)
			if s.basePath != b.path {
				t.Fatalf("base path %q, want %q", s.basePath, b.path)
			}
			f(t, s, loadModel(t, opts))
		})
	}
}

func (s *site) page(t *testing.T, p string) *page {
	t.Helper()
	if pg, ok := s.parsed[p]; ok {
		return pg
	}
	data, ok := s.files[p]
	if !ok {
		t.Fatalf("no file %s", p)
	}
	pg := parsePage(t, p, data)
	s.parsed[p] = pg
	return pg
}

// htmlPages lists the HTML files in path order.
func (s *site) htmlPages() []string {
	var out []string
	for _, p := range s.paths {
		if strings.HasSuffix(p, ".html") {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// url is the base-path URL of a site-relative path: /roles/x/ -> /careers/roles/x/.
func (s *site) url(rel string) string { return s.basePath + strings.TrimPrefix(rel, "/") }

// abs is the absolute URL of a site-relative path.
func (s *site) abs(rel string) string {
	return s.baseURL.Scheme + "://" + s.baseURL.Host + s.url(rel)
}

// target is where a link found on a page leads.
type target struct {
	external bool   // another site, mailto:, ...
	file     string // the output file it names
	fragment string
	problem  string // why it does not resolve
}

// resolve maps a link on page from to the file it names: the base path is
// stripped, dir/ is dir/index.html, and relative links are read against
// the page's own URL.
func (s *site) resolve(from, ref string) target {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return target{problem: err.Error()}
	}
	switch {
	case u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https":
		return target{external: true}
	case u.Host != "" && u.Host != s.baseURL.Host:
		return target{external: true}
	case u.Host != "" && u.Scheme != s.baseURL.Scheme:
		return target{problem: "switches scheme to " + u.Scheme}
	}
	if ref == "" {
		return target{problem: "empty link"}
	}
	if u.Host == "" && !strings.HasPrefix(u.Path, "/") {
		if strings.HasPrefix(ref, "#") {
			return target{file: from, fragment: u.Fragment}
		}
		here, _ := url.Parse(s.url(from))
		u = here.ResolveReference(u)
	}
	if !strings.HasPrefix(u.Path, s.basePath) {
		return target{problem: "outside the base path " + s.basePath}
	}
	rel := strings.TrimPrefix(u.Path, s.basePath)
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	if path.Clean("/"+rel) != "/"+rel {
		return target{problem: "not a clean path"}
	}
	if _, ok := s.files[rel]; !ok {
		return target{problem: "no file " + rel}
	}
	return target{file: rel, fragment: u.Fragment}
}

// link is a URL found in a built file.
type link struct {
	kind, ref string
}

// links lists every link and asset reference of an HTML page: a href, link
// href, img, script and source src, meta refresh and Open Graph URLs.
func (s *site) links(t *testing.T, p string) []link {
	t.Helper()
	pg := s.page(t, p)
	var out []link
	for _, spec := range []struct{ tag, attr string }{{"a", "href"}, {"link", "href"}, {"img", "src"}, {"script", "src"}, {"source", "src"}, {"iframe", "src"}, {"form", "action"}} {
		for _, n := range pg.find(spec.tag) {
			if v, ok := attr(n, spec.attr); ok {
				out = append(out, link{spec.tag + " " + spec.attr, v})
			}
		}
	}
	if r, ok := pg.refresh(); ok {
		out = append(out, link{"meta refresh", r})
	}
	for _, n := range pg.find("meta") {
		if prop := attrOf(n, "property"); prop == "og:url" || prop == "og:image" {
			out = append(out, link{prop, attrOf(n, "content")})
		}
	}
	return out
}

// sitemapURLs reads the <loc> of every sitemap entry.
func sitemapURLs(t *testing.T, data []byte) []string {
	t.Helper()
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(data, &sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	var out []string
	for _, u := range sm.URLs {
		out = append(out, u.Loc)
	}
	return out
}

// feedURLs reads every link of the Atom feed and its entries.
func feedURLs(t *testing.T, data []byte) []string {
	t.Helper()
	type atomLink struct {
		Href string `xml:"href,attr"`
	}
	var f struct {
		Links   []atomLink `xml:"link"`
		Entries []struct {
			ID    string     `xml:"id"`
			Links []atomLink `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("feed.xml: %v", err)
	}
	var out []string
	for _, l := range f.Links {
		out = append(out, l.Href)
	}
	for _, e := range f.Entries {
		for _, l := range e.Links {
			out = append(out, l.Href)
		}
	}
	return out
}

// published are the roles a build without drafts publishes.
func published(m *content.Site) []*content.Role {
	var out []*content.Role
	for _, r := range m.Roles {
		if r.Status != "draft" {
			out = append(out, r)
		}
	}
	return out
}

func roleFile(slug string) string      { return "roles/" + slug + "/index.html" }
func questionsFile(slug string) string { return "roles/" + slug + "/questions/index.html" }

// aliasFile is the file that serves an alias path.
func aliasFile(a string) string {
	a = strings.Trim(a, "/")
	if path.Ext(a) == ".html" {
		return a
	}
	return a + "/index.html"
}

func TestEveryPageExists(t *testing.T) {
	eachBase(t, func(t *testing.T, s *site, m *content.Site) {
		want := []string{"index.html", "404.html", "sitemap.xml", "robots.txt", "feed.xml", ".nojekyll"}
		teams := map[string]bool{}
		for _, r := range published(m) {
			want = append(want, roleFile(r.Slug), questionsFile(r.Slug))
			for _, a := range r.Aliases {
				want = append(want, aliasFile(a))
			}
			teams[content.Slugify(r.Team)] = true
		}
		for team := range teams {
			want = append(want, "teams/"+team+"/index.html")
		}
		for _, c := range m.Company {
			want = append(want, "company/"+c.Slug+"/index.html")
		}
		if len(m.Company) < 1 || len(published(m)) < 5 || len(teams) < 4 {
			t.Fatalf("the example site is smaller than expected: %d company pages, %d roles, %d teams", len(m.Company), len(published(m)), len(teams))
		}
		for _, f := range want {
			if _, ok := s.files[f]; !ok {
				t.Errorf("missing %s", f)
			}
		}
		if m.Config.CNAME == "" {
			if _, ok := s.files["CNAME"]; ok {
				t.Errorf("CNAME written without a cname setting")
			}
		}
		// robots.txt points at the sitemap, absolutely.
		var sitemap string
		for _, line := range strings.Split(string(s.files["robots.txt"]), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(k, "sitemap") {
				sitemap = strings.TrimSpace(v)
			}
		}
		if sitemap != s.abs("/sitemap.xml") {
			t.Errorf("robots.txt names sitemap %q, want %q", sitemap, s.abs("/sitemap.xml"))
		}
	})
}

func TestCNAME(t *testing.T) {
	fsys := exampleFS(t, func(siteYAML string) string { return siteYAML + "cname: careers.example.com\n" })
	res, err := generator.Build(context.Background(), generator.Options{ContentFS: fsys, Clock: clock, Passphrase: testPassphrase, GuideIterations: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if f.Path == "CNAME" {
			if got := strings.TrimSpace(string(f.Data)); got != "careers.example.com" {
				t.Errorf("CNAME holds %q", got)
			}
			return
		}
	}
	t.Error("no CNAME file")
}

func TestInternalLinksResolve(t *testing.T) {
	eachBase(t, func(t *testing.T, s *site, m *content.Site) {
		checked := 0
		for _, p := range s.htmlPages() {
			for _, l := range s.links(t, p) {
				tg := s.resolve(p, l.ref)
				if tg.problem != "" {
					t.Errorf("%s: %s %q: %s", p, l.kind, l.ref, tg.problem)
					continue
				}
				if tg.external {
					continue
				}
				checked++
				if p == "404.html" && !strings.HasPrefix(l.ref, "/") && !strings.HasPrefix(l.ref, "#") && !strings.Contains(l.ref, "://") {
					t.Errorf("404.html: %s %q is relative, so it breaks at other depths", l.kind, l.ref)
				}
				if tg.fragment == "" || !strings.HasSuffix(tg.file, ".html") {
					continue
				}
				if s.page(t, tg.file).ids()[tg.fragment] == 0 {
					t.Errorf("%s: %s %q: %s has no id %q", p, l.kind, l.ref, tg.file, tg.fragment)
				}
			}
		}
		if checked < 100 {
			t.Errorf("only %d internal links checked", checked)
		}
		// The sitemap, the feed and robots.txt point into the site too.
		for _, name := range []string{"sitemap.xml", "feed.xml"} {
			var refs []string
			if name == "sitemap.xml" {
				refs = sitemapURLs(t, s.files[name])
			} else {
				refs = feedURLs(t, s.files[name])
			}
			if len(refs) == 0 {
				t.Errorf("%s lists nothing", name)
			}
			for _, ref := range refs {
				if !strings.HasPrefix(ref, s.abs("/")) {
					t.Errorf("%s: %q is not an absolute URL under %s", name, ref, s.abs("/"))
				}
				if tg := s.resolve(name, ref); tg.problem != "" || tg.external {
					t.Errorf("%s: %q does not resolve: %s", name, ref, tg.problem)
				}
			}
		}
	})
}

func TestSamePageFragments(t *testing.T) {
	eachBase(t, func(t *testing.T, s *site, m *content.Site) {
		n := 0
		for _, p := range s.htmlPages() {
			ids := s.page(t, p).ids()
			for _, a := range s.page(t, p).find("a") {
				href := attrOf(a, "href")
				if !strings.HasPrefix(href, "#") {
					continue
				}
				n++
				if ids[strings.TrimPrefix(href, "#")] == 0 {
					t.Errorf("%s: link %q has no matching id", p, href)
				}
			}
		}
		if n == 0 {
			t.Error("no same-page fragment links found to check")
		}
	})
}

func TestIDsAreUnique(t *testing.T) {
	eachBase(t, func(t *testing.T, s *site, m *content.Site) {
		for _, p := range s.htmlPages() {
			for id, n := range s.page(t, p).ids() {
				if n > 1 {
					t.Errorf("%s: id %q is used %d times", p, id, n)
				}
			}
		}
	})
}

func TestOneH1PerPage(t *testing.T) {
	eachBase(t, func(t *testing.T, s *site, m *content.Site) {
		for _, p := range s.htmlPages() {
			if h := s.page(t, p).find("h1"); len(h) != 1 {
				t.Errorf("%s has %d h1 elements, want 1", p, len(h))
			}
		}
		for _, r := range published(m) {
			if h := s.page(t, roleFile(r.Slug)).find("h1"); len(h) == 1 && textOf(h[0]) != r.Title {
				t.Errorf("%s: h1 %q, want the role title %q", r.Slug, textOf(h[0]), r.Title)
			}
		}
	})
}

func TestLang(t *testing.T) {
	eachBase(t, func(t *testing.T, s *site, m *content.Site) {
		sawOwn := false
		for _, r := range published(m) {
			want := r.Language
			if r.Language != m.Config.Language {
				sawOwn = true
			}
			for _, f := range []string{roleFile(r.Slug), questionsFile(r.Slug)} {
				if got := s.page(t, f).lang(); got != want {
					t.Errorf("%s: lang %q, want %q", f, got, want)
				}
			}
		}
		if !sawOwn {
			t.Error("no role in the example sets its own language")
		}
		for _, f := range []string{"index.html", "404.html", "company/growth/index.html"} {
			if got := s.page(t, f).lang(); got != m.Config.Language {
				t.Errorf("%s: lang %q, want the site's %q", f, got, m.Config.Language)
			}
		}
	})
}

// jobPostings returns every JSON-LD object of type JobPosting on a page;
// JSON-LD that does not parse fails the test.
func jobPostings(t *testing.T, pg *page) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, sc := range pg.find("script", "type", "application/ld+json") {
		raw := ""
		for c := sc.FirstChild; c != nil; c = c.NextSibling {
			raw += c.Data
		}
		var v any
		if err := json.Unmarshal([]byte(raw), &v); err != nil {
			t.Errorf("%s: JSON-LD does not parse: %v\n%s", pg.path, err, raw)
			continue
		}
		objs, ok := v.([]any)
		if !ok {
			objs = []any{v}
		}
		for _, o := range objs {
			if m, ok := o.(map[string]any); ok && m["@type"] == "JobPosting" {
				out = append(out, m)
			}
		}
	}
	return out
}

// get walks a JSON value by keys; a list is read at its first element.
func get(v any, keys ...string) any {
	for _, k := range keys {
		if l, ok := v.([]any); ok && len(l) > 0 {
			v = l[0]
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func isClosedAt(r *content.Role, day content.Date) bool {
	return r.Status == "closed" || (!r.Closes.IsZero() && r.Closes.Before(day))
}

func TestJobPosting(t *testing.T) {
	eachBase(t, func(t *testing.T, s *site, m *content.Site) {
		loc, err := time.LoadLocation(m.Config.Timezone)
		if err != nil {
			t.Fatal(err)
		}
		modes := map[string]bool{}
		for _, r := range published(m) {
			pg := s.page(t, roleFile(r.Slug))
			jps := jobPostings(t, pg)
			if isClosedAt(r, clock) {
				if len(jps) != 0 {
					t.Errorf("%s is closed but carries JobPosting markup", r.Slug)
				}
				continue
			}
			if len(jps) != 1 {
				t.Errorf("%s: %d JobPostings, want 1", r.Slug, len(jps))
				continue
			}
			jp := jps[0]
			modes[r.WorkMode] = true
			checkJobPosting(t, r, jp, m, loc, s)
			if h := pg.find("h1"); len(h) != 1 || textOf(h[0]) != jp["title"] {
				t.Errorf("%s: JobPosting title %q is not the page's h1", r.Slug, jp["title"])
			}
		}
		for _, mode := range []string{"remote", "hybrid", "onsite"} {
			if !modes[mode] {
				t.Errorf("no open %s role in the example to check", mode)
			}
		}
		// One posting per page: primers, portal, company and team pages carry none.
		for _, p := range s.htmlPages() {
			if strings.HasPrefix(p, "roles/") && strings.Count(p, "/") == 2 {
				continue // role pages and aliases, checked above
			}
			if jps := jobPostings(t, s.page(t, p)); len(jps) > 0 {
				t.Errorf("%s carries %d JobPostings", p, len(jps))
			}
		}
	})
}

func checkJobPosting(t *testing.T, r *content.Role, jp map[string]any, m *content.Site, loc *time.Location, s *site) {
	t.Helper()
	errorf := func(format string, args ...any) { t.Errorf(r.Slug+": "+format, args...) }
	if jp["title"] != r.Title {
		errorf("title %v, want %q", jp["title"], r.Title)
	}
	if d, _ := jp["description"].(string); strings.TrimSpace(d) == "" {
		errorf("no description")
	} else if strings.Contains(d, ` href="/`) || strings.Contains(d, ` src="/`) {
		errorf("the description links within the site by path, which means nothing away from it: %s", d)
	}
	if d, _ := jp["datePosted"].(string); !strings.HasPrefix(d, r.Posted.String()) || r.Posted.IsZero() {
		errorf("datePosted %v, want %s", jp["datePosted"], r.Posted)
	}
	if r.Closes.IsZero() {
		if _, ok := jp["validThrough"]; ok {
			errorf("validThrough without a closes date")
		}
	} else {
		vt, _ := jp["validThrough"].(string)
		when, err := time.Parse(time.RFC3339, vt)
		if err != nil {
			errorf("validThrough %q: %v", vt, err)
		} else if local := when.In(loc); local.Format("2006-01-02") != r.Closes.String() || local.Hour() != 23 {
			errorf("validThrough %s is not the end of %s in %s", vt, r.Closes, loc)
		}
	}
	if jp["employmentType"] != r.EmploymentType {
		errorf("employmentType %v, want %s", jp["employmentType"], r.EmploymentType)
	}
	if get(jp, "hiringOrganization", "name") != m.Config.Company.Name {
		errorf("hiringOrganization.name %v", get(jp, "hiringOrganization", "name"))
	}
	switch id := jp["identifier"].(type) {
	case string:
		if id == "" {
			errorf("empty identifier")
		}
	case map[string]any:
		if v := fmt.Sprint(id["value"]); v == "" || v == "<nil>" {
			errorf("identifier without a value: %v", id)
		}
	default:
		errorf("identifier %v", jp["identifier"])
	}
	if d, ok := jp["directApply"].(bool); !ok || d != strings.HasPrefix(r.Apply, "http") { // an email is not a direct apply
		errorf("directApply %v", jp["directApply"])
	}
	if u, _ := jp["url"].(string); u != "" && u != s.abs("/roles/"+r.Slug+"/") {
		errorf("url %q, want %q", u, s.abs("/roles/"+r.Slug+"/"))
	}
	if r.Salary != nil {
		if get(jp, "baseSalary", "currency") != r.Salary.Currency {
			errorf("baseSalary.currency %v", get(jp, "baseSalary", "currency"))
		}
		if get(jp, "baseSalary", "value", "minValue") != r.Salary.Min || get(jp, "baseSalary", "value", "maxValue") != r.Salary.Max {
			errorf("baseSalary value %v", get(jp, "baseSalary", "value"))
		}
		if get(jp, "baseSalary", "value", "unitText") != r.Salary.Period {
			errorf("baseSalary unitText %v", get(jp, "baseSalary", "value", "unitText"))
		}
	} else if _, ok := jp["baseSalary"]; ok {
		errorf("baseSalary without a salary")
	}
	switch r.WorkMode {
	case "remote":
		if jp["jobLocationType"] != "TELECOMMUTE" {
			errorf("remote role: jobLocationType %v", jp["jobLocationType"])
		}
		reqs, _ := jp["applicantLocationRequirements"].([]any)
		var names []string
		for _, q := range reqs {
			if get(q, "@type") != "Country" {
				errorf("applicantLocationRequirements entry %v is not a Country", q)
			}
			names = append(names, fmt.Sprint(get(q, "name")))
		}
		if want := strings.Join(r.ApplicantCountries, ","); strings.Join(names, ",") != want || want == "" {
			errorf("applicantLocationRequirements %v, want %v", names, r.ApplicantCountries)
		}
	default:
		if got := get(jp, "jobLocation", "address", "addressCountry"); got != r.Country || r.Country == "" {
			errorf("%s role: jobLocation.address.addressCountry %v, want %q", r.WorkMode, got, r.Country)
		}
		if _, ok := jp["jobLocationType"]; ok {
			errorf("%s role has jobLocationType %v", r.WorkMode, jp["jobLocationType"])
		}
	}
}

// containsMarker lists the files holding text.
func (s *site) containsMarker(text string) []string {
	var out []string
	for _, p := range s.paths {
		if bytes.Contains(s.files[p], []byte(text)) {
			out = append(out, p)
		}
	}
	return out
}

const internalMarker = "INTERNAL-ONLY"

func TestInternalNeverOnCandidatePages(t *testing.T) {
	eachBase(t, func(t *testing.T, s *site, m *content.Site) {
		for _, r := range m.Roles {
			if !strings.Contains(fmt.Sprint(r.Internal), internalMarker) {
				t.Fatalf("%s: the example's internal notes lack the marker %s", r.Slug, internalMarker)
			}
		}
		// The example seals its guides, so the notes appear nowhere in
		// plain text.
		if m.Config.Guides.Protect != content.ProtectPassphrase {
			t.Fatalf("the example publishes guides with protect: %s", m.Config.Guides.Protect)
		}
		for _, p := range s.containsMarker(internalMarker) {
			t.Errorf("%s shows internal notes", p)
		}
		for _, ref := range append(sitemapURLs(t, s.files["sitemap.xml"]), feedURLs(t, s.files["feed.xml"])...) {
			if strings.Contains(ref, "/guides/") {
				t.Errorf("the sitemap or feed lists the team page %s", ref)
			}
		}
		teamPages := 0
		for _, p := range s.htmlPages() {
			if s.audience[p] != pages.Team {
				continue
			}
			teamPages++
			if !strings.HasPrefix(p, "guides/") {
				t.Errorf("team page %s is outside guides/", p)
			}
			if !noIndex(s.page(t, p)) {
				t.Errorf("team page %s has no robots noindex", p)
			}
		}
		if teamPages == 0 {
			t.Errorf("no team pages built")
		}
	})
}

func noIndex(pg *page) bool {
	for _, meta := range pg.find("meta", "name", "robots") {
		if strings.Contains(attrOf(meta, "content"), "noindex") {
			return true
		}
	}
	return false
}

var protectSetting = regexp.MustCompile(`(?m)^  protect: \w+$`)

func TestInternalNotesByGuideSetting(t *testing.T) {
	tests := []struct {
		protect string
		guides  bool // team pages are built
		plain   bool // and hold internal notes in plain text
	}{
		{"passphrase", true, false},
		{"omit", false, false},
		{"none", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.protect, func(t *testing.T) {
			fsys := exampleFS(t, func(siteYAML string) string {
				if !protectSetting.MatchString(siteYAML) {
					t.Fatalf("site.yaml sets no guides.protect")
				}
				return protectSetting.ReplaceAllString(siteYAML, "  protect: "+tt.protect)
			})
			opts := generator.Options{ContentFS: fsys, Clock: clock, Drafts: true, Passphrase: testPassphrase, GuideIterations: 1000}
			s := build(t, opts)
			team := 0
			for _, p := range s.paths {
				if s.audience[p] == pages.Team || strings.HasPrefix(p, "guides/") {
					team++
				}
				if bytes.Contains(s.files[p], []byte(internalMarker)) && (!tt.plain || s.audience[p] != pages.Team) {
					t.Errorf("%s shows internal notes", p)
				}
			}
			if (team > 0) != tt.guides {
				t.Errorf("%d team files built; want team pages %v", team, tt.guides)
			}
			if tt.plain && len(s.containsMarker(internalMarker)) == 0 {
				t.Errorf("plain guides show no internal notes at all")
			}
		})
	}
}

// listedOn reports whether a page links to url.
func listedOn(t *testing.T, s *site, p, url string) bool {
	for _, a := range s.page(t, p).find("a") {
		if attrOf(a, "href") == url {
			return true
		}
	}
	return false
}

// portalPages are the portal index and its further pages.
func (s *site) portalPages() []string {
	out := []string{"index.html"}
	for i := 2; ; i++ {
		p := fmt.Sprintf("page/%d/index.html", i)
		if _, ok := s.files[p]; !ok {
			return out
		}
		out = append(out, p)
	}
}

func TestClosedRoles(t *testing.T) {
	tests := []struct {
		clock  content.Date
		slug   string
		closed bool
	}{
		{clock, "senior-software-engineer-bank-feeds", true}, // status: closed
		{clock, "year-end-support-specialist", true},         // closes: 2026-11-20
		{clock, "customer-support-lead", false},
		{content.Date{Year: 2026, Month: 11, Day: 15}, "year-end-support-specialist", false},
		{content.Date{Year: 2026, Month: 11, Day: 20}, "year-end-support-specialist", false}, // open through its last day
		{content.Date{Year: 2026, Month: 11, Day: 21}, "year-end-support-specialist", true},
		{content.Date{Year: 2026, Month: 11, Day: 15}, "senior-software-engineer-bank-feeds", true},
	}
	for _, b := range bases {
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/%s/%s", b.name, tt.clock, tt.slug), func(t *testing.T) {
				opts := exampleOpts(b.baseURL)
				opts.Clock = tt.clock
				s := build(t, opts)
				m := loadModel(t, opts)
				var r *content.Role
				for _, x := range m.Roles {
					if x.Slug == tt.slug {
						r = x
					}
				}
				if r == nil {
					t.Fatalf("no role %s in the example", tt.slug)
				}
				roleURL := s.url("/roles/" + tt.slug + "/")
				pg := s.page(t, roleFile(tt.slug)) // a closed role keeps its pages
				if _, ok := s.files[questionsFile(tt.slug)]; !ok {
					t.Errorf("no questions page")
				}
				notices := pg.all(func(n *html.Node) bool {
					return attrOf(n, "role") == "status" || strings.Contains(" "+attrOf(n, "class")+" ", " notice ")
				})
				var notice *html.Node
				for _, n := range notices {
					if strings.Contains(strings.ToLower(textOf(n)), "closed") {
						notice = n
					}
				}
				listed := 0
				for _, p := range s.portalPages() {
					if listedOn(t, s, p, roleURL) {
						listed++
					}
				}
				team := "teams/" + content.Slugify(r.Team) + "/index.html"
				onTeamPage := s.files[team] != nil && listedOn(t, s, team, roleURL)
				inSitemap := false
				for _, u := range sitemapURLs(t, s.files["sitemap.xml"]) {
					inSitemap = inSitemap || u == s.abs("/roles/"+tt.slug+"/")
				}
				inFeed := false
				for _, u := range feedURLs(t, s.files["feed.xml"]) {
					inFeed = inFeed || u == s.abs("/roles/"+tt.slug+"/")
				}
				applyLink := r.Apply != "" && listedOn(t, s, roleFile(tt.slug), r.Apply)
				postings := len(jobPostings(t, pg))
				if tt.closed {
					if notice == nil {
						t.Fatalf("no notice saying the role is closed")
					}
					toPortal := false
					for _, a := range (&page{doc: notice}).find("a") {
						toPortal = toPortal || attrOf(a, "href") == s.basePath
					}
					if !toPortal {
						t.Errorf("the closed notice does not link to the open roles at %s", s.basePath)
					}
					if listed != 0 || onTeamPage || inSitemap || inFeed || applyLink || postings != 0 {
						t.Errorf("closed role: listed on %d portal pages, team page %v, sitemap %v, feed %v, apply link %v, %d JobPostings",
							listed, onTeamPage, inSitemap, inFeed, applyLink, postings)
					}
					return
				}
				if notice != nil {
					t.Errorf("an open role says it is closed: %q", textOf(notice))
				}
				if listed != 1 || !onTeamPage || !inSitemap || !inFeed || !applyLink || postings != 1 {
					t.Errorf("open role: listed on %d portal pages, team page %v, sitemap %v, feed %v, apply link %v, %d JobPostings",
						listed, onTeamPage, inSitemap, inFeed, applyLink, postings)
				}
			})
		}
	}
}

func TestDrafts(t *testing.T) {
	const draft = "data-analyst-intern"
	for _, b := range bases {
		t.Run(b.name, func(t *testing.T) {
			opts := exampleOpts(b.baseURL)
			m := loadModel(t, opts)
			found := false
			for _, r := range m.Roles {
				found = found || (r.Slug == draft && r.Status == "draft")
			}
			if !found {
				t.Fatalf("the example has no draft role %s", draft)
			}
			s := build(t, opts)
			for _, p := range s.paths {
				if strings.Contains(p, draft) {
					t.Errorf("draft built without Drafts: %s", p)
				}
			}
			for _, p := range s.htmlPages() {
				for _, l := range s.links(t, p) {
					if strings.Contains(l.ref, draft) {
						t.Errorf("%s links to the draft: %s", p, l.ref)
					}
				}
			}
			for _, name := range []string{"sitemap.xml", "feed.xml"} {
				if bytes.Contains(s.files[name], []byte(draft)) {
					t.Errorf("%s names the draft", name)
				}
			}

			opts.Drafts = true
			s = build(t, opts)
			pg := s.page(t, roleFile(draft))
			if _, ok := s.files[questionsFile(draft)]; !ok {
				t.Errorf("no questions page for the draft")
			}
			if !noIndex(pg) {
				t.Errorf("a draft preview can be indexed")
			}
			if n := len(jobPostings(t, pg)); n != 0 {
				t.Errorf("a draft carries %d JobPostings", n)
			}
			for _, name := range []string{"sitemap.xml", "feed.xml"} {
				if bytes.Contains(s.files[name], []byte(draft)) {
					t.Errorf("%s names the draft", name)
				}
			}
		})
	}
}

func TestAliases(t *testing.T) {
	eachBase(t, func(t *testing.T, s *site, m *content.Site) {
		n := 0
		for _, r := range published(m) {
			for _, a := range r.Aliases {
				n++
				f := aliasFile(a)
				pg := s.page(t, f)
				to, ok := pg.refresh()
				if !ok {
					t.Errorf("%s: no meta refresh", f)
					continue
				}
				if want := s.url("/roles/" + r.Slug + "/"); to != want {
					t.Errorf("%s redirects to %q, want %q", f, to, want)
				}
				for _, l := range pg.find("link", "rel", "canonical") {
					if href := attrOf(l, "href"); href != s.abs("/roles/"+r.Slug+"/") {
						t.Errorf("%s: canonical %q, want the role page", f, href)
					}
				}
				if !listedOn(t, s, f, s.url("/roles/"+r.Slug+"/")) {
					t.Errorf("%s has no plain link to the role for browsers that ignore refresh", f)
				}
			}
		}
		if n < 2 {
			t.Errorf("only %d aliases in the example", n)
		}
	})
}

func TestReproducible(t *testing.T) {
	for _, b := range bases {
		t.Run(b.name, func(t *testing.T) {
			opts := exampleOpts(b.baseURL)
			opts.Drafts = true
			var two [2]*site
			for i := range two {
				res, err := generator.Build(context.Background(), opts)
				if err != nil {
					t.Fatal(err)
				}
				two[i] = newSite(t, res, opts)
			}
			a, c := two[0], two[1]
			if strings.Join(a.paths, "\n") != strings.Join(c.paths, "\n") {
				t.Fatalf("two builds made different files")
			}
			for _, p := range a.paths {
				if !bytes.Equal(a.files[p], c.files[p]) {
					t.Errorf("%s differs between two builds", p)
				}
			}
		})
	}
}

func TestCanonicalAndOpenGraph(t *testing.T) {
	eachBase(t, func(t *testing.T, s *site, m *content.Site) {
		for _, r := range published(m) {
			pg := s.page(t, roleFile(r.Slug))
			want := s.abs("/roles/" + r.Slug + "/")
			var canon, ogURL, ogTitle, card string
			for _, l := range pg.find("link", "rel", "canonical") {
				canon = attrOf(l, "href")
			}
			for _, meta := range pg.find("meta") {
				switch attrOf(meta, "property") {
				case "og:url":
					ogURL = attrOf(meta, "content")
				case "og:title":
					ogTitle = attrOf(meta, "content")
				}
				if attrOf(meta, "name") == "twitter:card" {
					card = attrOf(meta, "content")
				}
			}
			if card == "" {
				t.Errorf("%s: no twitter:card", r.Slug)
			}
			if canon != want || ogURL != want || ogTitle != r.Title {
				t.Errorf("%s: canonical %q, og:url %q, og:title %q; want %q and %q", r.Slug, canon, ogURL, ogTitle, want, r.Title)
			}
		}
	})
}

func TestNoJavaScriptOnCandidatePages(t *testing.T) {
	eachBase(t, func(t *testing.T, s *site, m *content.Site) {
		for _, p := range s.htmlPages() {
			if s.audience[p] == pages.Team {
				continue
			}
			for _, sc := range s.page(t, p).find("script") {
				if typ := attrOf(sc, "type"); typ != "application/ld+json" {
					t.Errorf("%s has a script of type %q", p, typ)
				}
			}
			for _, n := range s.page(t, p).all(func(*html.Node) bool { return true }) {
				for _, a := range n.Attr {
					if strings.HasPrefix(a.Key, "on") || strings.HasPrefix(strings.TrimSpace(strings.ToLower(a.Val)), "javascript:") {
						t.Errorf("%s: <%s %s=%q>", p, n.Data, a.Key, a.Val)
					}
				}
			}
		}
	})
}

// A role closes at the end of its closes day in the site's time zone
// (the example's is America/Chicago, six hours behind UTC in November).
func TestClosesInSiteTimeZone(t *testing.T) {
	const slug = "year-end-support-specialist" // closes: 2026-11-20
	tests := []struct {
		name     string
		timezone string // replaces the example's; empty keeps it
		now      time.Time
		open     bool
	}{
		{"Chicago, evening of the last day", "", time.Date(2026, 11, 21, 3, 0, 0, 0, time.UTC), true},
		{"Chicago, a minute before midnight", "", time.Date(2026, 11, 21, 5, 59, 0, 0, time.UTC), true},
		{"Chicago, just after midnight", "", time.Date(2026, 11, 21, 6, 0, 1, 0, time.UTC), false},
		{"UTC, the same instant as the evening in Chicago", "UTC", time.Date(2026, 11, 21, 3, 0, 0, 0, time.UTC), false},
		{"Tokyo, still the 20th in UTC", "Asia/Tokyo", time.Date(2026, 11, 20, 16, 0, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := exampleFS(t, func(siteYAML string) string {
				if tt.timezone == "" {
					return siteYAML
				}
				return regexp.MustCompile(`(?m)^timezone: .*$`).ReplaceAllString(siteYAML, "timezone: "+tt.timezone)
			})
			now := tt.now
			opts := generator.Options{ContentFS: fsys, Now: func() time.Time { return now }, Passphrase: testPassphrase, GuideIterations: 1000}
			s := build(t, opts)
			if m := loadModel(t, opts); tt.timezone != "" && m.Config.Timezone != tt.timezone {
				t.Fatalf("timezone %q not set", tt.timezone)
			}
			open := listedOn(t, s, "index.html", s.url("/roles/"+slug+"/")) && len(jobPostings(t, s.page(t, roleFile(slug)))) == 1
			if open != tt.open {
				t.Errorf("at %s the role is open = %v, want %v", tt.now, open, tt.open)
			}
		})
	}
}

// A base URL given without its final slash still puts every link under
// its path.
func TestBaseURLWithoutSlash(t *testing.T) {
	s := build(t, exampleOpts("https://example.org/jobs"))
	if s.basePath != "/jobs/" {
		t.Fatalf("base path %q", s.basePath)
	}
	n := 0
	for _, p := range s.htmlPages() {
		for _, l := range s.links(t, p) {
			tg := s.resolve(p, l.ref)
			if tg.problem != "" {
				t.Errorf("%s: %s %q: %s", p, l.kind, l.ref, tg.problem)
			}
			if !tg.external {
				n++
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d internal links", n)
	}
}

// The example site is valid content: check finds no errors in it.
func TestExampleChecksClean(t *testing.T) {
	_, diags := generator.Check(exampleOpts(""))
	if diags.HasErrors() {
		t.Errorf("the example has errors:\n%v", diags.Errors())
	}
}

// Google for Jobs wants what the JSON-LD says to be on the page too; and
// every role page carries the equal-opportunity statement and how to ask
// for accommodations.
func TestRolePageShowsItsFacts(t *testing.T) {
	eachBase(t, func(t *testing.T, s *site, m *content.Site) {
		eo := strings.Join(strings.Fields(m.Config.EqualOpportunity), " ")
		if eo == "" || m.Config.Accommodations == "" {
			t.Fatal("the example sets no equal_opportunity or accommodations")
		}
		for _, r := range published(m) {
			pg := s.page(t, roleFile(r.Slug))
			text := textOf(pg.doc)
			if !strings.Contains(text, eo) {
				t.Errorf("%s: no equal-opportunity statement", r.Slug)
			}
			if !listedOn(t, s, roleFile(r.Slug), m.Config.Accommodations) {
				t.Errorf("%s: no link to ask for accommodations (%s)", r.Slug, m.Config.Accommodations)
			}
			if r.Salary != nil {
				for _, v := range []float64{r.Salary.Min, r.Salary.Max} {
					plain := fmt.Sprintf("%.0f", v)
					grouped := groupThousands(plain)
					if !strings.Contains(text, plain) && !strings.Contains(text, grouped) {
						t.Errorf("%s: salary %s is not on the page", r.Slug, grouped)
					}
				}
				if !strings.Contains(text, r.Salary.Currency) {
					t.Errorf("%s: currency %s is not on the page", r.Slug, r.Salary.Currency)
				}
			}
			dates := map[string]bool{}
			for _, tm := range pg.find("time") {
				dates[attrOf(tm, "datetime")] = true
			}
			days := []content.Date{r.Posted, r.Closes}
			if r.Status == "closed" && r.Closes.String() > clock.String() {
				days = days[:1] // closed before its closing day, which the page does not show
			}
			for _, d := range days {
				if !d.IsZero() && !dates[d.String()] {
					t.Errorf("%s: no <time datetime=%q>", r.Slug, d)
				}
			}
		}
	})
}

func groupThousands(digits string) string {
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// facts maps each term of a role page's facts list to its description.
func facts(t *testing.T, pg *page) map[string]*html.Node {
	t.Helper()
	dls := pg.find("dl", "class", "facts")
	if len(dls) != 1 {
		t.Fatalf("%s: %d facts lists, want 1", pg.path, len(dls))
	}
	out := map[string]*html.Node{}
	for _, dt := range within(dls[0], "dt") {
		for dd := dt.NextSibling; dd != nil; dd = dd.NextSibling {
			if dd.Type == html.ElementNode && dd.Data == "dd" {
				out[textOf(dt)] = dd
				break
			}
		}
	}
	return out
}

// A role closed by status before its closing day says it is closed, and
// shows no date in the facts that is still to come as the day it closed;
// a role closed by its date shows that date.
func TestClosedRoleShowsNoFutureDate(t *testing.T) {
	eachBase(t, func(t *testing.T, s *site, m *content.Site) {
		early, late := 0, 0
		for _, r := range published(m) {
			f := facts(t, s.page(t, roleFile(r.Slug)))
			byStatus := r.Status == "closed" && !r.Closes.IsZero() && r.Closes.String() > clock.String()
			byDate := !r.Closes.IsZero() && r.Closes.String() < clock.String()
			var shown []string
			for term, dd := range f {
				if strings.Contains(term, "Closed") || strings.Contains(textOf(dd), "Closed") {
					shown = append(shown, term+": "+textOf(dd))
				}
			}
			switch {
			case byStatus:
				early++
				if len(shown) == 0 {
					t.Errorf("%s: the facts do not say the role is closed", r.Slug)
				}
				for term, dd := range f {
					for _, tm := range within(dd, "time") {
						if d := attrOf(tm, "datetime"); d > clock.String() {
							t.Errorf("%s: the closed role shows the future date %s under %q", r.Slug, d, term)
						}
					}
				}
			case byDate:
				late++
				dd := f["Closed"]
				if dd == nil || len(within(dd, "time")) != 1 || attrOf(within(dd, "time")[0], "datetime") != r.Closes.String() {
					t.Errorf("%s: closed on %s, but the facts show %v", r.Slug, r.Closes, shown)
				}
			default:
				if len(shown) > 0 {
					t.Errorf("%s: an open role's facts say %v", r.Slug, shown)
				}
			}
		}
		if early == 0 || late == 0 {
			t.Fatalf("the example needs a role closed by status before its date (has %d) and one closed by its date (has %d)", early, late)
		}
	})
}

// The facts count the interviews only: one conversation per interviewer
// who covers objectives and one per objective no one covers, each taking
// pages.ConversationMinutes (15 minutes an objective, plus the opening,
// the candidate's questions and the close). The reverse interview is
// optional, so it is mentioned apart, with its own minutes, and the loop
// lists only the interviews.
func TestInterviewsFactCountsTheLoop(t *testing.T) {
	eachBase(t, func(t *testing.T, s *site, m *content.Site) {
		count := regexp.MustCompile(`^(\d+) conversations?, about (\d+) minutes in all`)
		reverse := 0
		for _, r := range published(m) {
			pg := s.page(t, roleFile(r.Slug))
			ids := map[string]bool{}
			for _, k := range r.KPOs {
				ids[k.ID] = true
			}
			covered := map[string]bool{}
			talks, minutes := 0, 0
			for _, iv := range r.Interviewers {
				n := 0
				for _, c := range iv.Covers {
					if ids[c] {
						n++
						covered[c] = true
					}
				}
				if n > 0 {
					talks++
					minutes += pages.ConversationMinutes(n)
				}
			}
			for _, k := range r.KPOs {
				if !covered[k.ID] {
					talks++
					minutes += pages.ConversationMinutes(1)
				}
			}
			dd := facts(t, pg)["Interviews"]
			if dd == nil {
				t.Errorf("%s: no Interviews fact", r.Slug)
				continue
			}
			text := textOf(dd)
			got := count.FindStringSubmatch(text)
			if got == nil || got[1] != fmt.Sprint(talks) || got[2] != fmt.Sprint(minutes) {
				t.Errorf("%s: Interviews says %q; want %d conversations, about %d minutes", r.Slug, text, talks, minutes)
			}
			if r.ReverseInterview.IsOffered() {
				reverse++
				want := fmt.Sprintf("optional %d-minute reverse interview", r.ReverseInterview.Minutes)
				if !strings.Contains(text, want) {
					t.Errorf("%s: Interviews says %q; want it to mention an %s", r.Slug, text, want)
				}
			}
			if loops := pg.find("ol", "class", "loop"); len(loops) != 1 {
				t.Errorf("%s: %d interview loops", r.Slug, len(loops))
			} else if n := countChildren(loops[0], "li"); n != talks {
				t.Errorf("%s: the loop lists %d conversations; want the %d interviews", r.Slug, n, talks)
			}
		}
		if reverse == 0 {
			t.Fatal("no role of the example offers a reverse interview")
		}
	})
}

func countChildren(n *html.Node, name string) int {
	c := 0
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k.Type == html.ElementNode && k.Data == name {
			c++
		}
	}
	return c
}

// workModeWords are the words by which a location or label names a work
// mode.
var workModeWords = map[string]*regexp.Regexp{
	"remote": regexp.MustCompile(`(?i)\bremote\b`),
	"hybrid": regexp.MustCompile(`(?i)\bhybrid\b`),
	"onsite": regexp.MustCompile(`(?i)\b(on site|on-site|onsite)\b`),
}

// The role page's facts, its cards on the portal and its team page, and
// its guide say how the work is arranged once: a location that already
// names the work mode ("Remote, United States") is not preceded by the
// label, and one that does not keeps it.
func TestWorkModeNotSaidTwice(t *testing.T) {
	fsys := exampleFS(t, func(siteYAML string) string {
		return protectSetting.ReplaceAllString(siteYAML, "  protect: none")
	})
	fsys["roles/plain-location.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Payroll Specialist\nteam: Finance\nlocation: Chicago, IL\nwork_mode: hybrid\ncloses: 2027-01-31\nkpos:\n  - title: Run payroll for 300 people every two weeks without a late payment\n---\n")}
	opts := generator.Options{ContentFS: fsys, Clock: clock}
	s, m := build(t, opts), loadModel(t, opts)
	plain := false
	for _, r := range published(m) {
		if isClosedAt(r, clock) {
			continue
		}
		url := s.url("/roles/" + r.Slug + "/")
		said := map[string]string{}
		if dd := facts(t, s.page(t, roleFile(r.Slug)))["Work"]; dd != nil {
			said["role page"] = textOf(dd)
		}
		for _, p := range []string{"index.html", "teams/" + content.Slugify(r.Team) + "/index.html"} {
			for _, card := range s.page(t, p).find("li", "class", "card") {
				if len(within(card, "a")) > 0 && attrOf(within(card, "a")[0], "href") == url {
					for _, meta := range within(card, "p") {
						if attrOf(meta, "class") == "meta" {
							said[p] = textOf(meta)
						}
					}
				}
			}
		}
		for _, meta := range s.page(t, "guides/"+r.Slug+"/index.html").find("p", "class", "meta") {
			said["guide"] = textOf(meta)
			break
		}
		if len(said) != 4 {
			t.Errorf("%s: work arrangement found on %d pages, want 4: %v", r.Slug, len(said), said)
		}
		plain = plain || r.Slug == "plain-location"
		for where, text := range said {
			if n := len(workModeWords[r.WorkMode].FindAllString(text, -1)); n != 1 {
				t.Errorf("%s, %s: %q names the work mode %d times, want once", r.Slug, where, text, n)
			}
		}
	}
	if !plain {
		t.Fatal("the role whose location does not name its work mode is not published")
	}
}

// A team page whose roles are all closed says there are no open roles
// right now and links to all open roles, with no count of zero and no
// empty heading or list.
func TestTeamWithoutOpenRoles(t *testing.T) {
	eachBase(t, func(t *testing.T, s *site, m *content.Site) {
		open := map[string]int{}
		for _, r := range published(m) {
			if !isClosedAt(r, clock) {
				open[content.Slugify(r.Team)]++
			} else if _, ok := open[content.Slugify(r.Team)]; !ok {
				open[content.Slugify(r.Team)] = 0
			}
		}
		empty := 0
		for team, n := range open {
			if n > 0 {
				continue
			}
			empty++
			pg := s.page(t, "teams/"+team+"/index.html")
			mains := pg.find("main")
			if len(mains) != 1 {
				t.Fatalf("%s: %d main elements", pg.path, len(mains))
			}
			text := textOf(mains[0])
			if regexp.MustCompile(`\b0 open roles?\b`).MatchString(text) {
				t.Errorf("%s counts zero open roles: %q", pg.path, text)
			}
			if !strings.Contains(text, "no open roles") {
				t.Errorf("%s does not say there are no open roles: %q", pg.path, text)
			}
			for _, ul := range within(mains[0], "ul") {
				if len(within(ul, "li")) == 0 {
					t.Errorf("%s has an empty list (class %q)", pg.path, attrOf(ul, "class"))
				}
			}
			for _, sec := range within(mains[0], "section") {
				if strings.Contains(textOf(sec), "no open roles") || len(within(sec, "li")) == 0 {
					t.Errorf("%s has a section with nothing listed: %q", pg.path, textOf(sec))
				}
			}
			toPortal := false
			for _, a := range within(mains[0], "a") {
				toPortal = toPortal || attrOf(a, "href") == s.basePath
			}
			if !toPortal {
				t.Errorf("%s does not link to all open roles at %s", pg.path, s.basePath)
			}
		}
		if empty == 0 {
			t.Fatal("no team of the example is without open roles")
		}
	})
}

// The on-site work mode does not promise the team around the candidate
// every day: a role on site may be on site some days only.
func TestOnSiteWorkModeClaimsNoDays(t *testing.T) {
	s := build(t, exampleOpts(""))
	m := loadModel(t, exampleOpts(""))
	days := regexp.MustCompile(`(?i)\b(every|each) (single )?(work)?day\b|\bdaily\b|\bfive days\b`)
	onsite := 0
	for _, r := range published(m) {
		if r.WorkMode != "onsite" {
			continue
		}
		onsite++
		pg := s.page(t, roleFile(r.Slug))
		sec := pg.all(func(n *html.Node) bool { return n.Data == "section" && attrOf(n, "aria-labelledby") == "arrangement" })
		if len(sec) != 1 {
			t.Fatalf("%s: %d sections on how the work is arranged", pg.path, len(sec))
		}
		ps := within(sec[0], "p")
		if len(ps) == 0 || !strings.HasPrefix(textOf(ps[0]), "On site.") {
			t.Fatalf("%s: the arrangement does not start with the work mode: %q", pg.path, texts(ps))
		}
		if days.MatchString(textOf(ps[0])) {
			t.Errorf("%s: the on-site text claims how often the person is on site: %q", pg.path, textOf(ps[0]))
		}
	}
	if onsite == 0 {
		t.Fatal("the example has no on-site role")
	}
}

// teamOnly are the fields and types that hold what only the hiring team
// may see, or lead to it: guide text, scorecards, internal notes, and the
// links to a role's guide and kits.
var (
	teamOnlyFields = map[string]bool{"GuideURL": true, "Kits": true, "Kit": true, "Internal": true, "Scorecard": true, "Score": true, "FeedbackDraft": true, "Probes": true}
	teamOnlyTypes  = map[reflect.Type]bool{
		reflect.TypeFor[pages.GuideView](): true, reflect.TypeFor[pages.GuidePage](): true, reflect.TypeFor[pages.GuideKPO](): true,
		reflect.TypeFor[pages.ScoreRow](): true, reflect.TypeFor[pages.Note](): true, reflect.TypeFor[pages.Conversation](): true,
	}
)

// The data candidate layouts receive has no field for team data, as the
// README says: walking every type a candidate page's data can reach finds
// no guide, kit, scorecard or internal-notes field.
func TestCandidateDataHasNoTeamFields(t *testing.T) {
	m := loadModel(t, exampleOpts(""))
	ps, diags := pages.Plan(m, pages.Options{Now: time.Date(clock.Year, time.Month(clock.Month), clock.Day, 12, 0, 0, 0, time.UTC)})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	seen := map[reflect.Type]bool{}
	var walk func(path string, ty reflect.Type)
	walk = func(path string, ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Array || ty.Kind() == reflect.Map {
			ty = ty.Elem()
		}
		if teamOnlyTypes[ty] {
			t.Errorf("%s is a %s, which holds team data", path, ty)
		}
		if ty.Kind() != reflect.Struct || seen[ty] {
			return
		}
		seen[ty] = true
		for f := range ty.Fields() {
			if !f.IsExported() {
				continue
			}
			if teamOnlyFields[f.Name] {
				t.Errorf("%s.%s (in %s) is a field for team data", path, f.Name, ty)
			}
			walk(path+"."+f.Name, f.Type)
		}
	}
	candidate, team := 0, 0
	for _, p := range ps {
		if p.Data == nil {
			continue
		}
		if p.Audience == pages.Team {
			team++
			continue
		}
		candidate++
		walk(p.Layout, reflect.TypeOf(p.Data))
	}
	if candidate == 0 || team == 0 {
		t.Fatalf("planned %d candidate and %d team pages; want both", candidate, team)
	}
}

// The primer's questions make sense read out loud and do not repeat
// themselves: a question about a promised person, resource or opportunity
// is worded for its kind; no objective's questions quote its title, which
// is their heading; no arena's words name the arena, which is their
// heading; no question or prompt appears twice on a page; and the primer
// claims nothing about what other candidates do.
func TestPrimerQuestionsReadWell(t *testing.T) {
	s, m := build(t, exampleOpts("")), loadModel(t, exampleOpts(""))
	quoted := regexp.MustCompile(`\x{201c}[^\x{201d}]*\x{201d}`)
	primers := 0
	for _, r := range published(m) {
		p := s.page(t, questionsFile(r.Slug))
		primers++
		sec := section(p, "promises")
		if sec == nil {
			t.Fatalf("%s: no section on the promises", p.path)
		}
		asked := texts(within(sec, "li"))
		d := r.Development
		if len(asked) != len(d.People)+len(d.Resources)+len(d.Opportunities) {
			t.Fatalf("%s: %d questions on %d promises", p.path, len(asked), len(d.People)+len(d.Resources)+len(d.Opportunities))
		}
		// The question without the item it quotes, by kind.
		kinds := map[string]map[string]bool{}
		for i, q := range asked {
			kind := "opportunities"
			if i < len(d.People) {
				kind = "people"
			} else if i < len(d.People)+len(d.Resources) {
				kind = "resources"
			}
			if kinds[kind] == nil {
				kinds[kind] = map[string]bool{}
			}
			kinds[kind][quoted.ReplaceAllString(q, "X")] = true
		}
		for kind, shapes := range kinds {
			for other, otherShapes := range kinds {
				for shape := range shapes {
					if kind < other && otherShapes[shape] {
						t.Errorf("%s: %s and %s are asked about the same way: %q", p.path, kind, other, shape)
					}
				}
			}
		}
		for _, k := range r.KPOs {
			sec := section(p, "q-"+k.ID)
			if sec == nil {
				t.Fatalf("%s: no questions for objective %s", p.path, k.ID)
			}
			for _, q := range texts(within(sec, "li")) {
				if strings.Contains(q, k.Title) {
					t.Errorf("%s: a question under the objective's heading quotes its title again: %q", p.path, q)
				}
			}
		}
		for _, a := range r.Development.Arenas() {
			sec := section(p, "arena-"+a.ID)
			if sec == nil {
				t.Fatalf("%s: no section for arena %s", p.path, a.ID)
			}
			name := strings.ToLower(textOf(within(sec, "h3")[0]))
			for _, q := range texts(within(sec, "li")) {
				if strings.Contains(strings.ToLower(q), name) {
					t.Errorf("%s: a line under %q names the arena again: %q", p.path, name, q)
				}
			}
		}
		seen := map[string]int{}
		for _, ul := range p.find("ul") {
			if c := attrOf(ul, "class"); c == "questions" || c == "prompts" {
				for _, q := range texts(within(ul, "li")) {
					seen[q]++
				}
			}
		}
		for q, n := range seen {
			if n > 1 {
				t.Errorf("%s: %q is on the page %d times", p.path, q, n)
			}
		}
		if main := p.find("main"); len(main) != 1 || strings.Contains(strings.ToLower(textOf(main[0])), "most candidates") {
			t.Errorf("%s claims what most candidates do", p.path)
		}
	}
	if primers == 0 {
		t.Fatal("no primer in the example")
	}
}

// The scorecard's note says when what is entered is erased as it really
// happens: at once with Erase, or, once the kept days have passed since
// the last change, the next time a guide or kit of the site is opened (a
// page's script cannot run while no page is open).
func TestScorecardNoteSaysWhenItIsErased(t *testing.T) {
	s, _ := plainGuides(t)
	notes := 0
	for _, p := range s.htmlPages() {
		if !strings.HasPrefix(p, "guides/") {
			continue
		}
		pg := s.page(t, p)
		for _, card := range pg.find("div", "id", "sc") {
			notes++
			days := attrOf(card, "data-days")
			note := pg.find("p", "id", "sc-note")
			if days == "" || len(note) != 1 {
				t.Fatalf("%s: a scorecard with data-days %q and %d notes", p, days, len(note))
			}
			text := textOf(note[0])
			if !strings.Contains(text, days+" days after your last change") || !strings.Contains(text, "Erase") ||
				!regexp.MustCompile(`next time a guide or kit .*is opened`).MatchString(text) {
				t.Errorf("%s: the note does not say the scorecard is erased with Erase, or when a guide or kit is next opened after %s days: %q", p, days, text)
			}
			if strings.Contains(text, "erased "+days+" days after") {
				t.Errorf("%s: the note promises erasure on a day no script runs: %q", p, text)
			}
		}
	}
	if notes == 0 {
		t.Fatal("no scorecard in the example's guides")
	}
}

// The role page says each thing once and reads as meant: the location is
// shown once (the facts at the top), the interview section says a
// conversation covers some of the objectives rather than all, and the
// hybrid text does not claim the team picks its office days, which a
// role may have fixed ("Tuesdays and Wednesdays").
func TestRolePageSaysItOnce(t *testing.T) {
	s, m := build(t, exampleOpts("")), loadModel(t, exampleOpts(""))
	picksDays := regexp.MustCompile(`(?i)\b(agree|choose|decide|pick)s? (on )?(which|the|its) days\b`)
	hybrid := 0
	for _, r := range published(m) {
		pg := s.page(t, roleFile(r.Slug))
		main := pg.find("main")[0]
		if r.Location != "" {
			if n := strings.Count(textOf(main), strings.Join(strings.Fields(r.Location), " ")); n != 1 {
				t.Errorf("%s: the location %q is on the page %d times; want once", pg.path, r.Location, n)
			}
		}
		sec := section(pg, "process")
		if sec == nil {
			t.Fatalf("%s: no interview section", pg.path)
		}
		if intro := textOf(within(sec, "p")[0]); !strings.Contains(intro, "one or more of the objectives above") {
			t.Errorf("%s: the interview section does not say each conversation covers some of the objectives: %q", pg.path, intro)
		}
		if r.WorkMode == "hybrid" {
			hybrid++
			if text := textOf(within(section(pg, "arrangement"), "p")[0]); picksDays.MatchString(text) {
				t.Errorf("%s: the hybrid text says the team picks its office days: %q", pg.path, text)
			}
		}
	}
	if hybrid == 0 {
		t.Fatal("the example has no hybrid role")
	}
}

// The guide quotes the feedback promise the role page makes to
// candidates, as a quotation: it is written to the candidate, and the
// guide is read by interviewers.
func TestGuideQuotesTheFeedbackPromise(t *testing.T) {
	s, m := plainGuides(t)
	for _, r := range published(m) {
		if r.Feedback.Promise == "" {
			continue
		}
		pg := s.page(t, "guides/"+r.Slug+"/index.html")
		text := textOf(section(pg, "feedback"))
		want := "The role page promises candidates: \u201c" + strings.Join(strings.Fields(r.Feedback.Promise), " ") + "\u201d"
		if !strings.Contains(text, want) {
			t.Errorf("%s does not quote the feedback promise as %q:\n%s", pg.path, want, text)
		}
	}
}

// The example's pages do not contradict each other: the company page on
// how it interviews promises written feedback, so every role promises
// feedback in writing; and the people the marketing role names as its
// closest colleagues, who work in product and sales enablement, are not
// said to be in marketing.
func TestExampleDoesNotContradictItself(t *testing.T) {
	s, m := build(t, exampleOpts("")), loadModel(t, exampleOpts(""))
	how := textOf(s.page(t, "company/how-we-interview/index.html").find("main")[0])
	if !strings.Contains(how, "in writing") {
		t.Fatalf("the company page no longer promises feedback in writing: %q", how)
	}
	writing := regexp.MustCompile(`(?i)\b(written|in writing)\b`)
	for _, r := range published(m) {
		if !writing.MatchString(r.Feedback.Promise) {
			t.Errorf("%s promises feedback %q, not in writing as the company page does", r.Slug, r.Feedback.Promise)
		}
	}
	pmm := textOf(s.page(t, roleFile("senior-product-marketing-manager")).find("main")[0])
	if strings.Contains(pmm, "anyone else in marketing") {
		t.Error("the marketing role says its product and sales enablement colleagues are in marketing")
	}
}

// Objectives without an outcome are each asked about in their own words
// (by their place on the page), so the primer repeats no line, and no
// line quotes an objective's title under its own heading.
func TestPrimerKPOsWithoutOutcomes(t *testing.T) {
	fsys := exampleFS(t, func(siteYAML string) string { return siteYAML })
	fsys["roles/no-outcomes.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Payroll Specialist\nteam: Finance\nlocation: Chicago, IL\ncloses: 2027-01-31\nkpos:\n" +
		"  - title: Run payroll for 300 people every two weeks without a late payment\n    timeframe: first 90 days\n" +
		"  - title: Move the payroll calendar into the shared finance system\n" +
		"  - title: Train a second person to run payroll\n    timeframe: by month 6\n---\n")}
	opts := generator.Options{ContentFS: fsys, Clock: clock, Passphrase: testPassphrase, GuideIterations: 1000}
	s, m := build(t, opts), loadModel(t, opts)
	var role *content.Role
	for _, r := range published(m) {
		if r.Slug == "no-outcomes" {
			role = r
		}
	}
	if role == nil {
		t.Fatal("the role without outcomes is not published")
	}
	p := s.page(t, questionsFile(role.Slug))
	seen := map[string]bool{}
	for _, q := range texts(p.find("li")) {
		if seen[q] {
			t.Errorf("%s asks twice: %q", p.path, q)
		}
		seen[q] = true
	}
	for i, k := range role.KPOs {
		sec := section(p, "q-"+k.ID)
		if sec == nil {
			t.Fatalf("%s: no questions for objective %s", p.path, k.ID)
		}
		asked := texts(within(sec, "li"))
		want := "The role page gives no measure of success for the " + []string{"first", "second", "third"}[i] + " objective. How will you judge whether it went well, and when will you look?"
		if len(asked) == 0 || asked[0] != want {
			t.Errorf("%s: objective %d is asked %q, want %q first", p.path, i+1, asked, want)
		}
		for _, q := range asked {
			if strings.Contains(q, k.Title) {
				t.Errorf("%s: a question under the objective's heading quotes its title again: %q", p.path, q)
			}
		}
	}
}
