package generator_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/content"
	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"
)

// exampleFS copies the example content into memory, passing site.yaml
// through edit.
func exampleFS(t *testing.T, edit func(siteYAML string) string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(exampleContent), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(os.DirFS(exampleContent), p)
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	fsys["site.yaml"].Data = []byte(edit(string(fsys["site.yaml"].Data)))
	return fsys
}

// txtarFS reads testdata/<name>.txtar as a content folder.
func txtarFS(t *testing.T, name string) fstest.MapFS {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("testdata", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// manyRoles is a site with n open roles spread over three teams, plus one
// closed role that must not count.
func manyRoles(n int) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.yaml":          {Data: []byte("title: Jobs\ncompany: {name: Big Co}\nbase_url: https://big.github.io/jobs/\nguides: {protect: omit}\n")},
		"roles/zz-closed.md": {Data: []byte("---\ntitle: Closed one\nstatus: closed\nteam: Alpha\nkpos: [{title: Ship}]\n---\n")},
	}
	teams := []string{"Alpha", "Beta", "Gamma"}
	for i := 0; i < n; i++ {
		fsys[fmt.Sprintf("roles/role-%03d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\ntitle: Role number %03d\nteam: %s\nkpos: [{title: Ship release %d}]\n---\nBody.\n", i, teams[i%3], i))}
	}
	return fsys
}

func TestPagination(t *testing.T) {
	tests := []struct {
		roles, pages int
	}{
		{1, 1}, {50, 1}, {51, 2}, {120, 3},
	}
	for _, b := range bases {
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/%d roles", b.name, tt.roles), func(t *testing.T) {
				opts := generator.Options{ContentFS: manyRoles(tt.roles), Clock: clock, BaseURL: b.baseURL}
				s := build(t, opts)
				got := s.portalPages()
				if len(got) != tt.pages {
					t.Fatalf("portal pages %v, want %d", got, tt.pages)
				}
				seen := map[string]int{} // role URL -> portal pages listing it
				for i, p := range got {
					pg := s.page(t, p)
					listedHere := map[string]bool{}
					for _, a := range pg.find("a") {
						href := attrOf(a, "href")
						if strings.HasPrefix(href, s.url("/roles/role-")) && strings.Count(href, "/") == strings.Count(s.url("/roles/x/"), "/") {
							listedHere[href] = true
						}
					}
					for u := range listedHere {
						seen[u]++
					}
					if len(listedHere) > 50 {
						t.Errorf("%s lists %d roles", p, len(listedHere))
					}
					prev, next := relLink(pg, "prev"), relLink(pg, "next")
					wantPrev, wantNext := "", ""
					if i == 1 {
						wantPrev = s.basePath
					} else if i > 1 {
						wantPrev = s.url(fmt.Sprintf("/page/%d/", i))
					}
					if i < len(got)-1 {
						wantNext = s.url(fmt.Sprintf("/page/%d/", i+2))
					}
					if prev != wantPrev || next != wantNext {
						t.Errorf("%s: prev %q next %q, want %q and %q", p, prev, next, wantPrev, wantNext)
					}
					if listedOn(t, s, p, s.url("/roles/zz-closed/")) {
						t.Errorf("%s lists the closed role", p)
					}
				}
				for i := 0; i < tt.roles; i++ {
					u := s.url(fmt.Sprintf("/roles/role-%03d/", i))
					if seen[u] != 1 {
						t.Errorf("%s is listed on %d portal pages, want 1", u, seen[u])
					}
				}
				if len(seen) != tt.roles {
					t.Errorf("portal lists %d roles, want %d", len(seen), tt.roles)
				}
				// Every link of every portal page resolves.
				for _, p := range got {
					for _, l := range s.links(t, p) {
						if tg := s.resolve(p, l.ref); tg.problem != "" {
							t.Errorf("%s: %s %q: %s", p, l.kind, l.ref, tg.problem)
						}
					}
				}
			})
		}
	}
}

// relLink is the href of the page's <a rel=...> link, or "".
func relLink(pg *page, rel string) string {
	for _, a := range pg.find("a") {
		for _, r := range strings.Fields(attrOf(a, "rel")) {
			if r == rel {
				return attrOf(a, "href")
			}
		}
	}
	return ""
}

// linksByText maps the text of each link inside a role's body to its href.
func linksByText(t *testing.T, pg *page) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, a := range pg.find("a") {
		if hasAncestor(a, tag("main")) {
			out[textOf(a)] = attrOf(a, "href")
		}
	}
	return out
}

