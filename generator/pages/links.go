package pages

import (
	"net/url"
	"path"
	"strings"

	"github.com/hirebook/hirebook/generator/markdown"
)

// linker resolves links written in bodies against the planned site.
type linker struct {
	basePath string          // e.g. /careers/
	exists   map[string]bool // site-relative URLs of pages and files, e.g. /roles/pmm/
	roles    map[string]bool // published role slugs
	company  map[string]bool // company page slugs
	unread   map[string]bool // slugs of role files that could not be read
}

// url turns a site-relative path made from slugs into a URL under the base
// path, escaping each segment (a slug may hold spaces or accents).
func (l *linker) url(rel string) string {
	segs := strings.Split(strings.TrimPrefix(rel, "/"), "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return l.basePath + strings.Join(segs, "/")
}

// raw puts a path written by hand (already a URL path) under the base path.
func (l *linker) raw(rel string) string { return l.basePath + strings.TrimPrefix(rel, "/") }

// resolver returns the markdown.LinkResolver for a body in folder dir
// (roles or company).
func (l *linker) resolver(dir string) markdown.LinkResolver {
	return func(dest string) (string, string) {
		p, rest := splitRest(dest)
		switch {
		case strings.HasPrefix(p, "//") || strings.Contains(p, ":"):
			return dest, "" // another site, mailto:, ...
		case strings.HasPrefix(p, "/"):
			if !l.has(p) && !l.unread[roleSlugOf(p)] {
				return l.raw(p) + rest, "links to " + p + ", which is not a page of this site"
			}
			return l.raw(p) + rest, ""
		case strings.HasSuffix(p, ".md"):
			return l.file(dir, p, rest)
		}
		return dest, ""
	}
}

// file resolves a link to another content file to that page's URL: a path
// relative to the linking file (sre.md, ../company/growth.md), or one
// written from the content folder (roles/sre.md, company/growth.md).
func (l *linker) file(dir, p, rest string) (string, string) {
	full := path.Clean(path.Join(dir, p))
	if strings.HasPrefix(p, "roles/") || strings.HasPrefix(p, "company/") {
		full = path.Clean(p) // written from the content folder
	}
	folder, name := path.Split(full)
	slug := strings.TrimSuffix(name, ".md")
	switch strings.Trim(folder, "/") {
	case "roles":
		if l.roles[slug] {
			return l.url("/roles/"+slug+"/") + rest, ""
		}
		if l.unread[slug] {
			return p + rest, "" // its own errors say what is wrong
		}
		return p + rest, "links to role file " + full + ", which does not exist or is not published"
	case "company":
		if l.company[slug] {
			return l.url("/company/"+slug+"/") + rest, ""
		}
		return p + rest, "links to company page " + full + ", which does not exist"
	}
	return p + rest, "links to " + p + ", which is not a role or company file"
}

// roleSlugOf is the role slug of a site-relative path under /roles/, or "".
func roleSlugOf(p string) string {
	rest, ok := strings.CutPrefix(path.Clean(p), "/roles/")
	if !ok {
		return ""
	}
	slug, _, _ := strings.Cut(rest, "/")
	return slug
}

// has reports whether a site-relative path names a page or file.
func (l *linker) has(p string) bool {
	p = path.Clean(p)
	if p == "/" || p == "/index.html" {
		return true
	}
	p = strings.TrimSuffix(p, "/index.html")
	return l.exists[p+"/"] || l.exists[p]
}

func splitRest(dest string) (string, string) {
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		return dest[:i], dest[i:]
	}
	return dest, ""
}

// fileOf turns a site-relative path into the file that serves it:
// /roles/pmm-2025/ -> roles/pmm-2025/index.html.
func fileOf(p string) string {
	p = strings.TrimPrefix(path.Clean(p), "/")
	if p == "" || p == "." {
		return "index.html"
	}
	if path.Ext(p) == ".html" {
		return p
	}
	return p + "/index.html"
}
