package markdown_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hirebook/hirebook/generator/internal/inert"
	"github.com/hirebook/hirebook/generator/markdown"
)

// hostileBodies are Markdown bodies that try to get script into a page.
var hostileBodies = []string{
	"<script>alert(1)</script>\n",
	"Text <img src=x onerror=alert(1)> more.\n",
	"<div onclick=\"alert(1)\">click</div>\n",
	"[link](javascript:alert(1)) [v](vbscript:msgbox(1)) [d](data:text/html,<script>alert(1)</script>)\n",
	"[tab](java\tscript:alert(1)) [ent](jav&#x09;ascript:alert(1)) [up](JaVaScRiPt:alert(1))\n",
	"<javascript:alert(1)> <https://ok.example/>\n",
	"![img](javascript:alert(1)) ![ok](data:image/png;base64,iVBORw0KGgo=)\n",
	"[x](dAtA:imAge/png;) <data:image/png;base64,AA> [y]( data:image/gif,x) [z][r]\n\n[r]: DATA:image/webp,x\n",
	"[ref][x]\n\n[x]: javascript:alert(1) \"title\"\n",
	"## Heading {onclick=\"alert(1)\" #id .cls style=\"color:red\"}\n",
	"# H {style=\"background:url(javascript:alert(1))\" data-x=\"javascript:y\" href=\"javascript:z\"}\n",
	"<a href=\"javascript:alert(1)\">a</a> <a href=\"https://ok.example/\" onmouseover=\"x()\">b</a>\n",
	"<iframe src=\"https://evil.example/\"></iframe><object data=\"x.swf\"></object><embed src=\"x\">\n",
	"<svg><script>alert(1)</script></svg><math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>\n",
	"<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">go</button></form>\n",
	"<style>body{background:url(javascript:alert(1))}</style><link rel=stylesheet href=x.css>\n",
	"<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">\n",
	"<scr<script>ipt>alert(1)</scr</script>ipt>\n",
	"<!-- <script>alert(1)</script> -->\n",
	"<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>\n",
	"<textarea><script>alert(1)</script></textarea> <title><script>alert(1)</script></title>\n",
	"- [x] done\n- [ ] todo\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n",
	"Template {{ .Site.Title }} {{ template \"x\" }} and \x00 nul \u2028 sep \u202e bidi\n",
	"```html\n<script>alert(1)</script>\n```\n\n    <script>indented</script>\n",
	"<details open><summary>s</summary><p style=\"background:url(javascript:alert(1))\">x</p></details>\n",
	"*a **b [c](d \"e\") `f`** g*\n> quote\n> > nested\n\n1. one\n   - two\n",
}

// FuzzRender renders any body, with raw HTML dropped and with it kept and
// sanitised: nothing panics, and neither output holds a script element,
// an event attribute, a javascript:, vbscript: or data: URL (but for
// data: images), or an element that embeds or loads active content.
func FuzzRender(f *testing.F) {
	for _, s := range hostileBodies {
		f.Add(s)
	}
	safe := markdown.New(markdown.WithReservedIDs("main"))
	unsafe := markdown.New(markdown.WithUnsafeHTML(true), markdown.WithReservedIDs("main"))
	resolve := func(dest string) (string, string) {
		if strings.HasPrefix(dest, "/") {
			return "/careers" + dest, ""
		}
		return dest, ""
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) || len(src) > 64<<10 {
			t.Skip() // content.Clean refuses these before Markdown sees them
		}
		for name, r := range map[string]*markdown.Renderer{"safe": safe, "unsafe_html": unsafe} {
			out, _ := r.Render([]byte(src), resolve, "plan")
			found, err := inert.Check([]byte(out))
			if err != nil {
				t.Fatalf("%s: output does not parse: %v", name, err)
			}
			for _, fd := range found {
				t.Errorf("%s: %s\nsource: %q\noutput: %s", name, fd, src, out)
			}
		}
	})
}