func TestBodyLinksRewritten(t *testing.T) {
	for _, b := range []struct{ name, baseURL, path string }{
		{"subpath", "", "/jobs/"},
		{"root", "https://jobs.example.net/", "/"},
	} {
		t.Run(b.name, func(t *testing.T) {
			s := build(t, generator.Options{ContentFS: txtarFS(t, "links"), Clock: clock, BaseURL: b.baseURL})
			got := linksByText(t, s.page(t, roleFile("lead")))
			want := map[string]string{
				"the other role":   b.path + "roles/other/",
				"its pay":          b.path + "roles/other/#kpo-pay",
				"growth":           b.path + "company/growth/",
				"growth by file":   b.path + "company/growth/",
				"home":             b.path,
				"the feed":         b.path + "feed.xml",
				"the other primer": b.path + "roles/other/questions/",
				"elsewhere":        "https://example.org/x",
				"mail us":          "mailto:jobs@example.org",
				"back to the top":  "#about-the-team",
			}
			for text, href := range want {
				if got[text] != href {
					t.Errorf("link %q goes to %q, want %q", text, got[text], href)
				}
			}
			company := linksByText(t, s.page(t, "company/growth/index.html"))
			if company["the lead role"] != b.path+"roles/lead/" || company["all roles"] != b.path {
				t.Errorf("company page links: %v", company)
			}
			// Every link of the test site resolves, fragments included.
			for _, p := range s.htmlPages() {
				for _, l := range s.links(t, p) {
					tg := s.resolve(p, l.ref)
					if tg.problem != "" {
						t.Errorf("%s: %s %q: %s", p, l.kind, l.ref, tg.problem)
					} else if tg.fragment != "" && s.page(t, tg.file).ids()[tg.fragment] == 0 {
						t.Errorf("%s: %q: no id %q in %s", p, l.ref, tg.fragment, tg.file)
					}
				}
			}
		})
	}
}

// PRODUCT.md: "a link to another role's file (sre.md, roles/sre.md)
// becomes that role's page URL", from a role body and from a company page.
func TestRoleFileLinkWithFolder(t *testing.T) {
	fsys := txtarFS(t, "links")
	fsys["roles/third.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Third\nteam: Support\nkpos: [{title: Ship}]\n---\nSee [the lead by folder](roles/lead.md).\n")}
	fsys["company/folder.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Folder links\n---\nSee [the lead by folder](roles/lead.md).\n")}
	res, err := generator.Build(context.Background(), generator.Options{ContentFS: fsys, Clock: clock})
	if err != nil {
		t.Fatalf("a roles/<slug>.md link fails the build:\n%v", err)
	}
	s := newSite(t, res, generator.Options{ContentFS: fsys})
	for _, p := range []string{roleFile("third"), "company/folder/index.html"} {
		if got := linksByText(t, s.page(t, p))["the lead by folder"]; got != "/jobs/roles/lead/" {
			t.Errorf("%s: roles/lead.md became %q, want /jobs/roles/lead/", p, got)
		}
	}
}

