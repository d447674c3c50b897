// Package render turns planned pages into bytes: it loads the layouts of
// the built-in theme with any overrides from the site's own theme folder,
// parses them once, and executes one layout per page, GOMAXPROCS at a time.
package render

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/hirebook/hirebook/generator/internal/pool"
	"github.com/hirebook/hirebook/generator/pages"
)

// File is one output file.
type File struct {
	Path     string
	Data     []byte
	Audience pages.Audience
}

// Theme is a parsed set of layouts plus the asset files to copy.
type Theme struct {
	layouts map[string]*layout
	assets  []File
}

// layout is one page layout, looked up once, with the size of the last
// page it made: the next page's buffer starts that large, so it is not
// grown and copied a dozen times on the way.
type layout struct {
	tmpl *template.Template
	size atomic.Int64
}

// Load reads the built-in theme, letting any file in override (which may be
// nil) replace the built-in file of the same name.
func Load(builtin, override fs.FS) (*Theme, error) {
	files := map[string][]byte{}
	own := map[string]bool{} // files the site's theme folder supplies
	for i, fsys := range []fs.FS{builtin, override} {
		if fsys == nil {
			continue
		}
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			// Only files: a device or a pipe would hang or flood the build.
			if fi, err := fs.Stat(fsys, p); err != nil || !fi.Mode().IsRegular() {
				if err == nil {
					err = fmt.Errorf("not a regular file")
				}
				return fmt.Errorf("theme file %s: %w", p, err)
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return fmt.Errorf("theme file %s: %w", p, err)
			}
			files[p] = b
			own[p] = i == 1
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	t := &Theme{layouts: map[string]*layout{}}
	var shared []string
	for p := range files {
		if strings.HasPrefix(p, "layouts/partials/") || p == "layouts/base.html" {
			shared = append(shared, p)
		}
	}
	sort.Strings(shared)
	hashes := hashScripts(files)
	styles, err := inlineStyles(files)
	if err != nil {
		return nil, err
	}
	for p, b := range files {
		switch {
		case strings.HasPrefix(p, "assets/"):
			t.assets = append(t.assets, File{Path: p, Data: b})
		case strings.HasPrefix(p, "layouts/") && path.Dir(p) == "layouts" && p != "layouts/base.html" && strings.HasSuffix(p, ".html"):
			name := strings.TrimSuffix(path.Base(p), ".html")
			tmpl := template.New(name).Funcs(funcs).Funcs(hashes.funcs())
			tmpl.Funcs(template.FuncMap{"memo": memo(tmpl)}).Funcs(styles)
			for _, s := range append(shared, p) {
				if _, err := tmpl.New(s).Parse(string(files[s])); err != nil {
					from := "built in"
					if own[s] {
						from = "in the site's theme folder"
					}
					return nil, fmt.Errorf("theme layout %s (%s): %w", s, from, err)
				}
			}
			t.layouts[name] = &layout{tmpl: tmpl.Lookup(p)}
		}
	}
	sort.Slice(t.assets, func(i, j int) bool { return t.assets[i].Path < t.assets[j].Path })
	return t, nil
}

// Assets lists the theme's asset files, as they are written to the site.
func (t *Theme) Assets() []File { return t.assets }

// AssetPaths lists the output paths of the theme's assets.
func (t *Theme) AssetPaths() []string {
	out := make([]string, len(t.assets))
	for i, a := range t.assets {
		out[i] = a.Path
	}
	return out
}

// Page renders one page.
func (t *Theme) Page(p pages.Page) ([]byte, error) {
	if p.Layout == "" {
		if p.Body == nil && p.Make != nil {
			return p.Make(), nil
		}
		return p.Body, nil
	}
	l, ok := t.layouts[p.Layout]
	if !ok {
		return nil, fmt.Errorf("%s: the theme has no layout %q", p.Path, p.Layout)
	}
	n := l.size.Load()
	b := bytes.NewBuffer(make([]byte, 0, n+n/8))
	if err := l.tmpl.Execute(b, p.Data); err != nil {
		return nil, fmt.Errorf("%s: layout %s: %w", p.Path, p.Layout, err)
	}
	l.size.Store(int64(b.Len()))
	return b.Bytes(), nil
}

// Inline renders pages one after another on the calling goroutine, for
// callers that already run one page set per worker.
func Inline(ctx context.Context, t *Theme, ps []pages.Page) ([]File, error) {
	out := make([]File, len(ps))
	for i, p := range ps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b, err := t.Page(p)
		if err != nil {
			return nil, err
		}
		out[i] = File{Path: p.Path, Data: b, Audience: p.Audience}
	}
	return out, nil
}

// Pages renders pages concurrently, in their order.
func Pages(ctx context.Context, t *Theme, ps []pages.Page) ([]File, error) {
	out := make([]File, len(ps))
	err := pool.EachErr(len(ps), func(i int) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, err := t.Page(ps[i])
		out[i] = File{Path: ps[i].Path, Data: b, Audience: ps[i].Audience}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// memo returns the layout function memo MEMO KEY NAME DATA: the named
// template executed with DATA, rendered once per KEY and kept in MEMO.
func memo(t *template.Template) func(*pages.Memo, string, string, any) (template.HTML, error) {
	return func(m *pages.Memo, key, name string, data any) (template.HTML, error) {
		if h, ok := m.Load(name + "\x00" + key); ok {
			return h, nil
		}
		var b bytes.Buffer
		if err := t.ExecuteTemplate(&b, name, data); err != nil {
			return "", err
		}
		h := template.HTML(b.String()) // #nosec: output of an html/template in HTML text context
		m.Store(name+"\x00"+key, h)
		return h, nil
	}
}

var funcs = template.FuncMap{
	"join": strings.Join,
	"add":  func(a, b int) int { return a + b },
}
