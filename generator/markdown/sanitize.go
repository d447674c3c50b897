package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// sanitizer is the policy applied to a body's HTML when the site keeps raw
// HTML (markdown.unsafe_html): the elements and attributes of user-written
// content (bluemonday's UGC policy: text formatting, links, images, lists,
// tables, details), plus what goldmark itself writes, and nothing that
// runs: no script, style, iframe, object or form elements, no event
// attributes, and only http, https, mailto and relative URLs.
//
// The whole rendered body is cleaned, not each raw HTML fragment: goldmark
// hands inline HTML over tag by tag, and an opening tag alone cannot be
// judged the way a browser will read it.
func sanitizer() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	// Heading ids in any script (the UGC pattern would drop 採用について),
	// and the task-list checkboxes of GitHub-flavoured Markdown.
	p.AllowAttrs("id").Matching(idPattern).Globally()
	p.AllowAttrs("type").Matching(regexp.MustCompile(`^checkbox$`)).OnElements("input")
	p.AllowAttrs("checked", "disabled").Matching(regexp.MustCompile(`^$`)).OnElements("input")
	p.AllowElements("input")
	p.AllowAttrs("class").Matching(bluemonday.SpaceSeparatedTokens).Globally()
	p.AllowAttrs("tabindex").Matching(regexp.MustCompile(`^0$`)).OnElements("table") // see focusable
	return p
}

var idPattern = regexp.MustCompile(`^[\p{L}\p{N}_.:-]+$`)

// plainHeadingAttributes keeps only the id and class of a heading's
// {#id .class ...} attributes: the others (style, data-*, title, ...) have
// no use in a hiring page and would let a body style or label itself past
// the theme.
func plainHeadingAttributes(doc *ast.Document) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering || h.Attributes() == nil {
			return ast.WalkContinue, nil
		}
		keep := h.Attributes()
		h.RemoveAttributes()
		for _, a := range keep {
			if name := string(a.Name); name == "id" || name == "class" {
				h.SetAttribute(a.Name, a.Value)
			}
		}
		return ast.WalkSkipChildren, nil
	})
}

// noDataLinks empties the destination of links to data: URLs and turns
// data: autolinks into text. goldmark lets data: images through (inert
// in <img>), and with them links to the same URLs; a page has no use for
// a link to a data: URL, so none is written.
func noDataLinks(doc *ast.Document, src []byte) {
	var autolinks []*ast.AutoLink
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			if isDataURL(l.Destination) {
				l.Destination = nil
			}
		case *ast.AutoLink:
			if isDataURL(l.URL(src)) {
				autolinks = append(autolinks, l)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, l := range autolinks {
		l.Parent().ReplaceChild(l.Parent(), l, ast.NewString(l.Label(src)))
	}
}

// isDataURL reports whether u has the data: scheme, as a browser reads
// it (ignoring case, surrounding spaces and control characters, and tabs
// and line breaks anywhere).
func isDataURL(u []byte) bool {
	var b []byte
	for _, c := range u {
		if c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		if len(b) == 0 && c <= ' ' {
			continue
		}
		b = append(b, c)
		if len(b) == 5 {
			break
		}
	}
	return len(b) == 5 && strings.EqualFold(string(b), "data:")
}

// balance reads sanitised body HTML the way a browser reads it inside the
// page's <div> and writes it back out, so that the body cannot reach past
// its place: stray closing tags (</section></article>) are dropped and
// unclosed ones closed; a raw <h1> becomes an <h2>, as Markdown headings
// are shifted, so the page keeps one h1; and an id that the page around
// the body uses, or that the body already used, is dropped, so links to
// the page's own parts (#main, #apply) still go where they should.
func balance(body []byte, reserved []string) []byte {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(bytes.NewReader(body), ctx)
	if err != nil {
		return nil // cannot happen for an in-memory reader; nothing is safer than something
	}
	seen := map[string]bool{}
	for _, id := range reserved {
		seen[id] = true
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.H1 {
				n.Data, n.DataAtom = "h2", atom.H2
			}
			attrs := n.Attr[:0]
			for _, a := range n.Attr {
				if a.Namespace == "" && a.Key == "id" {
					if seen[a.Val] {
						continue
					}
					seen[a.Val] = true
				}
				attrs = append(attrs, a)
			}
			n.Attr = attrs
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	var out bytes.Buffer
	for _, n := range nodes {
		walk(n)
		if err := html.Render(&out, n); err != nil {
			return nil
		}
	}
	return out.Bytes()
}
