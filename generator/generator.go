// Package generator builds a hirebook site: a pure function from a content
// folder to a set of files, run as load, check, plan, render, guard and
// write, one stage per package.
package generator

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/hirebook/hirebook/generator/check"
	"github.com/hirebook/hirebook/generator/content"
	"github.com/hirebook/hirebook/generator/guard"
	"github.com/hirebook/hirebook/generator/output"
	"github.com/hirebook/hirebook/generator/pages"
	"github.com/hirebook/hirebook/generator/render"
	"github.com/hirebook/hirebook/themes"
)

// Options describe one build. The zero value builds ./content in memory.
type Options struct {
	Content string       // content folder; "content" when empty
	Out     string       // output folder; when empty nothing is written
	BaseURL string       // overrides site.yaml's base_url (e.g. for a preview)
	Drafts  bool         // publish draft roles
	Clock   content.Date // build as of this date; today when zero
	Now     func() time.Time
	// Keep keeps every file in memory (Result.Files) even when writing to
	// Out; otherwise a build to disk writes files as they are made and
	// holds none, so memory does not grow with the site.
	Keep bool

	// ContentFS, when set, is read instead of the Content folder (tests).
	ContentFS fs.FS
	// ThemeFS, when set, overrides the built-in theme instead of the
	// site's themes/<name>/ folder.
	ThemeFS fs.FS

	// Passphrase encrypts the team pages (guides, kits, guide index) when
	// guides.protect is passphrase. The command reads it from
	// HIREBOOK_GUIDE_PASSPHRASE; without it such a build stops.
	Passphrase string
	// PreviewGuides shows team pages in plain text, marked as a local
	// preview, when guides.protect is passphrase and no passphrase is set
	// (hirebook serve).
	PreviewGuides bool
	// GuideIterations overrides the PBKDF2 iteration count, for tests;
	// 0 means guard.DefaultIterations.
	GuideIterations int
}

// Result is what a build made.
type Result struct {
	Files    []render.File       // every file, in path order
	Warnings content.Diagnostics // lint warnings; errors are returned
	Stats    output.Stats
	Timings  []Timing
	BasePath string // the path part of the base URL, e.g. /careers/
}

// Timing is how long one stage took.
type Timing struct {
	Stage    string
	Duration time.Duration
}

// Build runs the whole pipeline: load, check, plan, render and write.
// Content errors come back as content.Diagnostics (every one of them);
// nothing is written then.
func Build(ctx context.Context, opts Options) (*Result, error) {
	return NewBuilder(opts).Build(ctx)
}

// Check runs every check a build runs, through planning (which finds
// broken links in bodies), and renders and writes nothing.
func Check(opts Options) (*content.Site, content.Diagnostics) {
	site, diags := Load(opts)
	if site == nil {
		return site, diags
	}
	theme, td := loadTheme(opts, &site.Config)
	if td != nil {
		diags = append(diags, td...)
		return site, diags
	}
	failed := errorFiles(diags)
	unread := unreadRoles(site, failed)
	_, pd := plan(site, opts, theme, unread)
	diags = append(diags, pd...)
	diags = append(diags, guard.WeakPassphrase(guardOptions(opts, site))...)
	if opts.Drafts {
		// Drafts' own links are checked as if they were published, and the
		// site as a build without drafts publishes it: a link from an open
		// role to a draft breaks there.
		published := opts
		published.Drafts = false
		_, pd = plan(site, published, theme, unread)
		diags = append(diags, pd...)
	}
	diags.Sort()
	return site, besideErrors(diags, errorFiles(diags)).Compact()
}

// errorFiles are the files with at least one error.
func errorFiles(diags content.Diagnostics) map[string]bool {
	bad := map[string]bool{}
	for _, d := range diags {
		if d.Severity == content.Error {
			bad[d.Pos.File] = true
		}
	}
	return bad
}

// besideErrors drops the warnings about a file that has errors: a value
// that failed to read looks missing to the lint rules (a misspelt
// `outcom:` would also warn that the KPO has no outcome), so they are
// shown once the file's errors are fixed.
func besideErrors(diags content.Diagnostics, bad map[string]bool) content.Diagnostics {
	out := diags[:0]
	for _, d := range diags {
		if d.Severity == content.Error || !bad[d.Pos.File] {
			out = append(out, d)
		}
	}
	return out
}

// plan plans the site; unread are role files left out of it by their
// errors, whose links are not judged (see pages.Options.Unread).
func plan(site *content.Site, opts Options, theme *render.Theme, unread []string) ([]pages.Page, content.Diagnostics) {
	return pages.Plan(site, pages.Options{Now: now(opts, site), Drafts: opts.Drafts, BaseURL: opts.BaseURL, Assets: theme.AssetPaths(), Unread: unread})
}

