package generator_test

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// page is a parsed HTML file of a built site.
type page struct {
	path string
	doc  *html.Node
}

func parsePage(t *testing.T, path string, data []byte) *page {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &page{path: path, doc: doc}
}

// all lists the elements for which match is true, in document order.
func (p *page) all(match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(p.doc)
	return out
}

// tag matches elements by name and, optionally, attribute values given as
// "key", "value" pairs.
func tag(name string, attrs ...string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		if n.Data != name {
			return false
		}
		for i := 0; i+1 < len(attrs); i += 2 {
			v, ok := attr(n, attrs[i])
			if !ok || v != attrs[i+1] {
				return false
			}
		}
		return true
	}
}

func (p *page) find(name string, attrs ...string) []*html.Node {
	return p.all(tag(name, attrs...))
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attrOf(n *html.Node, key string) string {
	v, _ := attr(n, key)
	return v
}

// textOf is the text inside n with runs of white space collapsed.
func textOf(n *html.Node) string {
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
	return strings.Join(strings.Fields(b.String()), " ")
}

// ids lists every id on the page with how often it occurs.
func (p *page) ids() map[string]int {
	out := map[string]int{}
	for _, n := range p.all(func(n *html.Node) bool { _, ok := attr(n, "id"); return ok }) {
		out[attrOf(n, "id")]++
	}
	return out
}

// lang is the lang attribute of the html element.
func (p *page) lang() string {
	if h := p.find("html"); len(h) > 0 {
		return attrOf(h[0], "lang")
	}
	return ""
}

// refresh is the target of a <meta http-equiv="refresh"> redirect.
func (p *page) refresh() (string, bool) {
	for _, m := range p.find("meta") {
		if !strings.EqualFold(attrOf(m, "http-equiv"), "refresh") {
			continue
		}
		_, target, ok := strings.Cut(attrOf(m, "content"), ";")
		if !ok {
			return "", false
		}
		target = strings.TrimSpace(target)
		if len(target) > 4 && strings.EqualFold(target[:4], "url=") {
			return strings.Trim(target[4:], `'"`), true
		}
		return "", false
	}
	return "", false
}

// hasAncestor reports whether n sits inside an element that match accepts.
func hasAncestor(n *html.Node, match func(*html.Node) bool) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && match(p) {
			return true
		}
	}
	return false
}
