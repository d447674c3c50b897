package generator_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/content"
	"golang.org/x/tools/txtar"
)

// hostileFS is testdata/hostile.txtar, with its <NUL> marks made zero
// bytes and site.yaml's guides and markdown settings replaced.
func hostileFS(t *testing.T, protect string, unsafe bool) fstest.MapFS {
	t.Helper()
	fsys := txtarFS(t, "hostile")
	for _, f := range fsys {
		f.Data = bytes.ReplaceAll(f.Data, []byte("<NUL>"), []byte{0})
	}
	site := strings.Replace(string(fsys["site.yaml"].Data), "guides: {protect: none}", "guides: {protect: "+protect+"}", 1)
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte(site + fmt.Sprintf("markdown: {unsafe_html: %v}\n", unsafe))}
	return fsys
}

// Script tags, event attributes, javascript:, vbscript: and data: links,
// "</script>" and "<!--" in text that lands in JSON-LD, template-looking
// text and control characters, in every field an author writes: nothing
// of it runs, with raw HTML dropped or kept, with guides plain or sealed.
func TestHostileContentIsInert(t *testing.T) {
	for _, protect := range []string{"none", "passphrase"} {
		for _, unsafe := range []bool{false, true} {
			t.Run(fmt.Sprintf("protect=%s,unsafe_html=%v", protect, unsafe), func(t *testing.T) {
				res, err := generator.Build(context.Background(), generator.Options{
					ContentFS: hostileFS(t, protect, unsafe), Clock: clock, Passphrase: testPassphrase, GuideIterations: 1000})
				if err != nil {
					t.Fatalf("the hostile site does not build:\n%v", err)
				}
				for _, p := range inertProblems(res.Files, res.BasePath) {
					t.Error(p)
				}
				for _, f := range res.Files {
					if path.Ext(f.Path) == ".xml" {
						if err := wellFormed(f.Data); err != nil {
							t.Errorf("%s: %v", f.Path, err)
						}
					}
				}
				s := newSite(t, res, generator.Options{ContentFS: hostileFS(t, protect, unsafe)})
				checkHostileText(t, s, protect)
			})
		}
	}
}

// checkHostileText checks that hostile text is shown as text, not dropped:
// the role's title, with its tags and controls, is the page's h1 and the
// JobPosting's title.
func checkHostileText(t *testing.T, s *site, protect string) {
	t.Helper()
	const title = "Evil <script>alert('title')</script></script><!--<script> {{ .Site }} \uFFFD \u2028 \u202e"
	pg := s.page(t, roleFile("evil"))
	if h1 := pg.find("h1"); len(h1) != 1 || !strings.Contains(textOf(h1[0]), "<script>alert('title')</script>") {
		t.Errorf("the role page's h1 does not show the title as text: %v", h1)
	}
	jps := jobPostings(t, pg)
	if len(jps) != 1 {
		t.Fatalf("%d JobPostings", len(jps))
	}
	if got := jps[0]["title"]; got != title && got != strings.Replace(title, "\uFFFD", "\x00", 1) {
		t.Errorf("JobPosting title %q, want %q", got, title)
	}
	if protect == "none" {
		body := string(s.files["guides/evil/index.html"])
		if !strings.Contains(body, "alert(&#39;internal&#39;)") {
			t.Errorf("the guide does not show the internal notes as text")
		}
	}
}

func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// URLs that would run script are refused where a value must be a link.
func TestHostileURLsAreRefused(t *testing.T) {
	role := "---\ntitle: R\nkpos: [{title: Ship it in 90 days}]\n%s\n---\n"
	site := "title: T\ncompany: {name: C%s}\nbase_url: https://example.org/\nguides: {protect: none}\n%s\n"
	tests := []struct {
		name, site, role, key string
	}{
		{"apply javascript:", "", "apply: \"javascript:alert(1)\"", "apply"},
		{"apply with spaces", "", "apply: \" JavaScript:alert(1)\"", "apply"},
		{"apply data:", "", "apply: \"data:text/html,<script>alert(1)</script>\"", "apply"},
		{"apply vbscript:", "", "apply: \"vbscript:msgbox(1)\"", "apply"},
		{"reverse interview request", "", "reverse_interview: {offered: true, request: \"javascript:alert(1)\"}", "reverse_interview.request"},
		{"company url", ", url: \"javascript:alert(1)\"", "", "company.url"},
		{"company logo", ", logo: \"javascript:alert(1)\"", "", "company.logo"},
		{"company logo data:", ", logo: \"data:image/svg+xml,<svg onload=alert(1)>\"", "", "company.logo"},
		{"accommodations", "accommodations: \"javascript:alert(1)\"", "", "accommodations"},
		{"alias with a scheme", "", "aliases: [\"javascript:alert(1)\"]", "aliases[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logo, extra := "", ""
			if strings.HasPrefix(tt.site, ",") {
				logo = tt.site
			} else {
				extra = tt.site
			}
			fsys := fstest.MapFS{
				"site.yaml":  {Data: []byte(fmt.Sprintf(site, logo, extra))},
				"roles/r.md": {Data: []byte(fmt.Sprintf(role, tt.role))},
			}
			_, err := generator.Build(context.Background(), generator.Options{ContentFS: fsys, Clock: clock})
			var diags content.Diagnostics
			if !errors.As(err, &diags) {
				t.Fatalf("built, or failed without diagnostics: %v", err)
			}
			for _, d := range diags {
				if d.Key == tt.key {
					return
				}
			}
			t.Errorf("no error at %s:\n%v", tt.key, err)
		})
	}
}

// roleFileSeeds are role files for the fuzzers: the hostile site's role
// and company page, and the example's roles.
func roleFileSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	a, err := txtar.ParseFile(filepath.Join("testdata", "hostile.txtar"))
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]byte
	for _, f := range a.Files {
		if strings.HasSuffix(f.Name, ".md") {
			out = append(out, bytes.ReplaceAll(f.Data, []byte("<NUL>"), []byte{0}))
		}
	}
	roles, err := filepath.Glob(filepath.Join(exampleContent, "roles", "*.md"))
	if err != nil {
		tb.Fatal(err)
	}
	for _, r := range roles {
		b, err := os.ReadFile(r)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}
