package markdown_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/hirebook/hirebook/generator/markdown"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// el is an element of rendered HTML: its tag, attributes and text.
type el struct {
	Tag   string
	Attrs map[string]string
	Text  string
}

// elements parses rendered HTML and lists its elements in document order,
// leaving out the html, head and body the parser adds.
func elements(t *testing.T, src string) []el {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var out []el
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data != "html" && n.Data != "head" && n.Data != "body" {
			e := el{Tag: n.Data, Attrs: map[string]string{}, Text: text(n)}
			for _, a := range n.Attr {
				e.Attrs[a.Key] = a.Val
			}
			out = append(out, e)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

func tagged(els []el, tags ...string) []el {
	var out []el
	for _, e := range els {
		for _, t := range tags {
			if e.Tag == t {
				out = append(out, e)
			}
		}
	}
	return out
}

// headings lists "h2 Title" for every heading, in order.
func headings(els []el) []string {
	var out []string
	for _, e := range tagged(els, "h1", "h2", "h3", "h4", "h5", "h6") {
		out = append(out, e.Tag+" "+e.Text)
	}
	return out
}

func render(t *testing.T, src string, opts ...markdown.Option) []el {
	t.Helper()
	els, _ := renderWarned(t, src, opts...)
	return els
}

// renderWarned is render that returns the body's warnings (what it does
// not publish); an error still fails the test.
func renderWarned(t *testing.T, src string, opts ...markdown.Option) ([]el, []markdown.Problem) {
	t.Helper()
	out, probs := markdown.New(opts...).Render([]byte(src), nil)
	var warnings []markdown.Problem
	for _, p := range probs {
		if !p.Warning {
			t.Fatalf("problems: %v", probs)
		}
		warnings = append(warnings, p)
	}
	return elements(t, string(out)), warnings
}

func TestHeadingShift(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"h1 becomes h2", "# About\n\nText\n\n## Team\n\n### Tools\n", []string{"h2 About", "h3 Team", "h4 Tools"}},
		{"h2 stays", "## About\n\n### Team\n", []string{"h2 About", "h3 Team"}},
		{"h3 rises to h2", "### About\n\n#### Team\n\n### Pay\n", []string{"h2 About", "h3 Team", "h2 Pay"}},
		{"gaps are kept", "# About\n\n### Detail\n", []string{"h2 About", "h4 Detail"}},
		{"nothing goes past h6", "# A\n\n##### E\n\n###### F\n", []string{"h2 A", "h6 E", "h6 F"}},
		{"order is kept when a lower heading comes first", "## Intro\n\n# Big\n", []string{"h3 Intro", "h2 Big"}},
		{"setext headings", "About\n=====\n\nTeam\n----\n", []string{"h2 About", "h3 Team"}},
		{"no headings", "Just text.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := headings(render(t, tt.src)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("headings %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHeadingIDs(t *testing.T) {
	els := render(t, "# Leadership {#lead}\n\n## How we work\n\n## Growth {#growth .wide}\n")
	hs := tagged(els, "h2", "h3")
	want := []struct{ tag, id, text string }{{"h2", "lead", "Leadership"}, {"h3", "how-we-work", "How we work"}, {"h3", "growth", "Growth"}}
	if len(hs) != len(want) {
		t.Fatalf("headings: %+v", hs)
	}
	for i, w := range want {
		if hs[i].Tag != w.tag || hs[i].Attrs["id"] != w.id || hs[i].Text != w.text {
			t.Errorf("heading %d = <%s id=%q> %q, want <%s id=%q> %q", i, hs[i].Tag, hs[i].Attrs["id"], hs[i].Text, w.tag, w.id, w.text)
		}
	}
	if hs[2].Attrs["class"] != "wide" {
		t.Errorf("heading class = %q, want wide", hs[2].Attrs["class"])
	}
}

func TestGeneratedHeadingIDs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		opts []markdown.Option
		want []string
	}{
		{"ASCII", "## How we work\n\n## Pay & benefits\n", nil, []string{"how-we-work", "pay-benefits"}},
		{"letters in any script", "## 採用について\n\n## Über uns\n\n## Зарплата\n", nil, []string{"採用について", "über-uns", "зарплата"}},
		{"no letters at all", "## !!!\n\n## ???\n", nil, []string{"heading", "heading-1"}},
		{"the same heading twice", "## Team\n\n### Team\n", nil, []string{"team", "team-1"}},
		{"clear of reserved ids", "## Main\n\n## Growth\n\n## Growth\n", []markdown.Option{markdown.WithReservedIDs("main", "growth")}, []string{"main-1", "growth-1", "growth-2"}},
		{"clear of an id set by hand earlier", "## Pay {#team}\n\n## Team\n", nil, []string{"team", "team-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, h := range tagged(render(t, tt.src, tt.opts...), "h2", "h3") {
				got = append(got, h.Attrs["id"])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ids %q, want %q", got, tt.want)
			}
		})
	}
}