// unreadRoles are the slugs of role files with errors (failed) that left
// them out of the site (they could not be read or split): a link to one
// of them is not broken, and is checked again once the file reads.
func unreadRoles(site *content.Site, failed map[string]bool) []string {
	read := map[string]bool{}
	for _, r := range site.Roles {
		read[r.File] = true
	}
	var out []string
	for f := range failed {
		if !read[f] && path.Base(path.Dir(f)) == "roles" && strings.HasSuffix(f, ".md") {
			out = append(out, strings.TrimSuffix(path.Base(f), ".md"))
		}
	}
	sort.Strings(out)
	return out
}

// guardOptions sets up the guard stage, which seals team pages between
// render and write.
func guardOptions(opts Options, site *content.Site) guard.Options {
	return guard.Options{Config: &site.Config, BaseURL: pages.BaseURL(site.Config.BaseURL, opts.BaseURL),
		Passphrase: opts.Passphrase, Iterations: opts.GuideIterations, Preview: opts.PreviewGuides}
}

// Load reads and checks the content: the build stopped before planning.
func Load(opts Options) (*content.Site, content.Diagnostics) {
	fsys, prefix := contentFS(opts)
	site, diags := content.Load(fsys, content.Options{Prefix: prefix, FirstSeen: firstSeen(opts)})
	if site == nil {
		return nil, diags
	}
	diags = append(diags, check.Run(site)...)
	diags.Sort()
	return site, diags
}

// contentFS is the content folder to read and the name diagnostics give it.
func contentFS(opts Options) (fs.FS, string) {
	if opts.ContentFS != nil {
		return opts.ContentFS, ""
	}
	dir := contentDir(opts)
	return folderFS(dir), filepath.ToSlash(dir)
}

// folderFS reads a folder without leaving it: a symbolic link inside may
// point to another file in the folder, never outside it (a theme or role
// file could otherwise publish any file the build can read, such as
// /proc/self/environ with the guides' passphrase).
func folderFS(dir string) fs.FS {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return errFS{err}
	}
	return root.FS()
}

// errFS is a folder that could not be opened: every read fails with why.
type errFS struct{ err error }

func (e errFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: e.err}
}

func contentDir(opts Options) string {
	if opts.Content == "" {
		return "content"
	}
	return opts.Content
}

// loadTheme parses the built-in theme with the site's own theme folder,
// themes/<name>/ next to the content folder, laid over it. The default
// theme needs no folder; a theme named in site.yaml must have one. A name
// that is not a folder name was reported by check, and the built-in theme
// stands in until it is fixed.
func loadTheme(opts Options, cfg *content.Config) (*render.Theme, content.Diagnostics) {
	var over fs.FS
	switch {
	case opts.ThemeFS != nil:
		over = opts.ThemeFS
	case opts.ContentFS != nil || !check.ThemeName(cfg.Theme):
	default:
		dir := filepath.Join(filepath.Dir(filepath.Clean(contentDir(opts))), "themes", cfg.Theme)
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			over = folderFS(dir)
		} else if cfg.Theme != content.DefaultTheme {
			var ds content.Diagnostics
			ds.Add(themePos(cfg), "theme", "theme", "there is no theme folder %s", filepath.ToSlash(dir))
			return nil, ds
		}
	}
	theme, err := render.Load(themes.Default(), over)
	if err != nil {
		var ds content.Diagnostics
		ds.Add(themePos(cfg), "theme", "theme", "%v", err)
		return nil, ds
	}
	return theme, nil
}

// themePos is where site.yaml names the theme, or site.yaml itself.
func themePos(cfg *content.Config) content.Pos {
	if p, ok := cfg.Keys["theme"]; ok {
		return p
	}
	return content.Pos{File: cfg.File}
}

func now(opts Options, site *content.Site) time.Time {
	loc, err := time.LoadLocation(site.Config.Timezone)
	if err != nil {
		loc = time.UTC
	}
	if !opts.Clock.IsZero() {
		return opts.Clock.Start(loc)
	}
	if opts.Now != nil {
		return opts.Now()
	}
	return time.Now()
}

// safeOut refuses an output folder that is the content folder or one of
// its parents, since the output folder is replaced whole.
func safeOut(opts Options) error {
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return fmt.Errorf("output folder %s: %w", opts.Out, err)
	}
	if opts.ContentFS != nil {
		return nil
	}
	in, err := filepath.Abs(contentDir(opts))
	if err != nil {
		return fmt.Errorf("content folder: %w", err)
	}
	for _, pair := range [][2]string{{out, in}, {resolve(out), resolve(in)}} {
		if rel, err := filepath.Rel(pair[0], pair[1]); err == nil && (rel == "." || filepath.IsLocal(rel)) {
			return fmt.Errorf("output folder %s holds the content folder %s; choose another --out", opts.Out, contentDir(opts))
		}
	}
	return nil
}

// resolve follows symbolic links in p; for a path that does not exist yet,
// it resolves the nearest folder above it that does.
func resolve(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	parent := filepath.Dir(p)
	if parent == p {
		return p
	}
	return filepath.Join(resolve(parent), filepath.Base(p))
}

func stopwatch(res *Result) func(string) {
	last := time.Now()
	return func(stage string) {
		t := time.Now()
		res.Timings = append(res.Timings, Timing{stage, t.Sub(last)})
		last = t
	}
}
