package markdown_test

import (
	"testing"

	"github.com/hirebook/hirebook/generator/markdown"
)

// What goldmark writes survives the sanitiser that unsafe_html adds:
// heading ids in any script, task lists, tables aligned without style
// attributes (the pages' Content-Security-Policy blocks inline styles),
// links and images; raw HTML that only formats is kept too.
func TestSanitiserKeepsMarkdown(t *testing.T) {
	src := "## 採用について\n\n- [x] done\n- [ ] todo\n\n| left | right |\n|:-----|------:|\n| a | b |\n\n" +
		"[site](/roles/x/) [mail](mailto:a@example.org) ![logo](/assets/logo.png)\n\n" +
		"<details open><summary>More</summary><p>Hidden <abbr title=\"key performance objective\">KPO</abbr></p></details>\n"
	for _, unsafe := range []bool{false, true} {
		els := render(t, src, markdown.WithUnsafeHTML(unsafe))
		if h := tagged(els, "h2"); len(h) != 1 || h[0].Attrs["id"] != "採用について" {
			t.Errorf("unsafe=%v: heading %+v", unsafe, h)
		}
		if boxes := tagged(els, "input"); len(boxes) != 2 || boxes[0].Attrs["type"] != "checkbox" {
			t.Errorf("unsafe=%v: task list boxes %+v", unsafe, boxes)
		}
		if tables := tagged(els, "table"); len(tables) != 1 || tables[0].Attrs["tabindex"] != "0" {
			t.Errorf("unsafe=%v: table %+v, want tabindex=0 so the keyboard can scroll it", unsafe, tables)
		}
		cells := tagged(els, "th", "td")
		if len(cells) != 4 || cells[0].Attrs["align"] != "left" || cells[1].Attrs["align"] != "right" {
			t.Errorf("unsafe=%v: table cells %+v", unsafe, cells)
		}
		for _, e := range els {
			if _, ok := e.Attrs["style"]; ok {
				t.Errorf("unsafe=%v: <%s> has a style attribute", unsafe, e.Tag)
			}
		}
		if a := tagged(els, "a"); len(a) != 2 || a[0].Attrs["href"] != "/roles/x/" || a[1].Attrs["href"] != "mailto:a@example.org" {
			t.Errorf("unsafe=%v: links %+v", unsafe, a)
		}
		if img := tagged(els, "img"); len(img) != 1 || img[0].Attrs["src"] != "/assets/logo.png" {
			t.Errorf("unsafe=%v: images %+v", unsafe, img)
		}
		if got := len(tagged(els, "details", "abbr")) == 2; got != unsafe {
			t.Errorf("unsafe=%v: formatting HTML kept = %v", unsafe, got)
		}
	}
}
