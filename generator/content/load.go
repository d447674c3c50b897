// Package content reads a hirebook content folder: site.yaml, roles/*.md
// and company/*.md, with YAML or TOML front-matter, into plain Go structs
// that remember where every key was written. Role defaults from site.yaml
// and company pages are merged here, key by key.
package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/hirebook/hirebook/generator/internal/pool"
	"gopkg.in/yaml.v3"
)

// Options tune Load. The zero value is usable.
type Options struct {
	// Prefix is put before file names in diagnostics, e.g. "content".
	Prefix string
	// FirstSeen gives the date a role file first appeared (its first
	// commit); when it returns false, the file's modification date is used.
	FirstSeen func(name string) (Date, bool)
	// Location is the zone modification dates are read in; UTC when nil.
	Location *time.Location
}

// Load reads the content folder fsys. It returns the site and every problem
// found; the site is nil only when site.yaml itself cannot be read (the
// problems then include those of the roles and company pages, read without
// its defaults).
func Load(fsys fs.FS, opts Options) (*Site, Diagnostics) {
	return NewLoader(fsys, opts).Load()
}

// Loader reads a content folder and, after a first Load, can read single
// role files again with the same settings and defaults.
type Loader struct{ l *loader }

// NewLoader prepares to read fsys.
func NewLoader(fsys fs.FS, opts Options) *Loader {
	return &Loader{&loader{fsys: fsys, opts: opts, origin: map[*yaml.Node]string{}}}
}

// Load reads the whole folder, as the package-level Load does.
func (L *Loader) Load() (*Site, Diagnostics) {
	var diags Diagnostics
	l := L.l
	site := &Site{}
	ok := l.config(&site.Config, &diags)
	if !ok {
		// The roles and company pages are still read, without site.yaml's
		// defaults, so their own mistakes show in the same run. Defaults
		// only add values (and never a title, KPOs or aliases), so reading
		// without them finds no error that is not there.
		site.Config = Config{File: site.Config.File}
	}
	site.Config.fill()
	loc := time.UTC
	if tz, err := time.LoadLocation(site.Config.Timezone); err == nil && site.Config.Timezone != "" {
		loc = tz
	}
	if l.opts.Location == nil {
		l.opts.Location = loc
	}
	l.defaults = []*yaml.Node{}
	if site.Config.Defaults != nil {
		l.checkDefaults(site.Config.Defaults, site.Config.File, "defaults", &diags)
	}
	l.cfg = &site.Config
	site.Company = l.companyPages(&diags)
	site.Roles = l.roles(&diags)
	diags.Sort()
	if !ok {
		return nil, diags
	}
	return site, diags
}

// Role reads one role file again (name is relative to the folder, e.g.
// roles/sre.md), applying the defaults the last Load read. The role is nil
// when the file cannot be read or split.
func (L *Loader) Role(name string) (*Role, Diagnostics) {
	var diags Diagnostics
	r := L.l.role(name, &diags)
	diags.Sort()
	return r, diags
}

type loader struct {
	fsys     fs.FS
	opts     Options
	origin   map[*yaml.Node]string
	defaults []*yaml.Node // in the order they apply
	cfg      *Config
	fields   fieldCache
}

func (l *loader) name(p string) string {
	if l.opts.Prefix == "" {
		return p
	}
	return path.Join(l.opts.Prefix, p)
}

func (l *loader) config(c *Config, diags *Diagnostics) bool {
	c.File = l.name("site.yaml")
	raw, rule, msg := readFile(l.fsys, "site.yaml", "site settings")
	if rule == "read" {
		rule = "missing-site"
	}
	if rule != "" {
		diags.Add(Pos{File: c.File, Line: 1, Col: 1}, "", rule, "%s", msg)
		return false
	}
	data, d := Clean(c.File, raw)
	if d != nil {
		*diags = append(*diags, *d)
		return false
	}
	root, d := ParseYAML(c.File, data, 0)
	if d != nil {
		*diags = append(*diags, *d)
		return false
	}
	dec := newDecoder(c.File, nil, diags, &l.fields)
	dec.mapping(root, reflectValue(c), "")
	c.Keys = dec.keys
	return true
}

