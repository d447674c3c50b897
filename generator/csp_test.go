package generator_test

import (
	"crypto/sha256"
	"encoding/base64"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/pages"
	"golang.org/x/net/html"
)

// csp parses a Content-Security-Policy into its directives.
func csp(policy string) map[string][]string {
	out := map[string][]string{}
	for _, d := range strings.Split(policy, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			out[strings.ToLower(f[0])] = f[1:]
		}
	}
	return out
}

// pagePolicy is the page's one CSP meta element, which must come before
// any element that loads or runs something.
func pagePolicy(t *testing.T, pg *page) map[string][]string {
	t.Helper()
	metas := pg.all(func(n *html.Node) bool {
		return n.Data == "meta" && strings.EqualFold(attrOf(n, "http-equiv"), "Content-Security-Policy")
	})
	if len(metas) != 1 {
		t.Errorf("%s: %d Content-Security-Policy meta elements", pg.path, len(metas))
		return nil
	}
	for n := metas[0].PrevSibling; n != nil; n = n.PrevSibling {
		if n.Type == html.ElementNode && n.Data != "meta" && n.Data != "title" {
			t.Errorf("%s: <%s> comes before the Content-Security-Policy", pg.path, n.Data)
		}
	}
	if metas[0].Parent.Data != "head" {
		t.Errorf("%s: the Content-Security-Policy is not in the head", pg.path)
	}
	return csp(attrOf(metas[0], "content"))
}

// Every page carries a Content-Security-Policy as strict as the page
// allows: GitHub Pages sets no headers, so the meta element is all there
// is. Candidate pages run no script at all; team pages run only the
// theme's own scripts, named by hash, each loaded with the same integrity
// hash. No page allows inline script, eval, plugins, a <base> or form
// submissions.
func TestContentSecurityPolicy(t *testing.T) {
	sites := map[string]generator.Options{"sealed guides": exampleOpts("")}
	plain := exampleOpts("https://example.org/")
	plain.ContentFS = exampleFS(t, func(s string) string { return strings.Replace(s, "protect: passphrase", "protect: none", 1) })
	plain.Content = ""
	sites["plain guides"] = plain
	for name, opts := range sites {
		t.Run(name, func(t *testing.T) {
			s := build(t, opts)
			scripts := map[string]string{} // asset URL -> its hash source
			var all []string
			for p, b := range s.files {
				if strings.HasPrefix(p, "assets/") && path.Ext(p) == ".js" {
					sum := sha256.Sum256(b)
					scripts[s.basePath+p] = "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
					all = append(all, "'"+scripts[s.basePath+p]+"'")
				}
			}
			for _, p := range s.htmlPages() {
				pg := s.page(t, p)
				pol := pagePolicy(t, pg)
				if pol == nil {
					continue
				}
				checkPolicy(t, p, pol, s.audience[p] == pages.Team)
				// Every script the page loads is a theme script with its
				// hash in script-src and in its integrity attribute.
				for _, sc := range pg.find("script") {
					src, ok := attr(sc, "src")
					if !ok {
						continue
					}
					hash, known := scripts[src]
					switch {
					case !known:
						t.Errorf("%s loads %s, not a theme script", p, src)
					case attrOf(sc, "integrity") != hash:
						t.Errorf("%s loads %s with integrity %q, want %q", p, src, attrOf(sc, "integrity"), hash)
					case !slices.Contains(pol["script-src"], "'"+hash+"'"):
						t.Errorf("%s loads %s but its script-src %v does not allow it", p, src, pol["script-src"])
					}
				}
				// A locked page stays in force after it is unlocked, so it
				// allows every script a guide may load.
				if len(pg.find("script", "id", "hb-sealed")) == 1 {
					for _, h := range all {
						if !slices.Contains(pol["script-src"], h) {
							t.Errorf("%s: the locked page's script-src %v does not allow %s", p, pol["script-src"], h)
						}
					}
				}
			}
		})
	}
}

func checkPolicy(t *testing.T, p string, pol map[string][]string, team bool) {
	t.Helper()
	if !slices.Equal(pol["default-src"], []string{"'none'"}) {
		t.Errorf("%s: default-src %v, want 'none'", p, pol["default-src"])
	}
	for _, d := range []string{"base-uri", "form-action"} {
		if !slices.Equal(pol[d], []string{"'none'"}) {
			t.Errorf("%s: %s %v, want 'none'", p, d, pol[d])
		}
	}
	for _, d := range []string{"object-src", "frame-src", "child-src", "worker-src", "script-src-attr", "script-src-elem"} {
		if v, ok := pol[d]; ok && !slices.Equal(v, []string{"'none'"}) {
			t.Errorf("%s: %s %v", p, d, v)
		}
	}
	for d, v := range pol {
		for _, src := range v {
			if l := strings.ToLower(src); l == "'unsafe-inline'" || l == "'unsafe-eval'" || l == "*" || l == "data:" && d != "img-src" {
				t.Errorf("%s: %s allows %s", p, d, src)
			}
		}
	}
	scriptSrc, ok := pol["script-src"]
	if !team {
		if ok && !slices.Equal(scriptSrc, []string{"'none'"}) {
			t.Errorf("%s: a candidate page allows script: script-src %v", p, scriptSrc)
		}
		if v, ok := pol["connect-src"]; ok && !slices.Equal(v, []string{"'none'"}) {
			t.Errorf("%s: a page without script allows connections: connect-src %v", p, v)
		}
		return
	}
	for _, src := range scriptSrc {
		if src != "'none'" && !strings.HasPrefix(src, "'sha256-") {
			t.Errorf("%s: script-src allows %s; a team page names its scripts by hash", p, src)
		}
	}
}
