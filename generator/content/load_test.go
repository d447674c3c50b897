package content_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hirebook/hirebook/generator/content"
	"golang.org/x/tools/txtar"
)

// siteFS reads testdata/<name>.txtar as a content folder.
func siteFS(t *testing.T, name string) fstest.MapFS {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("testdata", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

func load(t *testing.T, fsys fstest.MapFS) (*content.Site, content.Diagnostics) {
	t.Helper()
	site, diags := content.Load(fsys, content.Options{})
	if site == nil {
		t.Fatalf("site.yaml was not read: %v", diags)
	}
	return site, diags
}

func roleBySlug(t *testing.T, site *content.Site, slug string) *content.Role {
	t.Helper()
	for _, r := range site.Roles {
		if r.Slug == slug {
			return r
		}
	}
	t.Fatalf("no role %s", slug)
	return nil
}

func TestDefaultsMergeInOrder(t *testing.T) {
	site, diags := load(t, siteFS(t, "defaults"))
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%v", diags)
	}
	tests := []struct {
		slug          string
		employment    string
		dev           content.Development
		feedback      string
		minutes       int
		offered       bool
		requestBySite bool
	}{
		{
			slug:       "inherits",
			employment: "PART_TIME",
			dev: content.Development{
				Technical:  "site technical",                                 // only site.yaml sets it
				Teamwork:   "first teamwork",                                 // the first company page wins over site.yaml
				Leadership: "second leadership",                              // only the second company page sets it
				People:     []string{"first person one", "first person two"}, // a list replaces the site's
				Resources:  []string{"site resource"},
			},
			feedback: "second promise", // the later company page wins
			minutes:  30, offered: true, requestBySite: true,
		},
		{
			slug:       "overrides",
			employment: "FULL_TIME",
			dev: content.Development{
				Technical:  "site technical",
				Teamwork:   "first teamwork",
				Leadership: "own leadership",       // the role wins, key by key
				People:     []string{"own person"}, // and its list replaces the defaults' list
				Resources:  []string{"site resource"},
			},
			feedback: "own promise",
			minutes:  30, offered: false, requestBySite: true,
		},
		{
			slug:       "empties",
			employment: "PART_TIME",
			dev: content.Development{
				Technical:  "site technical",
				Teamwork:   "first teamwork",
				Leadership: "second leadership",
				People:     []string{"first person one", "first person two"},
				Resources:  []string{}, // an empty list replaces too
			},
			feedback: "second promise",
			minutes:  30, offered: true, requestBySite: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.slug, func(t *testing.T) {
			r := roleBySlug(t, site, tt.slug)
			if r.EmploymentType != tt.employment {
				t.Errorf("employment_type = %q, want %q", r.EmploymentType, tt.employment)
			}
			if !reflect.DeepEqual(r.Development, tt.dev) {
				t.Errorf("development =\n%#v\nwant\n%#v", r.Development, tt.dev)
			}
			if r.Feedback.Promise != tt.feedback {
				t.Errorf("feedback.promise = %q, want %q", r.Feedback.Promise, tt.feedback)
			}
			if r.ReverseInterview.Minutes != tt.minutes || r.ReverseInterview.IsOffered() != tt.offered {
				t.Errorf("reverse interview = %d minutes, offered %v; want %d, %v", r.ReverseInterview.Minutes, r.ReverseInterview.IsOffered(), tt.minutes, tt.offered)
			}
			if got := r.ReverseInterview.Request == "mailto:talent@example.org"; got != tt.requestBySite {
				t.Errorf("reverse_interview.request = %q", r.ReverseInterview.Request)
			}
		})
	}
	// An inherited key points at the file that set it.
	r := roleBySlug(t, site, "inherits")
	if p := r.Keys["feedback.promise"]; p.File != "company/b-second.md" || p.Line != 7 {
		t.Errorf("inherited feedback.promise is at %v, want company/b-second.md:7", p)
	}
	if p := r.Keys["development.technical"]; p.File != "site.yaml" || p.Line != 7 {
		t.Errorf("inherited development.technical is at %v, want site.yaml:7", p)
	}
	if p := roleBySlug(t, site, "overrides").Keys["feedback.promise"]; p.File != "roles/overrides.md" || p.Line != 9 {
		t.Errorf("own feedback.promise is at %v, want roles/overrides.md:9", p)
	}
}

// A role's duplicate key is reported once, even when a default sets the
// same key.
func TestDuplicateKeyOverDefault(t *testing.T) {
	fsys := siteFS(t, "defaults")
	fsys["roles/dup.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Dup\nkpos: [{title: A}]\nfeedback: {promise: x}\ndevelopment:\n  technical: a\n  technical: b\nfeedback: {promise: y}\n---\n")}
	_, diags := load(t, fsys)
	checkDiags(t, diags, "roles/dup.md", []want{
		{Line: 7, Col: 3, Key: "development.technical", Rule: "duplicate-key"},
		{Line: 8, Col: 1, Key: "feedback", Rule: "duplicate-key"},
	})
}