// Ids the page around a body uses, given per render, are avoided by
// generated ids and by ids set by hand alike.
func TestReservedIDsPerRender(t *testing.T) {
	src := "## Growth {#growth}\n\n## Growth\n\n## Apply\n\n## Team {#team}\n"
	out, _ := markdown.New(markdown.WithReservedIDs("main")).Render([]byte(src), nil, "growth", "apply")
	seen := map[string]bool{}
	var ids []string
	for _, h := range tagged(elements(t, string(out)), "h2") {
		id := h.Attrs["id"]
		ids = append(ids, id)
		if id == "" || seen[id] || id == "growth" || id == "apply" || id == "main" {
			t.Errorf("heading %q has id %q", h.Text, id)
		}
		seen[id] = true
	}
	if len(ids) != 4 || ids[3] != "team" {
		t.Errorf("ids %q: want four, the last one kept as set by hand", ids)
	}
}

func TestRawHTML(t *testing.T) {
	src := "Text with <b>bold</b> inline.\n\n<div class=\"box\"><script>alert(1)</script></div>\n\n<iframe src=\"https://evil.example/\"></iframe>\n"
	tests := []struct {
		name string
		opts []markdown.Option
		kept []string // raw elements kept; the others are dropped
	}{
		{"dropped by default", nil, nil},
		{"dropped when unsafe is off", []markdown.Option{markdown.WithUnsafeHTML(false)}, nil},
		{"kept with unsafe_html, but nothing that runs", []markdown.Option{markdown.WithUnsafeHTML(true)}, []string{"b", "div"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			els, warnings := renderWarned(t, src, tt.opts...)
			// Dropped raw HTML is said once, at its first line, with how
			// many more places have it.
			if tt.kept == nil && (len(warnings) != 1 || warnings[0].Rule != "raw-html-dropped" || warnings[0].Line != 1 || !strings.Contains(warnings[0].Message, "2 more places")) {
				t.Errorf("warnings %+v, want one raw-html-dropped at line 1 naming 2 more places (a closing tag is not one)", warnings)
			}
			if tt.kept != nil && len(warnings) != 0 {
				t.Errorf("raw HTML kept, but warnings %+v", warnings)
			}
			for _, tag := range []string{"b", "div", "script", "iframe"} {
				want := slices.Contains(tt.kept, tag)
				if got := len(tagged(els, tag)) > 0; got != want {
					t.Errorf("<%s> present = %v, want %v", tag, got, want)
				}
			}
			if len(tagged(els, "p")) == 0 {
				t.Errorf("the paragraph text is gone")
			}
		})
	}
}

func TestDangerousLinks(t *testing.T) {
	els, warnings := renderWarned(t, "[click](javascript:alert(1)) and ![x](javascript:alert(2)) and [ok](https://example.org/)\n")
	if len(warnings) != 2 || warnings[0].Rule != "unsafe-link" || warnings[0].Dest != "javascript:alert(1)" || warnings[1].Dest != "javascript:alert(2)" {
		t.Errorf("warnings %+v, want an unsafe-link for each javascript: link", warnings)
	}
	var hrefs []string
	for _, e := range tagged(els, "a", "img") {
		hrefs = append(hrefs, e.Attrs["href"]+e.Attrs["src"])
	}
	if want := []string{"", "", "https://example.org/"}; !reflect.DeepEqual(hrefs, want) {
		t.Errorf("link targets %q, want %q", hrefs, want)
	}
}

func TestGFM(t *testing.T) {
	els := render(t, "| Week | Goal |\n| --- | :-: |\n| 1 | Meet the team |\n| 2 | Ship a fix |\n\n~~old~~ new, see https://example.org/docs\n\n- [x] done\n")
	var th, td []string
	for _, e := range tagged(els, "th") {
		th = append(th, e.Text)
	}
	for _, e := range tagged(els, "td") {
		td = append(td, e.Text)
	}
	if len(tagged(els, "table")) != 1 || !reflect.DeepEqual(th, []string{"Week", "Goal"}) || !reflect.DeepEqual(td, []string{"1", "Meet the team", "2", "Ship a fix"}) {
		t.Errorf("table: th %q td %q", th, td)
	}
	if del := tagged(els, "del"); len(del) != 1 || del[0].Text != "old" {
		t.Errorf("strikethrough: %+v", del)
	}
	if a := tagged(els, "a"); len(a) != 1 || a[0].Attrs["href"] != "https://example.org/docs" {
		t.Errorf("autolink: %+v", a)
	}
	if in := tagged(els, "input"); len(in) != 1 || in[0].Attrs["type"] != "checkbox" {
		t.Errorf("task list: %+v", in)
	}
}

