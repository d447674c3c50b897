package check_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hirebook/hirebook/generator/check"
	"github.com/hirebook/hirebook/generator/content"
)

// minimalSite is a valid site.yaml (four lines); extra keys start on line 5.
const minimalSite = "title: Careers\ncompany:\n  name: Example Co\nbase_url: https://example.org/careers/\n"

// roleHead is the start of a valid role (five lines after the opening
// ---); extra keys start on line 6.
const roleHead = "---\ntitle: Role\nkpos:\n  - id: ship\n    title: Ship the thing\n"

// want is a diagnostic as a test pins it down: file:line key [rule], and
// text the message must contain.
type want struct {
	File string
	Line int
	Key  string
	Rule string
	Msg  string
}

// run loads a site and checks it; the input must be readable, so only
// check's own errors come back (lint warnings are tested in lint_test.go).
func run(t *testing.T, fsys fstest.MapFS) content.Diagnostics {
	t.Helper()
	site, diags := content.Load(fsys, content.Options{})
	if site == nil || len(diags) > 0 {
		t.Fatalf("test content does not load cleanly: %v", diags)
	}
	return check.Run(site).Errors()
}

func compare(t *testing.T, got content.Diagnostics, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Fatalf("got %d diagnostics, want %d:\n%v", len(got), len(wants), got)
	}
	for i, w := range wants {
		g := got[i]
		if g.Pos.File != w.File || g.Pos.Line != w.Line || g.Key != w.Key || g.Rule != w.Rule || g.Severity != content.Error {
			t.Errorf("diagnostic %d = %v\nwant an error at %s:%d, key %q, rule %q", i, g, w.File, w.Line, w.Key, w.Rule)
		}
		if !strings.Contains(g.Message, w.Msg) {
			t.Errorf("diagnostic %d message %q does not say %q", i, g.Message, w.Msg)
		}
	}
}