func TestTOMLDecodesLikeYAML(t *testing.T) {
	site, diags := load(t, siteFS(t, "toml-yaml"))
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%v", diags)
	}
	y, tm := *roleBySlug(t, site, "yaml"), *roleBySlug(t, site, "toml")
	if y.Title == "" || len(y.KPOs) != 2 || y.Internal["headcount"] != 2 || y.Salary == nil || y.Salary.Max != 90000.5 {
		t.Fatalf("the YAML role was not read in full: %+v", y)
	}
	for _, r := range []*content.Role{&y, &tm} {
		r.Slug, r.File, r.Keys, r.BodyLine = "", "", nil, 0
	}
	if !reflect.DeepEqual(y, tm) {
		t.Errorf("TOML role differs from YAML role:\nyaml %+v\ntoml %+v", y, tm)
	}
	if string(tm.Body) != "Body.\n" {
		t.Errorf("TOML body = %q", tm.Body)
	}
	// TOML positions are found in the source.
	keys := roleBySlug(t, site, "toml").Keys
	for key, line := range map[string]int{"title": 2, "posted": 12, "salary.currency": 25, "kpos[1].title": 37, "interviewers[0].covers": 51} {
		if keys[key].Line != line {
			t.Errorf("TOML key %s at line %d, want %d", key, keys[key].Line, line)
		}
	}
}

func TestEveryErrorInOneLoad(t *testing.T) {
	_, diags := load(t, siteFS(t, "many-errors"))
	type d struct {
		file string
		line int
		key  string
		rule string
	}
	wants := []d{
		{"company/growth.md", 3, "title", "duplicate-key"},
		{"company/zz.md", 4, "defaults.title", "default-not-allowed"},
		{"roles/a.md", 4, "posted", "value"},
		{"roles/a.md", 5, "work_mod", "unknown-key"},
		{"roles/b.md", 1, "", "front-matter-unclosed"},
		{"roles/c.md", 5, "kpos[0].outcom", "unknown-key"},
		{"roles/d.md", 3, "stauts", "unknown-key"},
		{"site.yaml", 4, "langauge", "unknown-key"},
		{"site.yaml", 6, "defaults.feedbak", "unknown-key"},
	}
	var got []d
	for _, g := range diags {
		got = append(got, d{g.Pos.File, g.Pos.Line, g.Key, g.Rule})
	}
	if !reflect.DeepEqual(got, wants) {
		t.Errorf("diagnostics:\n%v\nwant (file, line, key, rule):\n%v", diags, wants)
	}
	for _, g := range diags {
		if g.Severity != content.Error {
			t.Errorf("%v is not an error", g)
		}
	}
	if !strings.Contains(diags.Error(), `did you mean "language"?`) {
		t.Errorf("no suggestion for langauge in:\n%v", diags)
	}
}

