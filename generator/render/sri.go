package render

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"path"
	"sort"
	"strings"
)

// scriptHashes are the Subresource Integrity hashes of a theme's scripts
// (assets/*.js), by asset path. A layout names a script's hash twice: in
// the script element's integrity attribute and in the page's
// Content-Security-Policy, whose script-src then allows that file and
// nothing else (CSP Level 3 lets a hash source match an external script
// that carries the same integrity hash).
type scriptHashes map[string]string

func hashScripts(files map[string][]byte) scriptHashes {
	h := scriptHashes{}
	for p, b := range files {
		if strings.HasPrefix(p, "assets/") && path.Ext(p) == ".js" {
			sum := sha256.Sum256(b)
			h[p] = "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
		}
	}
	return h
}

// funcs are the layout functions
//
//	sri "assets/unlock.js"   the script's hash, "sha256-…", for integrity=
//	scriptSources            every theme script's hash as a CSP source
//	                         list ('sha256-…' 'sha256-…'), or 'none'
func (h scriptHashes) funcs() template.FuncMap {
	return template.FuncMap{
		"sri": func(asset string) (string, error) {
			if s, ok := h[asset]; ok {
				return s, nil
			}
			return "", fmt.Errorf("sri: the theme has no script %q", asset)
		},
		"scriptSources": func() string {
			var srcs []string
			for _, s := range h {
				srcs = append(srcs, "'"+s+"'")
			}
			if len(srcs) == 0 {
				return "'none'"
			}
			sort.Strings(srcs)
			return strings.Join(srcs, " ")
		},
	}
}
