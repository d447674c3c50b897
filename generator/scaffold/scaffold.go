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
	"unicode"
	"unicode/utf8"

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

// MaxSlug is the most characters in a new role's file name (without .md):
// enough for any real title, and far below the 255 bytes a file name may
// have, even in a script of four bytes a letter.
const MaxSlug = 60

// ErrNoSite is returned by NewRole for a folder that is not a site's
// content folder.
var ErrNoSite = errors.New("not a site's content folder")

// TitleSlug is the file name a role's title gives: its slug, cut at the
// last hyphen that keeps it within MaxSlug characters (or at MaxSlug, in a
// script without spaces).
func TitleSlug(title string) string {
	s := content.Slugify(title)
	if utf8.RuneCountInString(s) <= MaxSlug {
		return s
	}
	cut := 0
	for n := 0; n < MaxSlug; n++ {
		_, size := utf8.DecodeRuneInString(s[cut:])
		cut += size
	}
	// Never part a letter from its marks (a Thai or Devanagari vowel
	// sign): cut before the letter instead.
	for cut > 0 && cut < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[cut:]); !unicode.IsMark(r) {
			break
		}
		_, size := utf8.DecodeLastRuneInString(s[:cut])
		cut -= size
	}
	if s[cut] == '-' {
		return s[:cut]
	}
	if i := strings.LastIndexByte(s[:cut], '-'); i > 0 {
		return s[:i]
	}
	return s[:cut]
}

// LeftOut returns the characters of title that carry meaning and that
// the file name made from it leaves out, each once and in order ("#" for
// "C# Developer", "+" for "C++"), or "" when it leaves out none. They are
// symbols (+ $ € = < > ^ | ~, emoji) and # & % @; spaces and the
// punctuation that only separates words (, . / ( ) ' : and the like)
// do not count.
func LeftOut(title string) string {
	var out []rune
	for _, r := range title {
		if (unicode.IsSymbol(r) || strings.ContainsRune("#&%@", r)) && !strings.ContainsRune(string(out), r) {
			out = append(out, r)
		}
	}
	return string(out)
}

// SlugProblem says what is wrong with slug as a role's file name, or ""
// when nothing is: it must be a slug as a title gives it (lower-case
// letters and digits joined by single hyphens), of at most MaxSlug
// characters.
func SlugProblem(slug string) string {
	switch {
	case slug == "":
		return "the file name is empty"
	case content.Slugify(slug) != slug:
		// Suggest the slug only when it keeps every letter and digit
		// ("Data_Engineer"), not when it drops some ("C#" is not "c").
		if strings.Trim(slug, " -_.") != "" && strings.IndexFunc(slug, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) && !strings.ContainsRune(" -_.", r)
		}) < 0 {
			return fmt.Sprintf("%q is not lower-case letters and digits joined by single hyphens; say %q", slug, TitleSlug(slug))
		}
		return fmt.Sprintf("%q is not lower-case letters and digits joined by single hyphens", slug)
	case utf8.RuneCountInString(slug) > MaxSlug:
		return fmt.Sprintf("%q is longer than %d characters; say %q", slug, MaxSlug, TitleSlug(slug))
	}
	return ""
}

// NewRole writes roles/<slug>.md in the content folder, with every
// front-matter key listed and the optional ones commented out; the slug is
// made from the title when it is "". The content folder must have a
// site.yaml. It never overwrites a file, nor adds one whose name differs
// from an existing role's only in case.
func NewRole(contentDir, title, slug string, today time.Time) (string, error) {
	title = oneLine(title)
	if slug == "" {
		if slug = TitleSlug(title); slug == "" {
			return "", fmt.Errorf("the title %q has no letters or digits to make a file name from; choose one with --slug", title)
		}
	} else if problem := SlugProblem(slug); problem != "" {
		return "", fmt.Errorf("--slug: %s", problem)
	}
	site := filepath.Join(contentDir, "site.yaml")
	if _, err := os.Stat(site); errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%s does not exist, so %s is %w: run hirebook init to start a site, or point --content at yours", site, contentDir, ErrNoSite)
	} else if err != nil {
		return "", fmt.Errorf("%s: %w", site, unwrap(err))
	}
	rolesDir := filepath.Join(contentDir, "roles")
	out := filepath.Join(rolesDir, slug+".md")
	if existing := sameName(rolesDir, slug+".md"); existing != "" {
		return out, taken(existing, title, slug)
	}
	root, _ := fs.Sub(files, "files")
	b, err := execute(root, "role.md", RoleData{Title: title, Slug: slug, Today: today.Format("2006-01-02")})
	if err != nil {
		return out, err
	}
	if err := os.MkdirAll(rolesDir, 0o755); err != nil {
		return out, fmt.Errorf("create %s: %w", rolesDir, unwrap(err))
	}
	if err := writeNew(out, b); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return out, taken(out, title, slug)
		}
		return out, err
	}
	return out, nil
}

// sameName is the file in dir whose name is name in any case, or "".
func sameName(dir, name string) string {
	if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
		return filepath.Join(dir, name)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.EqualFold(e.Name(), name) {
			return filepath.Join(dir, e.Name())
		}
	}
	return ""
}

// taken explains why a new role cannot have the file name slug: the
// existing file, and its title when that is another, which gives the same
// name.
func taken(existing, title, slug string) error {
	other := roleTitle(existing)
	if other == "" || other == title {
		return fmt.Errorf("%s already exists; not overwriting it (to add another role of this title, choose its file name with --slug, such as %s-2)", existing, slug)
	}
	return fmt.Errorf("%s already exists: %q gives the same file name as its role, %q; choose another with --slug, such as %s-2", existing, title, other, slug)
}

// roleTitle is the title in a role file's front-matter, or "".
func roleTitle(file string) string {
	raw, err := os.ReadFile(file)
	if err != nil {
		return ""
	}
	doc, d := content.Split(file, raw)
	if d != nil || doc.Meta == nil {
		return ""
	}
	for i := 0; i+1 < len(doc.Meta.Content); i += 2 {
		if doc.Meta.Content[i].Value == "title" {
			return oneLine(doc.Meta.Content[i+1].Value)
		}
	}
	return ""
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