func TestBodyHeadingsShifted(t *testing.T) {
	s := build(t, generator.Options{ContentFS: txtarFS(t, "links"), Clock: clock})
	for _, tt := range []struct {
		slug string
		want []string
	}{
		{"lead", []string{"h2 About the team", "h3 The work", "h4 Detail"}},
		{"other", []string{"h2 Already level two", "h3 Below it"}},
	} {
		pg := s.page(t, roleFile(tt.slug))
		if h1 := pg.find("h1"); len(h1) != 1 {
			t.Errorf("%s: %d h1 elements", tt.slug, len(h1))
		}
		// The body's headings, in order, as they come out of the page.
		var got []string
		for _, n := range pg.all(func(n *html.Node) bool {
			return len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6'
		}) {
			for _, w := range tt.want {
				if strings.HasSuffix(w, " "+textOf(n)) {
					got = append(got, n.Data+" "+textOf(n))
				}
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: body headings %q, want %q", tt.slug, got, tt.want)
		}
	}
	// GFM tables come through.
	if tables := s.page(t, roleFile("lead")).find("table"); len(tables) != 1 {
		t.Errorf("%d tables on the lead role page, want 1", len(tables))
	}
}

func TestBrokenLinksFailTheBuild(t *testing.T) {
	tests := []struct {
		name string
		body string // the body of roles/broken.md, whose front-matter is 6 lines
		line int    // file line of the broken link
		dest string // what the message names
	}{
		{"a site path that is not a page", "Intro.\n\nSee [nowhere](/roles/nope/).\n", 9, "/roles/nope/"},
		{"a role file that does not exist", "Intro.\nMore.\n\n- [gone](gone.md)\n", 10, "gone.md"},
		{"a folder role file that does not exist", "[gone](roles/gone.md)\n", 7, "gone.md"},
		{"a company file that does not exist", "Text\n\n[nope](../company/nope.md)\n", 9, "nope.md"},
		{"an asset that does not exist", "![chart](/assets/chart.png)\n", 7, "/assets/chart.png"},
		{"a team page that does not exist", "\n\n\n[team](/teams/nobody/)\n", 10, "/teams/nobody/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := txtarFS(t, "links")
			fsys["roles/broken.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Broken\nteam: Support\nkpos:\n  - title: Ship\n---\n" + tt.body)}
			out := filepath.Join(t.TempDir(), "public")
			res, err := generator.Build(context.Background(), generator.Options{ContentFS: fsys, Clock: clock, Out: out})
			if err == nil {
				t.Fatal("the build succeeded")
			}
			var diags content.Diagnostics
			if !errors.As(err, &diags) {
				t.Fatalf("error is not a list of diagnostics: %v", err)
			}
			found := false
			for _, d := range diags {
				if d.Pos.File == "roles/broken.md" && d.Pos.Line == tt.line && strings.Contains(d.Message, tt.dest) {
					found = true
				}
			}
			if !found {
				t.Errorf("no diagnostic at roles/broken.md:%d naming %s in:\n%v", tt.line, tt.dest, err)
			}
			if _, statErr := os.Stat(out); !errors.Is(statErr, os.ErrNotExist) {
				t.Errorf("a failed build wrote %s", out)
			}
			if res != nil && len(res.Files) > 0 {
				t.Errorf("a failed build returned %d files", len(res.Files))
			}
		})
	}
}

// An alias that would be served at the path of another page, file or
// alias fails the build, naming the alias.
func TestAliasCollisions(t *testing.T) {
	tests := []struct {
		name    string
		aliases string // the aliases of roles/al.md
		other   string // the aliases of roles/more.md
	}{
		{"a role page", `["/roles/other/"]`, ""},
		{"a role page without its slash", `["/roles/other"]`, ""},
		{"a primer", `["/roles/other/questions/"]`, ""},
		{"the portal", `["/"]`, ""},
		{"a company page", `["/company/growth/"]`, ""},
		{"a team page", `["/teams/support/"]`, ""},
		{"the feed", `["/feed.xml"]`, ""},
		{"the 404 page", `["/404.html"]`, ""},
		{"a theme asset", `["/assets/style.css"]`, ""},
		{"another role's alias", `["/old/"]`, `["/old/"]`},
		{"the same alias twice", `["/old/", "/old/"]`, ""},
		{"the guide index", `["/guides/"]`, ""},
		{"a guide", `["/guides/lead/"]`, ""},
		{"the .nojekyll file", `["/.nojekyll"]`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := txtarFS(t, "links")
			fsys["site.yaml"].Data = []byte("title: Jobs\ncompany: {name: Example Co}\nbase_url: https://example.github.io/jobs/\nguides: {protect: none}\n")
			fsys["roles/al.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Al\nteam: Support\nkpos: [{title: Ship}]\naliases: " + tt.aliases + "\n---\n")}
			if tt.other != "" {
				fsys["roles/more.md"] = &fstest.MapFile{Data: []byte("---\ntitle: More\nteam: Support\nkpos: [{title: Ship}]\naliases: " + tt.other + "\n---\n")}
			}
			res, err := generator.Build(context.Background(), generator.Options{ContentFS: fsys, Clock: clock})
			if err == nil {
				seen := map[string]bool{}
				for _, f := range res.Files {
					if seen[f.Path] {
						t.Errorf("%s is built twice", f.Path)
					}
					seen[f.Path] = true
				}
				t.Fatalf("an alias on %s does not fail the build", tt.name)
			}
			var diags content.Diagnostics
			if !errors.As(err, &diags) {
				t.Fatalf("error is not diagnostics: %v", err)
			}
			named := false
			for _, d := range diags {
				named = named || ((d.Pos.File == "roles/al.md" || d.Pos.File == "roles/more.md") && strings.HasPrefix(d.Key, "aliases["))
			}
			if !named {
				t.Errorf("no diagnostic names the alias key:\n%v", err)
			}
		})
	}
}