func TestRoleValues(t *testing.T) {
	r := "roles/r.md"
	tests := []struct {
		name  string
		extra string // front-matter lines after roleHead, from line 6
		wants []want
	}{
		{"valid role", "work_mode: hybrid\nstatus: closed\nemployment_type: INTERN\ncountry: GB\n", nil},
		{"work_mode", "work_mode: remot\n", []want{{r, 6, "work_mode", "value", `did you mean "remote"?`}}},
		{"work_mode spelt as words", "work_mode: on site\n", []want{{r, 6, "work_mode", "value", "onsite"}}},
		{"status", "status: opne\n", []want{{r, 6, "status", "value", `did you mean "open"?`}}},
		{"employment_type", "employment_type: FULLTIME\n", []want{{r, 6, "employment_type", "value", `did you mean "FULL_TIME"?`}}},
		{"employment_type in lower case", "employment_type: part_time\n", []want{{r, 6, "employment_type", "value", `did you mean "PART_TIME"?`}}},
		{"currency", "salary: {min: 1, max: 2, currency: usd, period: YEAR}\n", []want{{r, 6, "salary.currency", "value", "ISO 4217"}}},
		{"currency missing", "salary: {min: 1, max: 2, period: YEAR}\n", []want{{r, 6, "salary.currency", "value", "ISO 4217"}}},
		{"period", "salary:\n  min: 1\n  currency: EUR\n  period: YAER\n", []want{{r, 9, "salary.period", "value", `did you mean "YEAR"?`}}},
		{"salary min above max", "salary:\n  min: 90000\n  max: 80000\n  currency: USD\n  period: YEAR\n", []want{{r, 7, "salary.min", "salary-range", "above the maximum"}}},
		{"salary with only a maximum", "salary: {max: 80000, currency: USD, period: YEAR}\n", nil},
		{"negative salary", "salary:\n  min: 1\n  max: -1\n  currency: USD\n  period: YEAR\n", []want{{r, 8, "salary.max", "value", "negative"}}},
		{"salary out of reach", "salary:\n  min: 82000\n  max: 99999999999999999999999999\n  currency: USD\n  period: YEAR\n", []want{{r, 8, "salary.max", "value", "number of zeros"}}},
		{"largest salary", "salary: {min: 1, max: 1000000000000, currency: IDR, period: YEAR}\n", nil},
		{"salary without a period", "salary: {min: 1, max: 2, currency: USD}\n", []want{{r, 6, "salary.period", "required", "needs its period"}}},
		{"long reverse interview", "reverse_interview:\n  minutes: 9999999999\n", []want{{r, 7, "reverse_interview.minutes", "value", "at most 240"}}},
		{"apply javascript:", "apply: \"javascript:alert(1)\"\n", []want{{r, 6, "apply", "url", "javascript:"}}},
		{"apply JavaScript: in capitals", "apply: \"JavaScript:alert(1)\"\n", []want{{r, 6, "apply", "url", ""}}},
		{"apply data:", "apply: \"data:text/html,hi\"\n", []want{{r, 6, "apply", "url", ""}}},
		{"apply relative", "apply: /apply/\n", []want{{r, 6, "apply", "url", ""}}},
		{"apply mailto", "apply: \"mailto:jobs@example.org?subject=Role\"\n", nil},
		{"apply https", "apply: https://jobs.example.org/apply/1\n", nil},
		{"apply mailto without an address", "apply: \"mailto:jobs\"\n", []want{{r, 6, "apply", "url", ""}}},
		{"duplicate KPO ids", "  - id: ship\n    title: Ship it again\n", []want{{r, 6, "kpos[1].id", "duplicate-id", `"ship"`}}},
		{"duplicate KPO ids from titles", "  - title: Ship it\n  - title: Ship it!\n", []want{{r, 7, "kpos[2].id", "duplicate-id", `"ship-it"`}}},
		{"KPO without title", "  - id: other\n    outcome: x\n", []want{{r, 6, "kpos[1].title", "required", ""}}},
		{"covers an unknown KPO", "interviewers:\n  - name: Ana\n    covers: [ship, shipp]\n", []want{{r, 8, "interviewers[0].covers[1]", "unknown-kpo", `did you mean "ship"?`}}},
		{"interviewer without name", "interviewers:\n  - title: Lead\n", []want{{r, 7, "interviewers[0].name", "required", ""}}},
		{"traits", "traits: [reliable, independant]\n", []want{{r, 6, "traits[1]", "value", `did you mean "independent"?`}}},
		{"KPO traits", "    traits: [colaborative]\n", []want{{r, 6, "kpos[0].traits[0]", "value", `did you mean "collaborative"?`}}},
		{"alias with ..", "aliases: [/roles/../admin/]\n", []want{{r, 6, "aliases[0]", "alias", ".."}}},
		{"alias with a scheme", "aliases:\n  - /ok/\n  - https://evil.example/x/\n", []want{{r, 8, "aliases[1]", "alias", ""}}},
		{"alias with a host", "aliases: [//evil.example/x/]\n", []want{{r, 6, "aliases[0]", "alias", ""}}},
		{"alias not site-relative", "aliases: [roles/old/]\n", []want{{r, 6, "aliases[0]", "alias", ""}}},
		{"alias with a query", "aliases: ['/old/?id=3']\n", []want{{r, 6, "aliases[0]", "alias", ""}}},
		{"alias with a backslash", "aliases: ['/old\\..\\x/']\n", []want{{r, 6, "aliases[0]", "alias", ""}}},
		{"alias with a dot segment", "aliases: [/old/./x/]\n", []want{{r, 6, "aliases[0]", "alias", ""}}},
		{"valid aliases", "aliases: [/roles/old/, /jobs/123.html]\n", nil},
		{"country", "country: USA\n", []want{{r, 6, "country", "value", "ISO 3166-1"}}},
		{"applicant countries", "applicant_countries: [US, XX]\n", []want{{r, 6, "applicant_countries[1]", "value", `"XX"`}}},
		{"language", "language: en_GB\n", []want{{r, 6, "language", "language", "BCP 47"}}},
		{"reverse interview request javascript:", "reverse_interview: {request: \"javascript:alert(1)\"}\n", []want{{r, 6, "reverse_interview.request", "url", ""}}},
		{"reverse interview request as text", "reverse_interview: {request: \"Ask your recruiter: any time\"}\n", nil},
		{"negative reverse interview minutes", "reverse_interview:\n  minutes: -5\n", []want{{r, 7, "reverse_interview.minutes", "value", ""}}},
		{"several problems, in line order", "work_mode: anywhere\nstatus: live\napply: \"javascript:x\"\n", []want{
			{r, 6, "work_mode", "value", ""}, {r, 7, "status", "value", ""}, {r, 8, "apply", "url", ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, fstest.MapFS{
				"site.yaml":  {Data: []byte(minimalSite)},
				"roles/r.md": {Data: []byte(roleHead + tt.extra + "---\nBody.\n")},
			})
			compare(t, got, tt.wants)
		})
	}
}

