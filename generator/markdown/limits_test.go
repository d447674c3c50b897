package markdown_test

import (
	"strings"
	"testing"
	"time"

	"github.com/hirebook/hirebook/generator/markdown"
)

// renderWithin renders src, failing the test when it takes longer than
// limit (goldmark's cost grows with the square of nesting, and its
// renderer recurses once per level).
func renderWithin(t *testing.T, limit time.Duration, r *markdown.Renderer, src string) (string, []markdown.Problem) {
	t.Helper()
	type result struct {
		html  string
		probs []markdown.Problem
	}
	done := make(chan result, 1)
	go func() {
		h, p := r.Render([]byte(src), nil)
		done <- result{string(h), p}
	}()
	select {
	case res := <-done:
		return res.html, res.probs
	case <-time.After(limit):
		t.Fatalf("rendering %d bytes did not finish within %v", len(src), limit)
		return "", nil
	}
}

func TestDeepNestingIsRefused(t *testing.T) {
	const n = 100_000
	indented := func() string {
		var b strings.Builder
		for i := 0; i < 2*markdown.MaxNesting; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	}()
	tests := []struct {
		name string
		src  string
		line int
	}{
		{"block quotes", "Intro.\n\n" + strings.Repeat(">", n) + " deep\n", 3},
		{"bullet lists on one line", strings.Repeat("* ", n) + "deep\n", 1},
		{"ordered lists on one line", strings.Repeat("1. ", n) + "deep\n", 1},
		{"lists by indentation", indented, markdown.MaxNesting + 1},
		{"tabs", "a\n\n" + strings.Repeat("\t", n) + "- x\n", 3},
		{"brackets", strings.Repeat("[", n) + "x" + strings.Repeat("](y)", n) + "\n", 1},
		{"unclosed link destinations", strings.Repeat("[a](", n) + "\n", 1},
		{"parentheses over several lines", strings.Repeat("(\n", n), markdown.MaxNesting + 1},
		{"a line of block-quote markers alone", "a\n\n" + strings.Repeat(">", n) + "\n", 3},
		{"unmatched emphasis markers", strings.Repeat("*a_ ", n), 1},
		{"long matching runs of emphasis markers", "Intro.\n\n# " + strings.Repeat("*", n) + "x" + strings.Repeat("*", n) + "\n", 3},
		{"emphasis nested in a list", "- a\n  - " + strings.Repeat("_", 1000) + "x" + strings.Repeat("_", 1000) + "\n", 2},
		{"emphasis markers over several lines", strings.Repeat("c*\n", n), markdown.MaxDelimiters + 1},
		{"link reference definitions", strings.Repeat("[a]: /b\n", n), markdown.MaxReferences + 1},
		{"link reference definitions in a quote", strings.Repeat("> [a]: /b\n", n), markdown.MaxReferences + 1},
	}
	for _, unsafe := range []bool{false, true} {
		r := markdown.New(markdown.WithUnsafeHTML(unsafe))
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				html, probs := renderWithin(t, 10*time.Second, r, tt.src)
				if len(probs) != 1 || probs[0].Rule != "markdown-too-deep" || probs[0].Line != tt.line {
					t.Fatalf("problems %+v, want one markdown-too-deep at line %d", probs, tt.line)
				}
				if !strings.Contains(probs[0].Message, "limit") {
					t.Errorf("message %q does not give the limit", probs[0].Message)
				}
				if html != "" {
					t.Errorf("a refused body rendered %d bytes", len(html))
				}
			})
		}
	}
}

// Bodies within the limit render, whatever their size: nesting up to the
// limit, long flat documents, and brackets and parentheses that close.
func TestNestingWithinTheLimit(t *testing.T) {
	var deepList strings.Builder
	for i := 0; i < markdown.MaxNesting/2; i++ {
		deepList.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	tests := map[string]string{
		"quotes at the limit":         strings.Repeat(">", markdown.MaxNesting) + " deep\n",
		"nested list":                 deepList.String(),
		"many closed links":           strings.Repeat("[a](b) (c) ", 20_000) + "\n",
		"many paragraphs of quotes":   strings.Repeat(strings.Repeat("> ", 20)+"x\n\n", 2_000),
		"a long table":                "| a | b |\n|---|---|\n" + strings.Repeat("| 1 | 2 |\n", 10_000),
		"smileys in paragraphs":       strings.Repeat("Sad :( but fine.\n\n", 1_000),
		"50,000 equal headings":       strings.Repeat("## Same\n", 50_000),
		"emphasis in many paragraphs": strings.Repeat(strings.Repeat("*a* _b_ ", markdown.MaxDelimiters/4)+"\n\n", 100),
		"quoted paragraphs":           strings.Repeat("> "+strings.Repeat("**b** ", markdown.MaxDelimiters/4)+"\n>\n", 50),
		"references in groups":        strings.Repeat(strings.Repeat("[a]: /b\n", markdown.MaxReferences)+"\n", 20) + "[a]\n",
	}
	r := markdown.New()
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			html, probs := renderWithin(t, 10*time.Second, r, src)
			if len(probs) != 0 || html == "" {
				t.Errorf("problems %+v, %d bytes of HTML", probs, len(html))
			}
		})
	}
}