// PRODUCT.md: "every error in one run". A front-matter error in one file
// and a broken link in another come back from the same build.
func TestEveryErrorInOneBuild(t *testing.T) {
	fsys := txtarFS(t, "links")
	fsys["roles/typo.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Typo\nkpos: [{title: Ship}]\nwork_mod: remote\n---\n")}
	fsys["roles/link.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Link\nkpos: [{title: Ship}]\n---\n[x](/nowhere/)\n")}
	for _, run := range []struct {
		name  string
		diags func() content.Diagnostics
	}{
		{"build", func() content.Diagnostics {
			_, err := generator.Build(context.Background(), generator.Options{ContentFS: fsys, Clock: clock})
			var ds content.Diagnostics
			errors.As(err, &ds)
			return ds
		}},
		{"check", func() content.Diagnostics {
			_, ds := generator.Check(generator.Options{ContentFS: fsys, Clock: clock})
			return ds.Errors()
		}},
	} {
		t.Run(run.name, func(t *testing.T) {
			got := map[string]bool{}
			for _, d := range run.diags() {
				got[fmt.Sprintf("%s:%d", d.Pos.File, d.Pos.Line)] = true
			}
			for _, want := range []string{"roles/typo.md:4", "roles/link.md:5"} {
				if !got[want] {
					t.Errorf("no error at %s; got %v", want, got)
				}
			}
		})
	}
}

// Body headings named like the sections of the page around them ("Apply",
// "Growth") or like its landmarks ("Main") must not repeat the page's ids:
// a repeated id is invalid HTML and breaks links to the section.
func TestBodyHeadingIDsDoNotRepeatPageIDs(t *testing.T) {
	fsys := txtarFS(t, "links")
	fsys["roles/named.md"] = &fstest.MapFile{Data: []byte(`---
title: Named sections
team: Support
apply: https://jobs.example.org/apply
development: {technical: A course, people: [A mentor]}
kpos: [{id: ship, title: Ship}]
---
## Main

## Growth

## Apply

## Process

## Arrangement

## Accomplish

## About the role

## Kpo ship
`)}
	s := build(t, generator.Options{ContentFS: fsys, Clock: clock})
	for _, p := range []string{roleFile("named"), questionsFile("named")} {
		for id, n := range s.page(t, p).ids() {
			if n > 1 {
				t.Errorf("%s: id %q is used %d times", p, id, n)
			}
		}
	}
}

// A role file name is its slug, whatever it holds: the sitemap, the feed,
// canonical links and JSON-LD carry it as an escaped URL (the sitemap
// protocol asks for RFC 3986 URLs), and every link to it still resolves.
func TestSlugsThatNeedEscaping(t *testing.T) {
	fsys := txtarFS(t, "links")
	fsys["roles/Café Lead.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Café lead\nteam: Support\napply: https://jobs.example.org/apply\nkpos: [{title: Ship}]\n---\nSee [the lead](lead.md).\n")}
	s := build(t, generator.Options{ContentFS: fsys, Clock: clock})
	escaped := func(where, u string) {
		t.Helper()
		for _, r := range u {
			if r <= ' ' || r >= 0x7f {
				t.Errorf("%s: %q is not an escaped URL", where, u)
				return
			}
		}
		if tg := s.resolve("index.html", u); tg.problem != "" || tg.external {
			t.Errorf("%s: %q does not resolve: %s", where, u, tg.problem)
		}
	}
	found := false
	for _, u := range sitemapURLs(t, s.files["sitemap.xml"]) {
		found = found || strings.Contains(u, "Caf")
		escaped("sitemap.xml", u)
	}
	if !found {
		t.Errorf("the role is not in the sitemap")
	}
	for _, u := range feedURLs(t, s.files["feed.xml"]) {
		escaped("feed.xml", u)
	}
	pg := s.page(t, "roles/Café Lead/index.html")
	for _, l := range pg.find("link", "rel", "canonical") {
		escaped("canonical", attrOf(l, "href"))
	}
	for _, m := range pg.find("meta", "property", "og:url") {
		escaped("og:url", attrOf(m, "content"))
	}
	for _, jp := range jobPostings(t, pg) {
		if u, ok := jp["url"].(string); ok {
			escaped("JobPosting url", u)
		}
	}
	for _, p := range s.htmlPages() {
		for _, l := range s.links(t, p) {
			if tg := s.resolve(p, l.ref); tg.problem != "" {
				t.Errorf("%s: %s %q: %s", p, l.kind, l.ref, tg.problem)
			}
		}
	}
}