func TestLinkResolver(t *testing.T) {
	src := "Intro.\n\nSee [growth](/company/growth/) and\n[the lead role](lead.md#pay).\n\n![chart](/img/chart.png)\n\n- [gone](/roles/gone/)\n- [away](https://example.org/)\n\n[ref][r]\n\n[r]: /missing/\n"
	var seen []string
	resolve := func(dest string) (string, string) {
		seen = append(seen, dest)
		switch {
		case strings.HasPrefix(dest, "https:"):
			return dest, ""
		case dest == "lead.md#pay":
			return "/careers/roles/lead/#pay", ""
		case dest == "/roles/gone/" || dest == "/missing/":
			return "/careers" + dest, "not a page"
		}
		return "/careers" + dest, ""
	}
	out, probs := markdown.New().Render([]byte(src), resolve)
	var got []string
	for _, e := range tagged(elements(t, string(out)), "a", "img") {
		got = append(got, e.Attrs["href"]+e.Attrs["src"])
	}
	want := []string{"/careers/company/growth/", "/careers/roles/lead/#pay", "/careers/img/chart.png", "/careers/roles/gone/", "https://example.org/", "/careers/missing/"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rewritten links %q, want %q", got, want)
	}
	wantProbs := []markdown.Problem{{Line: 8, Col: 3, Dest: "/roles/gone/", Rule: "broken-link", Message: "not a page"}, {Line: 11, Col: 1, Dest: "/missing/", Rule: "broken-link", Message: "not a page"}}
	if !reflect.DeepEqual(probs, wantProbs) {
		t.Errorf("problems %+v, want %+v", probs, wantProbs)
	}
}

func TestLinkLineWithoutText(t *testing.T) {
	// A link whose text is an image still gets the right line.
	src := "One.\n\nTwo.\n\n[![logo](/logo.png)](/nowhere/)\n"
	_, probs := markdown.New().Render([]byte(src), func(dest string) (string, string) {
		if dest == "/nowhere/" {
			return dest, "missing"
		}
		return dest, ""
	})
	if len(probs) != 1 || probs[0].Line != 5 {
		t.Errorf("problems %+v, want one on line 5", probs)
	}
}

func TestConcurrentRender(t *testing.T) {
	r := markdown.New()
	var wg sync.WaitGroup
	results := make([]string, 16)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			src := fmt.Sprintf("# Heading %d\n\n[link](/p/%d/)\n", i, i)
			out, _ := r.Render([]byte(src), func(d string) (string, string) { return "/base" + d, "" })
			results[i] = string(out)
		}()
	}
	wg.Wait()
	for i, out := range results {
		els := elements(t, out)
		a, h := tagged(els, "a"), tagged(els, "h2")
		if len(a) != 1 || a[0].Attrs["href"] != fmt.Sprintf("/base/p/%d/", i) || len(h) != 1 || h[0].Text != fmt.Sprintf("Heading %d", i) {
			t.Errorf("render %d mixed up: %s", i, out)
		}
	}
}

// With raw HTML kept, the body still cannot reach past its place: stray
// closing tags go, open ones are closed, a raw h1 becomes an h2, and ids
// the page uses (or the body used already) are dropped.
func TestUnsafeBodyStaysInItsPlace(t *testing.T) {
	src := "Intro\n\n</section></article><h1 id=\"main\">Big</h1>\n\n<div id=\"note\"><p id=\"note\">Unclosed <em>emphasis\n\n<p id=\"apply\">Apply</p>\n"
	out, _ := markdown.New(markdown.WithUnsafeHTML(true), markdown.WithReservedIDs("main")).Render([]byte(src), nil, "apply")
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(string(out)), ctx)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, n := range nodes {
		html.Render(&b, n)
	}
	if b.String() != string(out) {
		t.Errorf("the body is not balanced HTML: reading and writing it again changes it\n%s\n%s", out, b.String())
	}
	for _, bad := range []string{"</section>", "</article>", "<h1", `id="main"`, `id="apply"`} {
		if strings.Contains(string(out), bad) {
			t.Errorf("body has %s:\n%s", bad, out)
		}
	}
	if strings.Count(string(out), `id="note"`) != 1 || !strings.Contains(string(out), "<h2>Big</h2>") {
		t.Errorf("want one id=note and the h1 as an h2:\n%s", out)
	}
}