func TestSiteYAML(t *testing.T) {
	tests := []struct {
		name  string
		site  string
		wants []want
	}{
		{"byte-order mark and CRLF", "\xef\xbb\xbftitle: Careers\r\ncompany:\r\n  name: Example Co\r\nbase_url: https://example.org/\r\n", nil},
		{"unknown key", minimalSite + "base_ulr: x\n", []want{{Line: 5, Col: 1, Key: "base_ulr", Rule: "unknown-key", Msg: `did you mean "base_url"?`}}},
		{"unknown nested key", minimalSite + "guides:\n  protection: omit\n", []want{{Line: 6, Col: 3, Key: "guides.protection", Rule: "unknown-key", Msg: `did you mean "protect"?`}}},
		{"duplicate key", minimalSite + "title: Again\n", []want{{Line: 5, Col: 1, Key: "title", Rule: "duplicate-key"}}},
		{"params are free-form", minimalSite + "params:\n  anything: [1, 2]\n  more: {x: y}\n", nil},
		{"a default with an unknown key", minimalSite + "defaults:\n  development:\n    tech: x\n", []want{{Line: 7, Col: 5, Key: "defaults.development.tech", Rule: "unknown-key"}}},
		{"a default that only one role can have", minimalSite + "defaults:\n  kpos: []\n", []want{{Line: 6, Col: 3, Key: "defaults.kpos", Rule: "default-not-allowed"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := load(t, fstest.MapFS{"site.yaml": {Data: []byte(tt.site)}})
			checkDiags(t, diags, "site.yaml", tt.wants)
		})
	}
}

func TestSiteYAMLUnreadable(t *testing.T) {
	tests := []struct {
		name string
		fsys fstest.MapFS
		rule string
		line int
		col  int
		key  string
	}{
		{"missing", fstest.MapFS{"roles/a.md": {Data: []byte("---\ntitle: A\n---\n")}}, "missing-site", 1, 1, ""},
		{"not UTF-8", fstest.MapFS{"site.yaml": {Data: []byte("title: Caf\xe9\n")}}, "not-utf8", 1, 11, "title"},
		{"not UTF-8 in a nested key", fstest.MapFS{"site.yaml": {Data: []byte("---\ntitle: A\ncompany:\n  name: B\xe9\n")}}, "not-utf8", 4, 10, "company.name"},
		{"syntax error", fstest.MapFS{"site.yaml": {Data: []byte("title: A\ncompany: {name: B\n")}}, "yaml-syntax", 2, 10, ""},
		{"too large", fstest.MapFS{"site.yaml": {Data: []byte("title: A\n" + strings.Repeat("# padding\n", content.MaxFileSize/10+1))}}, "file-too-large", 1, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, diags := content.Load(tt.fsys, content.Options{Prefix: "content"})
			if site != nil {
				t.Errorf("got a site from an unreadable site.yaml")
			}
			if len(diags) != 1 || diags[0].Rule != tt.rule || diags[0].Pos != (content.Pos{File: "content/site.yaml", Line: tt.line, Col: tt.col}) || diags[0].Key != tt.key {
				t.Errorf("diagnostics %v, want one %s at content/site.yaml:%d:%d key %q", diags, tt.rule, tt.line, tt.col, tt.key)
			}
		})
	}
}

func TestRoleDefaults(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml": {Data: []byte(minimalSite + "language: fr\n")},
		"roles/onsite.md": {Data: []byte("---\ntitle: A\nkpos:\n  - title: Close the books, on time!\n  - title: '!!!'\n---\n"),
			ModTime: time.Date(2026, 3, 4, 23, 30, 0, 0, time.UTC)},
		"roles/remote.md": {Data: []byte("---\ntitle: B\nwork_mode: remote\nlanguage: en-GB\nkpos: [{title: X}]\n---\n")},
		"roles/posted.md": {Data: []byte("---\ntitle: C\nposted: 2026-01-02\nkpos: [{title: X}]\n---\n")},
	}
	site, diags := content.Load(fsys, content.Options{FirstSeen: func(name string) (content.Date, bool) {
		if name == "roles/remote.md" {
			return content.Date{Year: 2025, Month: 12, Day: 24}, true
		}
		return content.Date{}, false
	}})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	on, re, po := roleBySlug(t, site, "onsite"), roleBySlug(t, site, "remote"), roleBySlug(t, site, "posted")
	if on.Status != "open" || on.WorkMode != "onsite" || on.EmploymentType != "FULL_TIME" || on.Language != "fr" || on.Traits != nil {
		t.Errorf("onsite role defaults: status %q, work_mode %q, employment_type %q, language %q, traits %v", on.Status, on.WorkMode, on.EmploymentType, on.Language, on.Traits)
	}
	if on.KPOs[0].ID != "close-the-books-on-time" || on.KPOs[1].ID != "kpo-2" {
		t.Errorf("KPO ids %q, %q", on.KPOs[0].ID, on.KPOs[1].ID)
	}
	if !reflect.DeepEqual(re.Traits, []string{"reliable", "independent", "collaborative"}) || re.Language != "en-GB" {
		t.Errorf("remote role: traits %v, language %q", re.Traits, re.Language)
	}
	// posted: the front-matter, else the first commit, else the file's
	// modification date.
	if po.Posted.String() != "2026-01-02" || re.Posted.String() != "2025-12-24" || on.Posted.String() != "2026-03-04" {
		t.Errorf("posted: %s, %s, %s", po.Posted, re.Posted, on.Posted)
	}
}