// Open Graph and JSON-LD need absolute URLs: a logo given as a site path
// is made absolute under the base URL, and the file it names exists.
func TestLogoURLs(t *testing.T) {
	for _, tt := range []struct{ logo, want string }{
		{"/assets/icon.svg", "https://example.github.io/jobs/assets/icon.svg"},
		{"https://cdn.example.org/logo.png", "https://cdn.example.org/logo.png"},
	} {
		t.Run(tt.logo, func(t *testing.T) {
			fsys := txtarFS(t, "links")
			fsys["site.yaml"].Data = []byte("title: Jobs\ncompany: {name: Example Co, logo: \"" + tt.logo + "\"}\nbase_url: https://example.github.io/jobs/\nguides: {protect: omit}\n")
			s := build(t, generator.Options{ContentFS: fsys, Clock: clock})
			pg := s.page(t, roleFile("lead"))
			images := pg.find("meta", "property", "og:image")
			if len(images) != 1 || attrOf(images[0], "content") != tt.want {
				var got []string
				for _, m := range images {
					got = append(got, attrOf(m, "content"))
				}
				t.Errorf("og:image %q, want %q", got, tt.want)
			} else if tg := s.resolve("index.html", tt.want); tg.problem != "" {
				t.Errorf("og:image %q: %s", tt.want, tg.problem)
			}
			jps := jobPostings(t, pg)
			if len(jps) != 1 || get(jps[0], "hiringOrganization", "logo") != tt.want {
				t.Errorf("JobPosting logo: %v", jps)
			}
		})
	}
}

// markdown.unsafe_html keeps raw HTML in bodies; by default it is dropped.
func TestUnsafeHTMLSetting(t *testing.T) {
	for _, unsafe := range []bool{false, true} {
		t.Run(fmt.Sprint(unsafe), func(t *testing.T) {
			fsys := txtarFS(t, "links")
			fsys["site.yaml"].Data = []byte(fmt.Sprintf("title: Jobs\ncompany: {name: Example Co}\nbase_url: https://example.github.io/jobs/\nguides: {protect: omit}\nmarkdown: {unsafe_html: %v}\n", unsafe))
			fsys["roles/raw.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Raw\nteam: Support\nkpos: [{title: Ship}]\n---\nText.\n\n<div class=\"raw-box\">Boxed</div>\n")}
			s := build(t, generator.Options{ContentFS: fsys, Clock: clock})
			if got := len(s.page(t, roleFile("raw")).find("div", "class", "raw-box")) == 1; got != unsafe {
				t.Errorf("raw HTML kept = %v, want %v", got, unsafe)
			}
		})
	}
}

// The Pay fact reads as a candidate would say it, for every shape of
// range; and a role that takes applications by email is not a direct
// apply for Google for Jobs.
func TestPayAndDirectApply(t *testing.T) {
	fsys := fstest.MapFS{"site.yaml": {Data: []byte("title: Jobs\ncompany: {name: Co}\nbase_url: https://co.github.io/jobs/\nguides: {protect: omit}\n")}}
	cases := map[string]struct{ salary, apply, pay string }{
		"range": {"{min: 90000, max: 110000, currency: USD, period: YEAR}", "https://co.example/apply", "USD 90,000–110,000 per year"},
		"from":  {"{min: 25, currency: EUR, period: HOUR}", "mailto:jobs@co.example", "from EUR 25 per hour"},
		"up-to": {"{max: 5000, currency: GBP, period: MONTH}", "HTTPS://co.example/apply", "up to GBP 5,000 per month"},
		"exact": {"{min: 60000, max: 60000, currency: USD, period: YEAR}", "", "USD 60,000 per year"},
	}
	for slug, c := range cases {
		apply := ""
		if c.apply != "" {
			apply = "apply: " + c.apply + "\n"
		}
		fsys["roles/"+slug+".md"] = &fstest.MapFile{Data: []byte("---\ntitle: Role " + slug + "\ncountry: US\nsalary: " + c.salary + "\n" + apply + "kpos: [{title: Ship it}]\n---\nBody.\n")}
	}
	s := build(t, generator.Options{ContentFS: fsys, Clock: clock})
	for slug, c := range cases {
		pg := s.page(t, roleFile(slug))
		if got := textOf(facts(t, pg)["Pay"]); got != c.pay {
			t.Errorf("%s: Pay %q, want %q", slug, got, c.pay)
		}
		jps := jobPostings(t, pg)
		if len(jps) != 1 {
			t.Fatalf("%s: %d JobPostings", slug, len(jps))
		}
		jp := jps[0]
		if want := strings.HasPrefix(strings.ToLower(c.apply), "https://"); jp["directApply"] != want {
			t.Errorf("%s: directApply %v, want %v for apply %q", slug, jp["directApply"], want, c.apply)
		}
	}
}
