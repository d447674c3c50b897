package themes_test

import (
	"bytes"
	"compress/gzip"
	"github.com/hirebook/hirebook/internal/testfs"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hirebook/hirebook/generator/content"
	"github.com/hirebook/hirebook/generator/pages"
	"github.com/hirebook/hirebook/generator/render"
	"github.com/hirebook/hirebook/generator/synth"
	"github.com/hirebook/hirebook/themes"
)

// The weight budgets of candidate pages, compressed as GitHub Pages sends
// them (gzip).
const (
	// A role page of about 600 words, with its CSS, arrives in the first
	// round trip of a new connection (ten TCP segments, about 14 KB).
	rolePageBudget = 14 * 1024
	// What a candidate page adds to the role's own text and its JSON-LD
	// copy of it, CSS included, whatever the role's length.
	chromeBudget = 6 * 1024
)

func gzipSize(t *testing.T, b []byte) int {
	t.Helper()
	var out bytes.Buffer
	w, err := gzip.NewWriterLevel(&out, 6)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(b)
	w.Close()
	return out.Len()
}

var (
	stylesheet = regexp.MustCompile(`<link rel="stylesheet" href="([^"]+)"`)
	script     = regexp.MustCompile(`<script src="`)
	jsonLD     = regexp.MustCompile(`(?s)<script type="application/ld\+json">.*?</script>`)
	tags       = regexp.MustCompile(`<[^>]*>`)
)

// weighed is a candidate page rendered and measured.
type weighed struct {
	path           string
	html           []byte
	words          int // words in the role's Markdown body
	total, chrome  int // compressed bytes: page with CSS; page without the role's text and JSON-LD, with CSS
	cssFiles, cssZ int
}

// weigh renders every candidate page of a site that belongs to one role
// (role page and primer) and measures it.
func weigh(t *testing.T, fsys fs.FS) []weighed {
	t.Helper()
	site, diags := content.Load(fsys, content.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	theme, err := render.Load(themes.Default(), nil)
	if err != nil {
		t.Fatal(err)
	}
	assets := map[string][]byte{}
	for _, a := range theme.Assets() {
		assets[a.Path] = a.Data
	}
	ps, _ := pages.Plan(site, pages.Options{Assets: theme.AssetPaths()})
	var out []weighed
	for _, p := range ps {
		var v *pages.RoleView
		switch d := p.Data.(type) {
		case *pages.RolePage:
			v = d.Role
		case *pages.PrimerPage:
			v = d.Role
		default:
			continue
		}
		html, err := theme.Page(p)
		if err != nil {
			t.Fatal(err)
		}
		if script.Match(html) {
			t.Errorf("%s loads a script", p.Path)
		}
		w := weighed{path: p.Path, html: html, words: len(strings.Fields(tags.ReplaceAllString(string(v.Body), " ")))}
		for _, m := range stylesheet.FindAllSubmatch(html, -1) {
			rel := strings.TrimPrefix(string(m[1]), "/")
			if i := strings.Index(rel, "assets/"); i >= 0 {
				rel = rel[i:]
			}
			css, ok := assets[rel]
			if !ok {
				t.Fatalf("%s links %s, which the theme does not have", p.Path, m[1])
			}
			w.cssFiles++
			w.cssZ += gzipSize(t, css)
		}
		w.total = gzipSize(t, html) + w.cssZ
		w.chrome = gzipSize(t, withoutOwnText(html, v)) + w.cssZ
		out = append(out, w)
	}
	return out
}

// escaper writes text as html/template does in HTML text.
var escaper = strings.NewReplacer(`&`, "&amp;", `'`, "&#39;", `<`, "&lt;", `>`, "&gt;", `"`, "&#34;", `+`, "&#43;")

// withoutOwnText is a page without its JSON-LD and without every piece of
// text that comes from the role file.
func withoutOwnText(html []byte, v *pages.RoleView) []byte {
	own := []string{string(v.Body), v.Title, v.Summary, v.Location, v.Goals, v.Salary, v.Feedback, v.Team.Title, v.ReverseRequest.Text}
	own = append(own, v.WorksWith...)
	own = append(own, v.People...)
	own = append(own, v.Resources...)
	own = append(own, v.Opportunities...)
	for _, k := range v.KPOs {
		own = append(own, k.Title, k.Outcome, k.Timeframe)
	}
	for _, a := range v.Arenas {
		own = append(own, a.Offer)
	}
	for _, iv := range v.Interviewers {
		own = append(own, iv.Name, iv.Title)
	}
	for _, s := range v.Loop {
		own = append(own, s.Who)
	}
	sort.Slice(own, func(i, j int) bool { return len(own[i]) > len(own[j]) })
	s := jsonLD.ReplaceAllString(string(html), "")
	for _, o := range own {
		if o != "" {
			s = strings.ReplaceAll(strings.ReplaceAll(s, escaper.Replace(o), ""), o, "")
		}
	}
	return []byte(s)
}

// realisticFS is the example site with one role grown to about 650 words
// of prose written by people (the bodies of two of its roles), which
// compresses less than generated text.
func realisticFS(t *testing.T) fstest.MapFS {
	t.Helper()
	m := testfs.Folder(t, example)
	more := string(m["roles/customer-support-lead.md"].Data)
	more = more[strings.Index(more[4:], "\n---\n")+9:]
	pmm := "roles/senior-product-marketing-manager.md"
	m[pmm] = &fstest.MapFile{Data: append(m[pmm].Data, "\n"+more...)}
	return m
}

// TestCandidatePageWeight renders the candidate pages of roles of about
// 600 words (generated ones, and one of prose written by people) and of a
// role four times as long: a role page with its CSS fits the first round
// trip, and what a page adds to the role's own text stays under its budget
// whatever the role's length.
func TestCandidatePageWeight(t *testing.T) {
	long := synth.FS(3)
	long[synth.RoleFile(3)].Data = append(long[synth.RoleFile(3)].Data, bytes.Repeat(synth.Role(3)[bytes.Index(synth.Role(3), []byte("\n## ")):], 3)...)
	var roles, measured int
	for _, set := range []struct {
		name string
		fsys fs.FS
	}{{"synthetic", synth.FS(8)}, {"written by people", realisticFS(t)}, {"long", long}} {
		for _, w := range weigh(t, set.fsys) {
			measured++
			role := strings.HasSuffix(w.path, "/index.html") && !strings.HasSuffix(w.path, "/questions/index.html")
			if role && w.words >= 550 && w.words <= 700 {
				roles++
				t.Logf("%s %s: %d words, %d B compressed with its CSS (%d B in %d linked files; 0 when inline); %d B without the role's own text and JSON-LD", set.name, w.path, w.words, w.total, w.cssZ, w.cssFiles, w.chrome)
				if w.total > rolePageBudget {
					t.Errorf("%s: a role page of %d words weighs %d B compressed with its CSS; the budget is %d B", w.path, w.words, w.total, rolePageBudget)
				}
			}
			if !role || w.words < 550 || w.words > 700 {
				t.Logf("%s %s: %d words in the role, %d B compressed, %d B without the role's own text", set.name, w.path, w.words, w.total, w.chrome)
			}
			if w.chrome > chromeBudget {
				t.Errorf("%s (%s, %d words): %d B compressed without the role's own text and JSON-LD; the budget is %d B", w.path, set.name, w.words, w.chrome, chromeBudget)
			}
		}
	}
	if roles < 3 || measured < 10 {
		t.Fatalf("measured %d pages, %d of them role pages of about 600 words; the test needs more", measured, roles)
	}
}