func TestRoleRequired(t *testing.T) {
	r := "roles/r.md"
	tests := []struct {
		name  string
		file  string
		wants []want
	}{
		{"no front-matter", "Just text.\n", []want{{r, 1, "kpos", "required", ""}, {r, 1, "title", "required", ""}}},
		{"blank title", "---\ntitle: '   '\nkpos: [{title: X}]\n---\n", []want{{r, 2, "title", "required", ""}}},
		{"empty KPO list", "---\ntitle: A\nkpos: []\n---\n", []want{{r, 3, "kpos", "required", ""}}},
		{"blank KPO title", "---\ntitle: A\nkpos:\n  - title: ' '\n---\n", []want{{r, 4, "kpos[0].title", "required", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, fstest.MapFS{"site.yaml": {Data: []byte(minimalSite)}, "roles/r.md": {Data: []byte(tt.file)}})
			compare(t, got, tt.wants)
		})
	}
}

func TestSiteValues(t *testing.T) {
	s := "site.yaml"
	tests := []struct {
		name  string
		extra string // site.yaml lines from line 5
		wants []want
	}{
		{"valid settings", "language: en-GB\ntimezone: Europe/London\ntheme: corporate\nguides: {protect: passphrase}\ncname: careers.example.com\naccommodations: \"mailto:access@example.org\"\n", nil},
		{"accommodations as text", "accommodations: \"Tell your recruiter: they will arrange it.\"\n", nil},
		{"theme with a slash", "theme: my/theme\n", []want{{s, 5, "theme", "theme", ""}}},
		{"theme with a backslash", "theme: 'my\\theme'\n", []want{{s, 5, "theme", "theme", ""}}},
		{"theme ..", "theme: ..\n", []want{{s, 5, "theme", "theme", ""}}},
		{"theme path", "theme: ../../etc\n", []want{{s, 5, "theme", "theme", ""}}},
		{"language", "language: english\n", []want{{s, 5, "language", "language", ""}}},
		{"timezone", "timezone: Mars/Olympus\n", []want{{s, 5, "timezone", "timezone", ""}}},
		{"timezone Local", "timezone: Local\n", []want{{s, 5, "timezone", "timezone", ""}}},
		{"guides.protect", "guides:\n  protect: pasphrase\n", []want{{s, 6, "guides.protect", "value", `did you mean "passphrase"?`}}},
		{"cname with a scheme", "cname: https://careers.example.com\n", []want{{s, 5, "cname", "cname", ""}}},
		{"cname with a path", "cname: careers.example.com/jobs\n", []want{{s, 5, "cname", "cname", ""}}},
		{"cname in capitals", "cname: Careers.Example.COM\n", nil},
		{"accommodations javascript:", "accommodations: \"javascript:alert(1)\"\n", []want{{s, 5, "accommodations", "url", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, fstest.MapFS{"site.yaml": {Data: []byte(minimalSite + tt.extra)}})
			compare(t, got, tt.wants)
		})
	}
}

func TestBaseURL(t *testing.T) {
	tests := []struct {
		url  string
		rule string // empty: valid
	}{
		{"https://example.org/", ""},
		{"https://example.github.io/careers/", ""},
		{"https://example.github.io/careers", ""},
		{"http://localhost:1313/", ""},
		{"", "required"},
		{"example.org/careers/", "url"},
		{"/careers/", "url"},
		{"ftp://example.org/", "url"},
		{"https:///careers/", "url"},
		{"https://example.org/?preview=1", "url"},
		{"https://example.org/#top", "url"},
		{"javascript:alert(1)", "url"},
		{"https://example.github.io//careers/", "url"},
		{"https://example.github.io/a/../careers/", "url"},
		{"https://user@example.github.io/", "url"},
		{"https://example.github.io/karriär/", ""},
		{"https://x.example:99999/", "url"},
		{"https://x.example:0/", "url"},
		{"https://x.example:65535/", ""},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			site := fmt.Sprintf("title: Careers\ncompany:\n  name: Example Co\nbase_url: %q\n", tt.url)
			got := run(t, fstest.MapFS{"site.yaml": {Data: []byte(site)}})
			if tt.rule == "" {
				compare(t, got, nil)
				return
			}
			compare(t, got, []want{{"site.yaml", 4, "base_url", tt.rule, ""}})
		})
	}
}

func TestCompanyLogo(t *testing.T) {
	tests := []struct {
		logo string
		ok   bool
	}{
		{"https://cdn.example.org/logo.png", true},
		{"/assets/logo.svg", true},
		{"logo.png", false},
		{"javascript:alert(1)", false},
		{"//cdn.example.org/logo.png", false},
		{"data:image/png;base64,AAAA", false},
	}
	for _, tt := range tests {
		t.Run(tt.logo, func(t *testing.T) {
			site := fmt.Sprintf("title: Careers\ncompany:\n  name: Example Co\n  logo: %q\nbase_url: https://example.org/\n", tt.logo)
			got := run(t, fstest.MapFS{"site.yaml": {Data: []byte(site)}})
			if tt.ok {
				compare(t, got, nil)
				return
			}
			compare(t, got, []want{{"site.yaml", 4, "company.logo", "url", tt.logo}})
		})
	}
}