func TestModificationDateInSiteTimeZone(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":  {Data: []byte(minimalSite + "timezone: Asia/Tokyo\n")},
		"roles/a.md": {Data: []byte("---\ntitle: A\nkpos: [{title: X}]\n---\n"), ModTime: time.Date(2026, 3, 4, 23, 30, 0, 0, time.UTC)},
	}
	site, diags := content.Load(fsys, content.Options{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if got := roleBySlug(t, site, "a").Posted.String(); got != "2026-03-05" {
		t.Errorf("posted = %s, want 2026-03-05 (23:30 UTC is the next day in Tokyo)", got)
	}
}

func TestSlugs(t *testing.T) {
	for in, want := range map[string]string{
		"Dana Ortiz":         "dana-ortiz",
		"  Zoë  Kowalczyk ":  "zoë-kowalczyk",
		"佐藤 健一":              "佐藤-健一",
		"O'Brien, Jr.":       "o-brien-jr",
		"---":                "",
		"प्रिया शर्मा":       "प्रिया-शर्मा",
		"สมชาย ใจดี":         "สมชาย-ใจดี",
		"Mu\u0308ller":       "müller", // the accent typed apart, as a paste from macOS may be
		"\u0301Ana":          "ana",    // a mark with no letter before it is dropped
		"Tier 1\ufe0f\u20e3": "tier-1", // a variation selector and a keycap draw, they do not spell
	} {
		if got := content.Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
	ivs := []content.Interviewer{{Name: "Dana Ortiz"}, {Name: "???"}, {Name: "dana ortiz"}, {Name: "Dana-Ortiz"}, {Name: ""}}
	content.SlugInterviewers(ivs)
	var got []string
	for _, iv := range ivs {
		got = append(got, iv.Slug)
	}
	if want := []string{"dana-ortiz", "interviewer-2", "dana-ortiz-2", "dana-ortiz-3", "interviewer-5"}; !reflect.DeepEqual(got, want) {
		t.Errorf("interviewer slugs %v, want %v", got, want)
	}
}

// roles/*.md and company/*.md leave out hidden files, as the shell's *
// does: an editor's lock file must not become a role or stop the build.
func TestHiddenFilesAreNotContent(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"site.yaml":             minimalSite,
		"roles/lead.md":         "---\ntitle: Lead\nkpos: [{title: Ship}]\n---\n",
		"roles/.lead.md.swp.md": "not: [valid",
		"company/.draft.md":     "---\ntitle: [\n",
		"company/growth.md":     "---\ntitle: Growth\n---\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Emacs locks a file being edited with a link that points nowhere.
	if err := os.Symlink("someone@host.1234:1700000000", filepath.Join(dir, "roles", ".#lead.md")); err != nil {
		t.Fatal(err)
	}
	site, diags := content.Load(os.DirFS(dir), content.Options{})
	if site == nil || len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if len(site.Roles) != 1 || site.Roles[0].Slug != "lead" || len(site.Company) != 1 || site.Company[0].Slug != "growth" {
		t.Errorf("read %d roles and %d company pages", len(site.Roles), len(site.Company))
	}
}

// Pay must be a finite number, in YAML and in TOML: infinity cannot be
// shown on a page or written as structured data.
func TestSalaryMustBeFinite(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":   {Data: []byte("title: Careers\nbase_url: https://example.com/\n")},
		"roles/a.md":  {Data: []byte("---\ntitle: A\nsalary:\n  currency: EUR\n  min: 60000\n  max: inf\n  period: YEAR\n---\n")},
		"roles/b.md":  {Data: []byte("---\ntitle: B\nsalary:\n  currency: EUR\n  min: .nan\n  period: YEAR\n---\n")},
		"roles/c.md":  {Data: []byte("+++\ntitle = \"C\"\n[salary]\ncurrency = \"EUR\"\nmax = inf\nperiod = \"YEAR\"\n+++\n")},
		"roles/ok.md": {Data: []byte("---\ntitle: OK\nsalary:\n  currency: EUR\n  min: 60_000.50\n  period: YEAR\n---\n")},
	}
	site, diags := load(t, fsys)
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos.File+" "+d.Key+" "+d.Rule)
	}
	want := []string{"roles/a.md salary.max type", "roles/b.md salary.min type", "roles/c.md salary.max type"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics %q, want %q:\n%v", got, want, diags)
	}
	if s := roleBySlug(t, site, "ok").Salary; s == nil || s.Min != 60000.5 {
		t.Errorf("a finite amount was not read: %+v", s)
	}
}