// RoleOnlyKeys are the role keys that only make sense on one role, and so
// cannot be defaults.
var RoleOnlyKeys = []string{"title", "kpos", "aliases"}

var forbiddenDefaults = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range RoleOnlyKeys {
		m[k] = true
	}
	return m
}()

// checkDefaults validates a defaults mapping once and remembers it, and the
// file it came from, for merging into every role.
func (l *loader) checkDefaults(n *yaml.Node, file, key string, diags *Diagnostics) {
	if n.Kind != yaml.MappingNode {
		if !isNull(n) {
			diags.Add(Pos{File: file, Line: n.Line, Col: n.Column}, key, "type", "expected a mapping of role keys to default values")
		}
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; forbiddenDefaults[k.Value] {
			diags.Add(Pos{File: file, Line: k.Line, Col: k.Column}, key+"."+k.Value, "default-not-allowed", "%s is set on each role, not as a default", k.Value)
		}
	}
	var r Role
	newDecoder(file, nil, diags, &l.fields).mapping(n, reflectValue(&r), key)
	markOrigin(n, file, l.origin)
	l.defaults = append(l.defaults, n)
}

func markOrigin(n *yaml.Node, file string, origin map[*yaml.Node]string) {
	origin[n] = file
	for _, c := range n.Content {
		markOrigin(c, file, origin)
	}
}

// mdFiles lists dir/*.md in name order. Like the shell's *, it leaves out
// hidden files: editors keep lock and backup files there (Emacs's .#x.md is
// a link to nowhere while x.md is being edited).
func (l *loader) mdFiles(dir string, diags *Diagnostics) []string {
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		if _, statErr := fs.Stat(l.fsys, dir); statErr != nil {
			return nil // the folder is optional
		}
		diags.Add(Pos{File: l.name(dir)}, "", "read", "cannot list folder: %v", unwrapPath(err))
		return nil
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".md") && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, path.Join(dir, e.Name()))
		}
	}
	sort.Strings(names)
	return names
}

func (l *loader) companyPages(diags *Diagnostics) []*CompanyPage {
	var out []*CompanyPage
	for _, name := range l.mdFiles("company", diags) {
		p := &CompanyPage{File: l.name(name), Slug: strings.TrimSuffix(path.Base(name), ".md")}
		doc := l.read(name, p.File, diags)
		if doc == nil {
			continue
		}
		dec := newDecoder(p.File, nil, diags, &l.fields)
		dec.mapping(doc.Meta, reflectValue(p), "")
		p.Keys, p.Body, p.BodyLine = dec.keys, doc.Body, doc.BodyLine
		if p.Defaults != nil {
			l.checkDefaults(p.Defaults, p.File, "defaults", diags)
		}
		out = append(out, p)
	}
	return out
}

func (l *loader) read(name, file string, diags *Diagnostics) *Document {
	raw, rule, msg := readFile(l.fsys, name, "file")
	if rule != "" {
		diags.Add(Pos{File: file, Line: 1, Col: 1}, "", rule, "%s", msg)
		return nil
	}
	doc, d := Split(file, raw)
	if d != nil {
		*diags = append(*diags, *d)
		return nil
	}
	return doc
}

// roles reads every role file, GOMAXPROCS at a time, keeping name order.
func (l *loader) roles(diags *Diagnostics) []*Role {
	names := l.mdFiles("roles", diags)
	roles := make([]*Role, len(names))
	perRole := make([]Diagnostics, len(names))
	pool.Each(len(names), func(i int) { roles[i] = l.role(names[i], &perRole[i]) })
	var out []*Role
	for i, r := range roles {
		*diags = append(*diags, perRole[i]...)
		if r != nil {
			out = append(out, r)
		}
	}
	return out
}