func TestSiteRequired(t *testing.T) {
	got := run(t, fstest.MapFS{
		"site.yaml":         {Data: []byte("company:\n  url: example.com\n")},
		"company/growth.md": {Data: []byte("---\nsummary: No title\n---\nBody\n")},
	})
	compare(t, got, []want{
		{"company/growth.md", 1, "title", "required", ""},
		{"site.yaml", 1, "base_url", "required", ""},
		{"site.yaml", 1, "company.name", "required", ""}, // at the company key that lacks it
		{"site.yaml", 1, "title", "required", ""},
		{"site.yaml", 2, "company.url", "url", ""},
	})
}

func TestDefaultValuesPointAtTheirFile(t *testing.T) {
	// A bad value inherited from site.yaml is an error in site.yaml, and
	// reported once, not once for every role.
	got := run(t, fstest.MapFS{
		"site.yaml":  {Data: []byte(minimalSite + "defaults:\n  work_mode: remot\n")},
		"roles/a.md": {Data: []byte(roleHead + "---\n")},
		"roles/b.md": {Data: []byte(roleHead + "---\n")},
	})
	compare(t, got, []want{{"site.yaml", 6, "work_mode", "value", "remote"}})
}

func TestSlugCollision(t *testing.T) {
	got := run(t, fstest.MapFS{
		"site.yaml":  {Data: []byte(minimalSite)},
		"roles/a.md": {Data: []byte(roleHead + "---\n")},
		"roles/A.md": {Data: []byte(roleHead + "---\n")},
	})
	compare(t, got, []want{{"roles/a.md", 1, "", "slug-collision", "roles/A.md"}})
}

func TestAliasProblem(t *testing.T) {
	for alias, ok := range map[string]bool{
		"/roles/old/": true, "/a": true, "/jobs/42.html": true, "/ünïcode/": true,
		"": false, "/": true, "relative/": false, "//host/x": false, "/a/../b": false, "/..": false,
		"/a/./b": false, "https://x.example/": false, "/a#b": false, "/a?b": false, "/a b/": false,
		"/a\\b": false, "/a\nb": false, "/a\"b": false,
		"/%2e%2e/z/": false, "/a%20b/": false, "/.hirebook-output": false, "/a/.git/x": false, "/.well-known/": false, "/a.b/": true,
	} {
		if got := check.AliasProblem(alias) == ""; got != ok {
			t.Errorf("AliasProblem(%q) = %q; valid %v, want %v", alias, check.AliasProblem(alias), got, ok)
		}
	}
}

// Two team names that would share one team page are an error on the later
// role's team key; the same name twice, or names that differ in letters,
// are fine.
func TestTeamPagesDoNotCollide(t *testing.T) {
	site := "title: Careers\ncompany:\n  name: Example Co\nbase_url: https://example.org/\n"
	role := func(team string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: A role\nteam: %q\nkpos: [{title: Double the newsletter readers within a year}]\n---\n", team))}
	}
	got := run(t, fstest.MapFS{
		"site.yaml":  {Data: []byte(site)},
		"roles/a.md": role("Sales"),
		"roles/b.md": role("sales"),
		"roles/c.md": role("Sales"),
		"roles/d.md": role("🚀"),
		"roles/e.md": role("💼"),
		"roles/f.md": role("Sales Ops"),
	})
	compare(t, got, []want{
		{"roles/b.md", 3, "team", "team-collision", `"sales" would share the page /teams/sales/ with team "Sales" of roles/a.md`},
		{"roles/e.md", 3, "team", "team-collision", "/teams/team/"},
	})
}

// A bad site language is one error, in site.yaml, not one more in every
// role that inherits it; a role's own bad language is its own error.
func TestSiteLanguageReportedOnce(t *testing.T) {
	role := "---\ntitle: A role\nkpos: [{title: Double the newsletter readers within a year}]\n"
	got := run(t, fstest.MapFS{
		"site.yaml":  {Data: []byte("title: Careers\ncompany:\n  name: Example Co\nbase_url: https://example.org/\nlanguage: english\n")},
		"roles/a.md": {Data: []byte(role + "---\n")},
		"roles/b.md": {Data: []byte(role + "---\n")},
		"roles/c.md": {Data: []byte(role + "language: deutsch\n---\n")},
	})
	compare(t, got, []want{
		{"roles/c.md", 4, "language", "language", "deutsch"},
		{"site.yaml", 5, "language", "language", "english"},
	})
}
