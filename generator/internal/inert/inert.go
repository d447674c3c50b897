// Package inert finds what could run in an HTML page, as a browser would
// read it: script elements, elements that load or embed active content,
// event-handler attributes, and URLs with a javascript:, vbscript: or
// data: scheme. Tests use it to prove that content cannot inject script.
package inert

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

// Finding is one thing in a page that could run.
type Finding struct {
	Node *html.Node // the element
	Attr string     // the attribute, or "" for the element itself
	Why  string
}

func (f Finding) String() string {
	var b bytes.Buffer
	_ = html.Render(&b, shallow(f.Node))
	if f.Attr != "" {
		return fmt.Sprintf("%s: %s (%s)", f.Why, b.String(), f.Attr)
	}
	return fmt.Sprintf("%s: %s", f.Why, b.String())
}

// shallow is a copy of n without its children, for printing.
func shallow(n *html.Node) *html.Node {
	return &html.Node{Type: n.Type, Data: n.Data, Attr: n.Attr}
}

// active are elements that run script, load another document or plugin,
// or change how the page's URLs and policy are read.
var active = map[string]string{
	"script": "script element", "iframe": "frame", "frame": "frame", "frameset": "frame",
	"object": "plugin", "embed": "plugin", "applet": "plugin", "base": "base URL",
	"form": "form", "meta": "meta element", "link": "link element", "style": "style element",
	"template": "template element",
}

// activeForeign are the elements of inline SVG and MathML that run script
// or can set an attribute (href) to a script URL.
var activeForeign = map[string]string{
	"script": "script element", "foreignObject": "foreign object", "foreignobject": "foreign object",
	"animate": "animation", "set": "animation", "animateMotion": "animation", "animatemotion": "animation",
	"animateTransform": "animation", "animatetransform": "animation", "handler": "script element",
	"style": "style element",
}

// urlAttrs are attributes whose value a browser follows or loads as a URL.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true,
	"data": true, "poster": true, "background": true, "cite": true, "longdesc": true,
	"srcset": true, "ping": true, "manifest": true, "codebase": true, "dynsrc": true, "lowsrc": true,
}

// Check parses page and lists everything in it that could run, in
// document order. An <img src="data:image/..."> is inert and not listed.
func Check(page []byte) ([]Finding, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, err
	}
	return Walk(doc), nil
}

// Walk lists what could run under n.
func Walk(n *html.Node) []Finding {
	var out []Finding
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			out = append(out, element(n)...)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func element(n *html.Node) []Finding {
	var out []Finding
	table := active
	if n.Namespace != "" {
		table = activeForeign
	}
	if why, ok := table[n.Data]; ok {
		out = append(out, Finding{Node: n, Why: why})
	}
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		if a.Namespace != "" {
			key = a.Namespace + ":" + key
		}
		switch {
		case strings.HasPrefix(key, "on"):
			out = append(out, Finding{Node: n, Attr: a.Key, Why: "event attribute"})
		case key == "style" && strings.Contains(strings.ToLower(a.Val), "url("):
			out = append(out, Finding{Node: n, Attr: a.Key, Why: "URL in a style attribute"})
		case urlAttrs[key]:
			if s := Scheme(a.Val); s == "javascript" || s == "vbscript" || s == "data" && !(n.Data == "img" && key == "src" && isImageData(a.Val)) {
				out = append(out, Finding{Node: n, Attr: a.Key, Why: s + ": URL"})
			}
		}
	}
	return out
}

// Scheme is the URL scheme a browser reads in v, lower-cased, or "": it
// ignores leading and trailing spaces and control characters, and tabs and
// line breaks anywhere, as the URL standard says.
func Scheme(v string) string {
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, v)
	v = strings.TrimFunc(v, func(r rune) bool { return r <= ' ' })
	i := strings.IndexByte(v, ':')
	if i <= 0 {
		return ""
	}
	s := strings.ToLower(v[:i])
	for j, r := range s {
		if !(r >= 'a' && r <= 'z' || j > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return ""
		}
	}
	return s
}

func isImageData(v string) bool {
	v = strings.ToLower(strings.TrimSpace(v))
	for _, t := range []string{"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"} {
		if strings.HasPrefix(v, t) {
			return true
		}
	}
	return false
}