// Merge keys and keys that are lists or mappings are refused with their
// line, once each, in fixed keys and free-form ones (params, internal).
func TestMergeAndComplexKeys(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":  {Data: []byte("title: Careers\nbase_url: https://example.com/\n")},
		"roles/a.md": {Data: []byte("---\ntitle: A\nparams:\n  base: &b {currency: EUR}\nsalary:\n  <<: *b\n  period: YEAR\n---\n")},
		"roles/b.md": {Data: []byte("---\ntitle: B\ninternal:\n  ? [x, y]\n  : one\n  ? [z]\n  : two\n---\n")},
	}
	_, diags := load(t, fsys)
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%s:%d %s %s", d.Pos.File, d.Pos.Line, d.Key, d.Rule))
	}
	want := []string{"roles/a.md:6 salary.<< yaml-merge", "roles/b.md:4 internal key", "roles/b.md:6 internal key"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics %q, want %q:\n%v", got, want, diags)
	}
}

// A site.yaml that cannot be read stops the build, but the roles' and
// company pages' own mistakes are still reported in the same run.
func TestBrokenSiteYAMLStillReadsRoles(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":          {Data: []byte("title: Careers\ncompany: {name: C\n")},
		"roles/a.md":         {Data: []byte("---\ntitle: A\nwork_mod: remote\n---\n")},
		"company/culture.md": {Data: []byte("---\ntitel: Culture\n---\n")},
	}
	site, diags := content.Load(fsys, content.Options{})
	if site != nil {
		t.Fatal("a site was returned for a site.yaml that does not parse")
	}
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%s %s %s", d.Pos.File, d.Key, d.Rule))
	}
	want := []string{"company/culture.md titel unknown-key", "roles/a.md work_mod unknown-key", "site.yaml  yaml-syntax"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics %q, want %q:\n%v", got, want, diags)
	}
}

// Keys places a key whose value is a single value at the value, in YAML
// and TOML, in roles and in site.yaml, so that every diagnostic about a
// value (a work mode, a status, a time zone, a date) points at the same
// column; a list, a mapping or an empty value is placed at its key.
func TestKeysPointAtValues(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml": {Data: []byte(minimalSite + "timezone:   Mars/Base\nguides:\n  protect: secret\nparams:\n  x: y\n")},
		"roles/y.md": {Data: []byte("---\ntitle: &a Y\nwork_mode: hybird\nstatus: 'opne'\nteam: *a\nsummary:\nsalary: {min: 1, max: -2}\n" +
			"kpos:\n  - title: Ship\n    timeframe: >-\n      soon\naliases: [/old/]\n---\n")},
		"roles/t.md": {Data: []byte("+++\ntitle = \"T\"\nwork_mode =  \"hybird\"\nsalary = {min = 1, max = -2}\n[[kpos]]\ntitle = \"Ship\"\n+++\n")},
	}
	site, diags := load(t, fsys)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	type at struct{ line, col int }
	for _, tt := range []struct {
		keys content.Keys
		want map[string]at
	}{
		{site.Config.Keys, map[string]at{"timezone": {5, 13}, "guides": {6, 1}, "guides.protect": {7, 12}, "params": {8, 1}}},
		{roleBySlug(t, site, "y").Keys, map[string]at{
			"title": {2, 8}, "work_mode": {3, 12}, "status": {4, 9}, "team": {5, 7}, "summary": {6, 1},
			"salary": {7, 1}, "salary.min": {7, 15}, "salary.max": {7, 23},
			"kpos": {8, 1}, "kpos[0]": {9, 5}, "kpos[0].title": {9, 12}, "kpos[0].timeframe": {10, 16},
			"aliases": {12, 1}, "aliases[0]": {12, 11},
		}},
		{roleBySlug(t, site, "t").Keys, map[string]at{"title": {2, 9}, "work_mode": {3, 14}, "salary": {4, 1}, "salary.min": {4, 17}, "salary.max": {4, 26}}},
	} {
		for key, w := range tt.want {
			if p := tt.keys[key]; p.Line != w.line || p.Col != w.col {
				t.Errorf("%s: %s at %d:%d, want %d:%d", p.File, key, p.Line, p.Col, w.line, w.col)
			}
		}
	}
}

