package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"path"
	"strings"
)

// inlineStyles returns the layout functions that put a theme stylesheet
// inside a page, computed once per theme:
//
//	inlineStyle "assets/style.css"   the file's text, for a <style> element
//	styleHash "assets/style.css"     its Content-Security-Policy source,
//	                                 'sha256-…', for style-src
func inlineStyles(files map[string][]byte) (template.FuncMap, error) {
	css := map[string]template.CSS{}
	hash := map[string]string{}
	for p, b := range files {
		if !strings.HasPrefix(p, "assets/") || path.Ext(p) != ".css" {
			continue
		}
		if bytes.Contains(bytes.ToLower(b), []byte("</style")) {
			return nil, fmt.Errorf("theme stylesheet %s: it contains </style, so it cannot be inlined", p)
		}
		sum := sha256.Sum256(b)
		css[p] = template.CSS(b) // #nosec: the theme's own stylesheet, not content
		hash[p] = "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	missing := func(p string) error { return fmt.Errorf("the theme has no stylesheet %q", p) }
	return template.FuncMap{
		"inlineStyle": func(p string) (template.CSS, error) {
			if c, ok := css[p]; ok {
				return c, nil
			}
			return "", missing(p)
		},
		"styleHash": func(p string) (string, error) {
			if h, ok := hash[p]; ok {
				return h, nil
			}
			return "", missing(p)
		},
	}, nil
}
