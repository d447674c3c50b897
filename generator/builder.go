package generator

import (
	"context"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/hirebook/hirebook/generator/check"
	"github.com/hirebook/hirebook/generator/content"
	"github.com/hirebook/hirebook/generator/guard"
	"github.com/hirebook/hirebook/generator/internal/pool"
	"github.com/hirebook/hirebook/generator/output"
	"github.com/hirebook/hirebook/generator/pages"
	"github.com/hirebook/hirebook/generator/render"
)

// Builder builds a site and builds it again after changes, redoing only the
// work that depends on what changed: an edit to one role re-reads, re-checks
// and re-renders that role's pages and the pages that list roles; anything
// else (site.yaml, company pages, the theme, a role added, removed, moved to
// another team or opened or closed) rebuilds everything. Either way the
// result is byte for byte what a full build gives.
type Builder struct {
	opts      Options
	loader    *content.Loader
	site      *content.Site
	theme     *render.Theme
	planner   *pages.Planner
	now       time.Time
	siteDiags content.Diagnostics
	roles     map[string]*roleState // by file name within the content folder
	guard     *guard.Guard
	ready     bool
	listing   map[string]listed // listing pages of the last build, by path
	out       *output.Writer    // the folder being written, when streaming
	files     []render.File     // the last build's files, in path order
	index     map[string]int    // where each path is in files
	partialOK bool              // this build re-planned only changed roles
	changed   []*roleState      // the roles this partial build re-planned
}

// listed is a listing page as last rendered, with its Key.
type listed struct {
	key  string
	file render.File
}

// streams reports whether the build writes files as they are made and
// keeps none in memory: a build to disk that is not kept for rebuilds.
func (b *Builder) streams() bool { return b.opts.Out != "" && !b.opts.Keep }

// roleState is what the builder keeps of one role between builds.
type roleState struct {
	role  *content.Role
	diags content.Diagnostics
	view  *pages.RoleView // nil when the role is not published
	files []render.File
}

// NewBuilder returns a builder for opts; nothing is read until Build.
func NewBuilder(opts Options) *Builder { return &Builder{opts: opts} }

// Build builds the whole site from scratch.
func (b *Builder) Build(ctx context.Context) (*Result, error) {
	return b.Rebuild(ctx, nil)
}

// Rebuild builds again after the named files changed (paths as the
// watcher reports them). With no names, or after a failed full build, it
// builds everything.
func (b *Builder) Rebuild(ctx context.Context, changed []string) (*Result, error) {
	res := &Result{}
	step := stopwatch(res)
	if b.streams() {
		if err := safeOut(b.opts); err != nil {
			return res, err
		}
		w, err := output.Begin(b.opts.Out)
		if err != nil {
			return res, err
		}
		b.out = w
		defer func() {
			w.Abort() // a no-op once committed
			b.out = nil
		}()
	}
	names, ok := b.roleChanges(changed)
	b.partialOK, b.changed = ok && b.ready, nil
	if !ok || !b.ready {
		if err := b.full(ctx, step); err != nil {
			return res, err
		}
	} else if err := b.partial(ctx, names, step); err != nil {
		return res, err
	}
	return b.finish(ctx, res, step)
}

