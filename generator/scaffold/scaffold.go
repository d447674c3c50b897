// Package scaffold writes the files of a new site (hirebook init) and of a
// new role (hirebook new role), from templates embedded in the binary.
package scaffold

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"github.com/hirebook/hirebook/generator/content"
)

//go:embed all:files
var files embed.FS

// SiteData fills the new-site templates.
type SiteData struct {
	Company string
	Version string // the hirebook version the workflow pins
}

// ErrNotEmpty is returned by Init for a folder that already has files.
var ErrNotEmpty = errors.New("folder is not empty")

// Init writes a new site into dir: content/ with site.yaml, an example role
// and a company page, and a GitHub Pages workflow. It refuses a folder that
// has anything in it unless force is set, and never overwrites a file.
func Init(dir string, data SiteData, force bool) ([]string, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 && !force {
		return nil, fmt.Errorf("%s: %w (use --force to add the site to it anyway)", dir, ErrNotEmpty)
	}
	data.Company = oneLine(data.Company)
	var written []string
	root, _ := fs.Sub(files, "files/site")
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		target := p
		if p == "gitignore" {
			target = ".gitignore"
		}
		out := filepath.Join(dir, filepath.FromSlash(target))
		if _, err := os.Stat(out); err == nil {
			return fmt.Errorf("%s already exists; not overwriting it", out)
		}
		b, err := execute(root, p, data)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return fmt.Errorf("create %s: %w", filepath.Dir(out), err)
		}
		if err := os.WriteFile(out, b, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", out, err)
		}
		written = append(written, out)
		return nil
	})
	return written, err
}

// RoleData fills the new-role template.
type RoleData struct {
	Title, Slug, Today string
}

// NewRole writes roles/<slug>.md in the content folder, with every
// front-matter key listed and the optional ones commented out. It never
// overwrites a file.
func NewRole(contentDir, title string, today time.Time) (string, error) {
	title = oneLine(title)
	slug := content.Slugify(title)
	if slug == "" {
		return "", fmt.Errorf("the title %q has no letters or digits to make a file name from", title)
	}
	out := filepath.Join(contentDir, "roles", slug+".md")
	if _, err := os.Stat(out); err == nil {
		return out, fmt.Errorf("%s already exists; not overwriting it", out)
	}
	root, _ := fs.Sub(files, "files")
	b, err := execute(root, "role.md", RoleData{Title: title, Slug: slug, Today: today.Format("2006-01-02")})
	if err != nil {
		return out, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return out, fmt.Errorf("create %s: %w", filepath.Dir(out), err)
	}
	f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return out, fmt.Errorf("write %s: %w", out, err)
	}
	defer f.Close()
	if _, err := f.Write(b); err != nil {
		return out, fmt.Errorf("write %s: %w", out, err)
	}
	return out, nil
}

func execute(fsys fs.FS, name string, data any) ([]byte, error) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	t, err := template.New(name).Funcs(template.FuncMap{"yaml": yamlString}).Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("scaffold %s: %w", name, err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, fmt.Errorf("scaffold %s: %w", name, err)
	}
	return b.Bytes(), nil
}

// yamlString writes s as a YAML double-quoted string: JSON's string
// syntax is a subset of it, and quoting always means no name or title
// (": ", "#", "null", "- Dev", "? why") is read as anything but text.
func yamlString(s string) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// oneLine folds every run of white space, line breaks included, into one
// space: a name or title is one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
