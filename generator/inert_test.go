package generator_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"path"
	"strings"
	"testing"

	"github.com/hirebook/hirebook/generator/internal/inert"
	"github.com/hirebook/hirebook/generator/render"
	"golang.org/x/net/html"
)

// inertProblems parses every HTML file of a built site and lists whatever
// in it could run and is not the theme's own: a script element other than
// JSON-LD, the sealed data of a locked page and the theme's scripts (by
// their path, with a matching integrity hash); an event attribute; a
// javascript:, vbscript: or data: URL; a frame, plugin, style element or
// form other than the scorecard and the unlock form; meta, link and style
// elements outside the head. Every JSON-LD block must parse as JSON and
// hold no "</script" or "<!--".
func inertProblems(files []render.File, basePath string) []string {
	assets := map[string][]byte{}
	for _, f := range files {
		if strings.HasPrefix(f.Path, "assets/") {
			assets[basePath+f.Path] = f.Data
		}
	}
	var out []string
	for _, f := range files {
		if path.Ext(f.Path) != ".html" {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(f.Data))
		if err != nil {
			out = append(out, f.Path+": does not parse: "+err.Error())
			continue
		}
		for _, fd := range inert.Walk(doc) {
			if msg := themeOwn(fd, assets); msg != "" {
				out = append(out, f.Path+": "+msg)
			}
		}
	}
	return out
}

// themeOwn returns "" when fd is something the theme itself writes, and
// otherwise what is wrong with it.
func themeOwn(fd inert.Finding, assets map[string][]byte) string {
	n := fd.Node
	if fd.Attr != "" {
		return fd.String()
	}
	inHead := n.Parent != nil && n.Parent.Data == "head"
	switch n.Data {
	case "meta", "link", "style":
		if !inHead {
			return fd.String() + " outside the head"
		}
		if strings.EqualFold(attrOf(n, "http-equiv"), "refresh") {
			c := attrOf(n, "content")
			if i := strings.Index(strings.ToLower(c), "url="); i < 0 || inert.Scheme(c[i+4:]) != "https" && inert.Scheme(c[i+4:]) != "" {
				return fd.String() + ": a refresh to an unexpected URL"
			}
		}
		return ""
	case "form":
		if attrOf(n, "id") == "hb-unlock" || attrOf(n, "class") == "scorecard" && attrOf(n, "action") == "#" {
			return ""
		}
	case "script":
		switch typ := attrOf(n, "type"); {
		case typ == "application/ld+json" && inHead:
			return jsonLDProblem(n)
		case typ == "application/octet-stream" && attrOf(n, "id") == "hb-sealed":
			return ""
		case typ == "" && n.FirstChild == nil:
			src := attrOf(n, "src")
			data, ok := assets[src]
			if !ok {
				return fd.String() + ": not a theme script"
			}
			sum := sha256.Sum256(data)
			if want := "sha256-" + base64.StdEncoding.EncodeToString(sum[:]); attrOf(n, "integrity") != want {
				return fd.String() + ": integrity is not " + want
			}
			return ""
		}
	}
	return fd.String()
}

// jsonLDProblem checks a JSON-LD block: it parses as JSON, and its raw text
// could not end the element or open a comment.
func jsonLDProblem(n *html.Node) string {
	if n.FirstChild == nil || n.FirstChild.NextSibling != nil || n.FirstChild.Type != html.TextNode {
		return "a JSON-LD block that is not one text"
	}
	raw := n.FirstChild.Data
	if !json.Valid([]byte(raw)) {
		return "JSON-LD that does not parse: " + raw
	}
	for _, bad := range []string{"</script", "<!--", "<script"} {
		if strings.Contains(strings.ToLower(raw), bad) {
			return "JSON-LD holding " + bad
		}
	}
	return ""
}

func TestInertExampleSite(t *testing.T) {
	for _, b := range bases {
		t.Run(b.name, func(t *testing.T) {
			s := build(t, exampleOpts(b.baseURL))
			var files []render.File
			for _, p := range s.paths {
				files = append(files, render.File{Path: p, Data: s.files[p]})
			}
			for _, p := range inertProblems(files, s.basePath) {
				t.Error(p)
			}
		})
	}
}