// A body that goes too deep is refused, and the rest of it is still read
// for its other problems, each at its own line: one run reports them all.
func TestTooDeepStillReportsTheRest(t *testing.T) {
	src := "[before](/gone-1/)\n\nIntro.\n\n" + strings.Repeat(">", 100) + " deep\n" + strings.Repeat(">", 100) + " deeper\n\n" +
		strings.Repeat("[", 100) + "\n\nAfter [a link](/gone-2/).\n"
	resolve := func(dest string) (string, string) { return dest, "not a page" }
	for _, unsafe := range []bool{false, true} {
		html, probs := markdown.New(markdown.WithUnsafeHTML(unsafe)).Render([]byte(src), resolve)
		want := []markdown.Problem{
			{Line: 5, Rule: "markdown-too-deep"},
			{Line: 1, Dest: "/gone-1/", Rule: "broken-link"},
			{Line: 10, Dest: "/gone-2/", Rule: "broken-link"},
		}
		if len(probs) != len(want) {
			t.Fatalf("problems %+v, want %+v", probs, want)
		}
		for i, w := range want {
			if probs[i].Line != w.Line || probs[i].Rule != w.Rule || probs[i].Dest != w.Dest {
				t.Errorf("problem %d: %+v, want %+v", i, probs[i], w)
			}
		}
		if html != "" {
			t.Errorf("a refused body rendered %d bytes", len(html))
		}
	}
}

// A broken link is placed at its "[" (an image at its "!"), counting
// characters, not bytes.
func TestProblemColumns(t *testing.T) {
	resolve := func(dest string) (string, string) { return dest, "not a page" }
	_, all := markdown.New().Render([]byte("Intro.\n\nÜber [x](/a/) ![y](/b/)\n[**our team**](/c/) [`code`](/d/) ![*alt*](/e/)\n[![i](/x/)](/y/) [` c `](/f/) [<b>x</b>](/z/)\n"), resolve)
	var probs []markdown.Problem
	for _, p := range all {
		if p.Rule == "broken-link" {
			probs = append(probs, p)
		}
	}
	// a link holding an image is at its own "[", the image at its "!".
	want := [][2]int{{3, 6}, {3, 15}, {4, 1}, {4, 21}, {4, 35}, {5, 1}, {5, 2}, {5, 18}, {5, 31}}
	if len(probs) != len(want) {
		t.Fatalf("problems %+v, want %d", probs, len(want))
	}
	for i, w := range want {
		if probs[i].Line != w[0] || probs[i].Col != w[1] {
			t.Errorf("%s at %d:%d, want %d:%d", probs[i].Dest, probs[i].Line, probs[i].Col, w[0], w[1])
		}
	}
}

// Raw HTML that is dropped is placed at its own line; a comment is never
// meant to be published and is not warned about.
func TestRawHTMLWarningPlace(t *testing.T) {
	_, probs := markdown.New().Render([]byte("A paragraph\nwith <span>raw</span> on its second line.\n\n<!-- a note to self -->\n\nText <!-- inline note --> here.\n"), nil)
	if len(probs) != 1 || probs[0].Rule != "raw-html-dropped" || probs[0].Line != 2 || strings.Contains(probs[0].Message, "more places") {
		t.Fatalf("problems %+v, want one raw-html-dropped at line 2, for the span alone", probs)
	}
	if _, probs := markdown.New().Render([]byte("Only <!-- a note --> here.\n\n<!--\nblock note\n-->\n"), nil); len(probs) != 0 {
		t.Errorf("comments warned about: %+v", probs)
	}
}

// A comment that is never closed, or a line that goes on after one, hides
// text from the page: that is warned about, unlike a closed comment.
func TestCommentsThatHideText(t *testing.T) {
	for src, warn := range map[string]bool{
		"Intro.\n\n<!-- a note -->\n":                         false,
		"Intro.\n\n<!--\nA note\nover lines.\n-->\n\nMore.\n": false,
		"Intro.\n\n<!-- draft\n\nAll of this is hidden.\n":    true,
		"Intro.\n\n<!-- c --> <b>x</b> and more text\n":       true,
		"Intro.\n\n<!-- one --> shown? <!-- two -->\n":        true,
	} {
		_, probs := markdown.New().Render([]byte(src), nil)
		got := len(probs) == 1 && probs[0].Rule == "raw-html-dropped" && probs[0].Line == 3
		if got != warn || (!warn && len(probs) > 0) {
			t.Errorf("%q: problems %+v, want a warning at line 3: %v", src, probs, warn)
		}
	}
}

// Many problems on one long line are each placed without reading the
// line again from its start: a body of 100,000 broken links, or of raw
// HTML, takes time in proportion to its size (these took most of a minute
// when each place was counted from the start of its line).
func TestManyProblemsOnOneLine(t *testing.T) {
	resolve := func(dest string) (string, string) { return dest, "not a page" }
	for name, c := range map[string]struct {
		src      string
		n, col   int // problems, and the column of the last
		resolver markdown.LinkResolver
	}{
		"broken links": {strings.Repeat("[a](/x/) ", 100_000), 100_000, 9*99_999 + 1, resolve},
		"script links": {strings.Repeat("[a](javascript:x) ", 50_000), 50_000, 18*49_999 + 1, nil},
		"raw HTML":     {strings.Repeat("<b>x</b> ", 100_000), 1, 0, nil},
		// a link with no text is placed at the start of its block, back
		// along the line from the link before it
		"links with and without text": {strings.Repeat("[](javascript:x) [a](javascript:x) ", 80_000), 160_000, 35*79_999 + 18, nil},
	} {
		done := make(chan []markdown.Problem, 1)
		go func() {
			_, probs := markdown.New().Render([]byte(c.src), c.resolver)
			done <- probs
		}()
		select {
		case probs := <-done:
			if len(probs) != c.n {
				t.Fatalf("%s: %d problems, want %d", name, len(probs), c.n)
			}
			if last := probs[len(probs)-1]; c.col > 0 && (last.Line != 1 || last.Col != c.col) {
				t.Errorf("%s: the last problem at %d:%d, want 1:%d", name, last.Line, last.Col, c.col)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: placing the problems of %d bytes did not finish within 10 s", name, len(c.src))
		}
	}
}