// A whole number too large to read is said to be too large, with the
// limit, not "expected a whole number": it is one. So is an amount past
// the largest number, in YAML and TOML.
func TestNumbersTooLarge(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":  {Data: []byte(minimalSite + "defaults:\n  reverse_interview:\n    minutes: -99_999_999_999_999_999_999\n")},
		"roles/a.md": {Data: []byte("---\ntitle: A\nreverse_interview:\n  minutes: 99999999999999999999999\nsalary: {max: 1e400}\n---\n")},
		"roles/b.md": {Data: []byte("+++\ntitle = \"B\"\nsalary = {min = -1e999}\n+++\n")},
		"roles/d.md": {Data: []byte("+++\ntitle = \"D\"\n[reverse_interview]\nminutes = 99999999999999999999999\n+++\n")},
		"roles/c.md": {Data: []byte("---\ntitle: C\nreverse_interview: {minutes: 1.5}\n---\n")},
	}
	_, diags := load(t, fsys)
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%s: %s: %s [%s]", d.Pos, d.Key, d.Message, d.Rule))
	}
	want := []string{
		"roles/a.md:4:12: reverse_interview.minutes: 99999999999999999999999 is too large: a whole number here is at most 9223372036854775807 [value]",
		"roles/a.md:5:15: salary.max: 1e400 is too large: a number here is at most about 1.8e+308 [value]",
		"roles/b.md:3:17: : -1e999 is too small: a number here is at least about -1.8e+308 [toml-syntax]",
		`roles/c.md:3:30: reverse_interview.minutes: expected a whole number, found "1.5" [type]`,
		"roles/d.md:4:11: : 99999999999999999999999 is too large: a whole number here is at most 9223372036854775807 [toml-syntax]",
		"site.yaml:7:14: defaults.reverse_interview.minutes: -99_999_999_999_999_999_999 is too small: a whole number here is at least -9223372036854775808 [value]",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A content file that is a link out of the folder is not read, and says
// so at its line 1, as does every file that cannot be read: a build reads
// the folder through an os.Root, which follows no link out of it.
func TestLinksOutOfTheFolder(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(outside, []byte("---\ntitle: Secret\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, data := range map[string]string{
		"site.yaml":     minimalSite,
		"roles/lead.md": "---\ntitle: Lead\nkpos: [{title: Ship}]\n---\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"roles/out.md":     outside,
		"roles/up.md":      "../../" + filepath.Base(filepath.Dir(outside)) + "/secret.md",
		"roles/inside.md":  "lead.md",
		"roles/nowhere.md": "gone.md",
	} {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	site, diags := content.Load(root.FS(), content.Options{Prefix: "content"})
	if site == nil {
		t.Fatal(diags)
	}
	const out = "error: this file is a link that points outside the content folder, so it will not be read: put the file itself in the folder [read]"
	want := []string{
		"content/roles/nowhere.md:1:1: error: cannot read file: no such file or directory [read]",
		"content/roles/out.md:1:1: " + out,
		"content/roles/up.md:1:1: " + out,
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Error())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(site.Roles) != 2 {
		t.Errorf("read %d roles, want lead and the link to it", len(site.Roles))
	}

	// site.yaml itself.
	if err := os.Remove(filepath.Join(dir, "site.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "site.yaml")); err != nil {
		t.Fatal(err)
	}
	if site, diags := content.Load(root.FS(), content.Options{Prefix: "content"}); site != nil || len(diags) == 0 ||
		diags[len(diags)-1].Error() != "content/site.yaml:1:1: "+strings.Replace(out, "[read]", "[missing-site]", 1) {
		t.Errorf("site.yaml linked out of the folder: %v", diags)
	}
}
