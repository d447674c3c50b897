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

// Action is what Init did with one file.
type Action int

const (
	Wrote    Action = iota // wrote a new file
	Appended               // appended the lines of hirebook's .gitignore that an existing one lacked
	Kept                   // left an existing file as it was
	KeptSite               // left a content folder that has a site.yaml as it was
)

// Written is one file (or, for KeptSite, the content folder) and what
// Init did with it.
type Written struct {
	Path   string
	Action Action
	Lines  []string // Appended: the lines added
}

// Init writes a new site into dir: content/ with site.yaml, an example role
// and a company page, a .gitignore and a GitHub Pages workflow. It refuses
// a folder that has anything in it unless force is set, and never
// overwrites a file: with force, a file that exists is kept as it is,
// except .gitignore, which gets the lines of hirebook's that it lacks; and
// a content folder that has a site.yaml already is left alone whole (an
// example role in it would be published with the real ones). Nothing is
// written unless every file can be.
func Init(dir string, data SiteData, force bool) ([]Written, error) {
	data.Company = oneLine(data.Company)
	if data.Company == "" {
		return nil, errors.New("the company name is empty; it is the hiring organization's name, shown on every page")
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 && !force {
		return nil, fmt.Errorf("%s: %w (use --force to add the site to it anyway)", dir, ErrNotEmpty)
	}
	contentDir := filepath.Join(dir, "content")
	_, err := os.Stat(filepath.Join(contentDir, "site.yaml"))
	haveSite := err == nil
	type plan struct {
		Written
		data []byte
	}
	var plans []plan
	if haveSite {
		plans = append(plans, plan{Written: Written{Path: contentDir, Action: KeptSite}})
	}
	root, _ := fs.Sub(files, "files/site")
	err = fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if haveSite && strings.HasPrefix(p, "content/") {
			return nil
		}
		target := p
		if p == "gitignore" {
			target = ".gitignore"
		}
		out := filepath.Join(dir, filepath.FromSlash(target))
		b, err := execute(root, p, data)
		if err != nil {
			return err
		}
		fi, err := os.Stat(out)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			plans = append(plans, plan{Written{Path: out, Action: Wrote}, b})
		case err != nil:
			return err
		case !fi.Mode().IsRegular():
			return fmt.Errorf("%s exists and is not a file", out)
		case target == ".gitignore":
			old, err := os.ReadFile(out)
			if err != nil {
				return err
			}
			add, lines := missingLines(old, b)
			if len(lines) == 0 {
				plans = append(plans, plan{Written: Written{Path: out, Action: Kept}})
			} else {
				plans = append(plans, plan{Written{Path: out, Action: Appended, Lines: lines}, add})
			}
		default:
			plans = append(plans, plan{Written: Written{Path: out, Action: Kept}})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var done []Written
	for _, p := range plans {
		switch p.Action {
		case Wrote:
			if err := os.MkdirAll(filepath.Dir(p.Path), 0o755); err != nil {
				return done, fmt.Errorf("create %s: %w", filepath.Dir(p.Path), err)
			}
			err = writeNew(p.Path, p.data)
		case Appended:
			err = appendTo(p.Path, p.data)
		}
		if err != nil {
			return done, err
		}
		done = append(done, p.Written)
	}
	return done, nil
}

// missingLines returns what to append to the ignore file old so that it
// has every pattern of hirebook's ignore file ours, each with the comment
// lines above it, and the patterns added. A pattern counts as there when
// a line of old is the same, spaces at either end aside.
func missingLines(old, ours []byte) ([]byte, []string) {
	have := map[string]bool{}
	for _, l := range strings.Split(string(old), "\n") {
		have[strings.TrimSpace(l)] = true
	}
	nl := "\n"
	if bytes.Contains(old, []byte("\r\n")) {
		nl = "\r\n"
	}
	var add strings.Builder
	var added, comments []string
	for _, l := range strings.Split(strings.TrimSuffix(string(ours), "\n"), "\n") {
		switch t := strings.TrimSpace(l); {
		case t == "":
			comments = nil
		case strings.HasPrefix(t, "#"):
			comments = append(comments, l)
		case have[t]:
			comments = nil
		default:
			for _, c := range comments {
				add.WriteString(c + nl)
			}
			add.WriteString(l + nl)
			added = append(added, t)
			comments = nil
		}
	}
	if len(added) == 0 {
		return nil, nil
	}
	prefix := ""
	if len(old) > 0 && !bytes.HasSuffix(old, []byte("\n")) {
		prefix = nl
	}
	return []byte(prefix + add.String()), added
}

// writeNew writes a file that must not exist yet.
func writeNew(name string, b []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, unwrap(err))
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", name, unwrap(err))
	}
	return nil
}

func appendTo(name string, b []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return fmt.Errorf("add to %s: %w", name, unwrap(err))
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("add to %s: %w", name, unwrap(err))
	}
	return nil
}

// unwrap drops the path an os error repeats after the message names it.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
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