// roleChanges maps changed paths to role files (roles/x.md); it reports
// false when anything but existing role files changed.
func (b *Builder) roleChanges(changed []string) ([]string, bool) {
	if len(changed) == 0 || b.opts.ContentFS != nil || b.streams() {
		return nil, false
	}
	root, err := filepath.Abs(contentDir(b.opts))
	if err != nil {
		return nil, false
	}
	var names []string
	for _, c := range changed {
		abs, err := filepath.Abs(c)
		if err != nil {
			return nil, false
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || !filepath.IsLocal(rel) {
			return nil, false
		}
		rel = filepath.ToSlash(rel)
		if path.Dir(rel) != "roles" || !strings.HasSuffix(rel, ".md") || b.roles[rel] == nil {
			return nil, false
		}
		names = append(names, rel)
	}
	return names, true
}

// full reads, checks, plans and renders everything.
func (b *Builder) full(ctx context.Context, step func(string)) error {
	b.ready = false
	b.listing = nil
	b.partialOK, b.changed = false, nil // a partial build that falls back to this is no longer partial
	fsys, prefix := contentFS(b.opts)
	b.loader = content.NewLoader(fsys, content.Options{Prefix: prefix, FirstSeen: firstSeen(b.opts)})
	site, diags := b.loader.Load()
	step("load")
	if site == nil {
		return diags.Errors()
	}
	theme, td := loadTheme(b.opts, &site.Config)
	if td != nil {
		return append(diags.Errors(), td...)
	}
	b.site, b.theme = site, theme
	b.now = now(b.opts, site)
	b.planner = pages.NewPlanner(site, b.pagesOptions())
	b.siteDiags = check.Site(site)
	var gd content.Diagnostics
	b.guard, gd = guard.New(guardOptions(b.opts, site), b.guard)
	b.siteDiags = append(b.siteDiags, gd...)
	byFile := map[string]content.Diagnostics{}
	for _, d := range diags {
		byFile[d.Pos.File] = append(byFile[d.Pos.File], d)
	}
	b.roles = map[string]*roleState{}
	states := make([]*roleState, len(site.Roles))
	for i, r := range site.Roles {
		states[i] = &roleState{role: r, diags: byFile[r.File]}
		delete(byFile, r.File)
		b.roles[roleName(r)] = states[i]
	}
	for _, ds := range byFile {
		b.siteDiags = append(b.siteDiags, ds...)
	}
	err := pool.EachErr(len(states), func(i int) error { return b.planRole(ctx, states[i]) })
	step("plan and render roles")
	if err != nil {
		return err
	}
	b.ready = true
	return nil
}

// partial re-reads the named role files and re-plans them.
func (b *Builder) partial(ctx context.Context, names []string, step func(string)) error {
	for _, name := range names {
		r, diags := b.loader.Role(name)
		old := b.roles[name]
		if r == nil || changesSite(old.role, r) {
			return b.full(ctx, step)
		}
		for i, sr := range b.site.Roles {
			if sr == old.role {
				b.site.Roles[i] = r
			}
		}
		st := &roleState{role: r, diags: diags}
		if err := b.planRole(ctx, st); err != nil {
			return err
		}
		b.roles[name] = st
		b.changed = append(b.changed, st)
	}
	step("plan and render changed roles")
	return nil
}

// changesSite reports whether an edit changes more than the role's own
// pages and its entries in lists: its status, team, closing date and the
// interviewers who have kits decide which pages exist, and so which links
// in every body resolve.
func changesSite(old, r *content.Role) bool {
	return old.Status != r.Status || old.Team != r.Team || old.Closes != r.Closes ||
		!slices.Equal(kitSlugs(old), kitSlugs(r))
}

// kitSlugs lists the interviewers of a role who get a kit.
func kitSlugs(r *content.Role) []string {
	var out []string
	for _, iv := range r.Interviewers {
		if len(iv.Covers) > 0 {
			out = append(out, iv.Slug)
		}
	}
	return out
}

// planRole checks, plans, renders and seals one role's own pages; when
// streaming it writes them at once and keeps only what lists need.
func (b *Builder) planRole(ctx context.Context, st *roleState) error {
	st.diags = append(st.diags, check.Role(st.role)...)
	if len(b.planner.Published([]*content.Role{st.role})) == 0 {
		return nil
	}
	view, ps, pd := b.planner.Role(st.role)
	st.view, st.diags = view, append(st.diags, pd...)
	files, err := render.Inline(ctx, b.theme, ps)
	if err != nil {
		return err
	}
	if files, err = b.guard.Seal(b.theme, ps, files); err != nil {
		return err
	}
	view.Body = "" // lists never show it; the role's own pages are done
	if b.out != nil {
		slim(st.role)
		return b.out.Write(files...)
	}
	st.files = files
	return nil
}

// finish plans the listing pages, renders those whose Key changed since
// the last build, gathers every file and problem, and writes the output.
func (b *Builder) finish(ctx context.Context, res *Result, step func(string)) (*Result, error) {
	res.BasePath = pages.BasePath(b.site.Config.BaseURL, b.opts.BaseURL)
	roles := b.planner.Published(b.site.Roles)
	views := make([]*pages.RoleView, 0, len(roles))
	diags := append(content.Diagnostics{}, b.siteDiags...)
	n := 0
	for _, r := range b.site.Roles {
		st := b.roles[roleName(r)]
		diags = append(diags, st.diags...)
		if st.view != nil {
			views = append(views, st.view)
			n += len(st.files)
		}
	}
	ps, pd := b.planner.Site(b.site, roles, views)
	diags = append(diags, pd...)
	diags.Sort()
	diags = diags.Compact()
	if diags.HasErrors() {
		return res, diags.Errors()
	}
	res.Warnings = diags
	listing, err := b.renderListing(ctx, ps)
	if err != nil {
		return res, err
	}
	extra := append(listing, b.theme.Assets()...)
	step("render site pages")
	if b.out != nil {
		if err := b.out.WriteAll(extra); err != nil {
			return res, err
		}
		if res.Stats, err = b.out.Commit(); err != nil {
			return res, err
		}
		step("write")
		return res, nil
	}
	files, ok := b.patch(extra)
	if !ok {
		b.index = nil
		files = make([]render.File, 0, n+len(extra))
		for _, r := range b.site.Roles {
			if st := b.roles[roleName(r)]; st.view != nil {
				files = append(files, st.files...)
			}
		}
		files = append(files, extra...)
		slices.SortFunc(files, func(a, b render.File) int { return strings.Compare(a.Path, b.Path) })
	}
	b.files = files
	res.Files = files
	if b.opts.Out != "" {
		if err := safeOut(b.opts); err != nil {
			return res, err
		}
		if res.Stats, err = output.Write(b.opts.Out, files); err != nil {
			return res, err
		}
		step("write")
	}
	return res, nil
}

// patch updates the last build's files in place after a partial build,
// when the set of paths is the same; it reports false when the list must be
// made again.
func (b *Builder) patch(extra []render.File) ([]render.File, bool) {
	if !b.partialOK || b.files == nil {
		return nil, false
	}
	if b.index == nil {
		b.index = make(map[string]int, len(b.files))
		for i, f := range b.files {
			b.index[f.Path] = i
		}
	}
	files := slices.Clone(b.files)
	seen := 0
	put := func(f render.File) bool {
		i, ok := b.index[f.Path]
		if ok {
			files[i] = f
			seen++
		}
		return ok
	}
	for _, st := range b.changed {
		for _, f := range st.files {
			if !put(f) {
				return nil, false
			}
		}
	}
	for _, f := range extra {
		if !put(f) {
			return nil, false
		}
	}
	// Every path written must be one the last build had, and the count of
	// paths must match, or a page came or went.
	total := len(extra)
	for _, r := range b.site.Roles {
		if st := b.roles[roleName(r)]; st.view != nil {
			total += len(st.files)
		}
	}
	if total != len(b.files) {
		return nil, false
	}
	return files, true
}

// renderListing renders and seals the listing pages, reusing the bytes of
// any page whose Key is the same as in the last build.
func (b *Builder) renderListing(ctx context.Context, ps []pages.Page) ([]render.File, error) {
	out := make([]render.File, len(ps))
	var todo []pages.Page
	var at []int
	for i, p := range ps {
		if old, ok := b.listing[p.Path]; ok && p.Key != "" && old.key == p.Key {
			out[i] = old.file
			continue
		}
		todo = append(todo, p)
		at = append(at, i)
	}
	files, err := render.Pages(ctx, b.theme, todo)
	if err != nil {
		return nil, err
	}
	if files, err = b.guard.Seal(b.theme, todo, files); err != nil {
		return nil, err
	}
	for j, f := range files {
		out[at[j]] = f
	}
	if !b.streams() {
		b.listing = make(map[string]listed, len(ps))
		for i, p := range ps {
			b.listing[p.Path] = listed{key: p.Key, file: out[i]}
		}
	}
	return out, nil
}

func (b *Builder) pagesOptions() pages.Options {
	return pages.Options{Now: b.now, Drafts: b.opts.Drafts, BaseURL: b.opts.BaseURL, Assets: b.theme.AssetPaths()}
}

func roleName(r *content.Role) string { return "roles/" + r.Slug + ".md" }

// slim drops what a streaming build no longer needs of a role once its
// pages are written: the Markdown and the positions of keys other than
// aliases (which the site-wide alias check still reports).
func slim(r *content.Role) {
	r.Body = nil
	keys := content.Keys{}
	for k, p := range r.Keys {
		if strings.HasPrefix(k, "aliases") {
			keys[k] = p
		}
	}
	r.Keys = keys
}