func (l *loader) role(name string, diags *Diagnostics) *Role {
	r := &Role{File: l.name(name), Slug: strings.TrimSuffix(path.Base(name), ".md")}
	doc := l.read(name, r.File, diags)
	if doc == nil {
		return nil
	}
	meta := doc.Meta
	for i := len(l.defaults) - 1; i >= 0; i-- {
		meta = Merge(l.defaults[i], meta)
	}
	var own Diagnostics
	dec := newDecoder(r.File, l.origin, &own, &l.fields)
	dec.mapping(meta, reflectValue(r), "")
	for _, d := range own {
		if d.Pos.File == r.File { // defaults were checked once, on their own
			*diags = append(*diags, d)
		}
	}
	r.Keys, r.Body, r.BodyLine = dec.keys, doc.Body, doc.BodyLine
	if r.Posted.IsZero() {
		r.Posted = l.firstSeen(name)
	}
	SlugInterviewers(r.Interviewers)
	r.fill(l.cfg)
	return r
}

func (l *loader) firstSeen(name string) Date {
	if l.opts.FirstSeen != nil {
		if d, ok := l.opts.FirstSeen(name); ok {
			return d
		}
	}
	if fi, err := fs.Stat(l.fsys, name); err == nil && !fi.ModTime().IsZero() {
		t := fi.ModTime().In(l.opts.Location)
		return Date{t.Year(), t.Month(), t.Day()}
	}
	return Date{}
}

// Merge lays over on top of base: mappings merge key by key, anything else
// in over replaces what base has. A key over sets twice stays twice, after
// the first, so decoding the result still reports it once. Neither input
// is changed.
func Merge(base, over *yaml.Node) *yaml.Node {
	if base == nil || base.Kind != yaml.MappingNode || over.Kind != yaml.MappingNode {
		return over
	}
	out := *over
	out.Content = nil
	idx := map[string]int{}
	for i := 0; i+1 < len(over.Content); i += 2 {
		if _, dup := idx[over.Content[i].Value]; !dup {
			idx[over.Content[i].Value] = i
		}
	}
	used := map[string]bool{}
	for i := 0; i+1 < len(base.Content); i += 2 {
		k, v := base.Content[i], base.Content[i+1]
		if j, ok := idx[k.Value]; ok {
			out.Content = append(out.Content, over.Content[j], Merge(v, over.Content[j+1]))
			used[k.Value] = true
			continue
		}
		out.Content = append(out.Content, k, v)
	}
	for i := 0; i+1 < len(over.Content); i += 2 {
		if k := over.Content[i].Value; !used[k] || idx[k] != i {
			out.Content = append(out.Content, over.Content[i], over.Content[i+1])
		}
	}
	return &out
}

// unwrapPath drops the path from a file error, since diagnostics name the
// file themselves.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// linkOut is what is said of a symbolic link out of the content folder,
// which the folder's fs.FS (an os.Root) refuses to follow.
const linkOut = "this file is a link that points outside the content folder, so it will not be read: put the file itself in the folder"

// readFile reads one content file: only a regular file (a device or a
// pipe would flood or hang the build), at most MaxFileSize bytes, into one
// buffer of its size. When it cannot, it returns the rule (read or
// file-too-large) and the message, "cannot read <what>: why" for read.
func readFile(fsys fs.FS, name, what string) (raw []byte, rule, msg string) {
	cannot := func(err error) ([]byte, string, string) {
		why := unwrapPath(err).Error()
		if why == "path escapes from parent" { // os.Root's error, which os does not export
			return nil, "read", linkOut
		}
		return nil, "read", fmt.Sprintf("cannot read %s: %s", what, why)
	}
	fi, err := fs.Stat(fsys, name)
	switch {
	case err != nil:
		return cannot(err)
	case !fi.Mode().IsRegular():
		return nil, "read", fmt.Sprintf("cannot read %s: not a regular file", what)
	case fi.Size() > MaxFileSize:
		return nil, "file-too-large", fmt.Sprintf("file is %d bytes; the limit is 1 MiB", fi.Size())
	}
	f, err := fsys.Open(name)
	if err != nil {
		return cannot(err)
	}
	defer f.Close()
	b := bytes.NewBuffer(make([]byte, 0, fi.Size()+bytes.MinRead))
	if _, err := b.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return cannot(err)
	}
	if b.Len() > MaxFileSize { // it grew since Stat
		return nil, "file-too-large", "file is over the limit of 1 MiB"
	}
	return b.Bytes(), "", ""
}
